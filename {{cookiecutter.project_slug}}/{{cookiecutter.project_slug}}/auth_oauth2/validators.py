import hashlib

from oauth2_provider import oauth2_validators
from oauth2_provider.models import (
    get_access_token_model,
    get_grant_model,
    get_refresh_token_model,
)


def checksum(token):
    """What is stored of a token: its SHA-256 digest."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class OAuth2Validator(oauth2_validators.OAuth2Validator):
    """django-oauth-toolkit's validator, loading less and locking what works once.

    A request's token, its user, its application and the application's user (whom a client
    credentials token acts for) come in one query.

    An authorization code and a refresh token are locked when checked, until the token
    endpoint's transaction ends (see ``views.TokenView``): a second request with the same
    code or refresh token waits, then finds it used. Without the lock, concurrent requests
    all pass the check and race to use it.
    """

    def _load_access_token(self, token):
        return (
            get_access_token_model()
            .objects.select_related("user", "application__user")
            .filter(token_checksum=checksum(token))
            .first()
        )

    def validate_code(self, client_id, code, client, request, *args, **kwargs):
        grants = get_grant_model().objects.filter(code=code, application=client)
        list(grants.select_for_update().values_list("pk", flat=True))
        return super().validate_code(client_id, code, client, request, *args, **kwargs)

    def validate_refresh_token(self, refresh_token, client, request, *args, **kwargs):
        tokens = get_refresh_token_model().objects.filter(token_checksum=checksum(refresh_token))
        list(tokens.select_for_update().values_list("pk", flat=True))
        return super().validate_refresh_token(refresh_token, client, request, *args, **kwargs)
