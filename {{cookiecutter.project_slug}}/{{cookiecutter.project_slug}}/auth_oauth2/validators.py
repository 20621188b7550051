import hashlib

from oauth2_provider import oauth2_validators
from oauth2_provider.models import get_access_token_model


class OAuth2Validator(oauth2_validators.OAuth2Validator):
    """django-oauth-toolkit's validator, loading a token with everything a request needs.

    The token, its user, its application and the application's user (whom a client
    credentials token acts for) come in one query, found by the token's SHA-256 checksum:
    only that checksum is stored.
    """

    def _load_access_token(self, token):
        checksum = hashlib.sha256(token.encode("utf-8")).hexdigest()
        return (
            get_access_token_model()
            .objects.select_related("user", "application__user")
            .filter(token_checksum=checksum)
            .first()
        )
