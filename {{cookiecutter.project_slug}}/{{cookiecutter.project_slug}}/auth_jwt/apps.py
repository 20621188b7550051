from django.apps import AppConfig
from django.db.models.signals import pre_save


class AuthJwtConfig(AppConfig):
    """JWT authentication (simplejwt): short-lived access tokens, rotating refresh tokens."""

    name = "{{ cookiecutter.project_slug }}.auth_jwt"
    label = "auth_jwt"

    def ready(self):
        from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

        from {{ cookiecutter.project_slug }}.users.login import register_issuer

        # Registers the OpenAPI descriptions of this app's classes.
        from . import schema  # noqa: F401
        from .tokens import store_token_digest
        from .views import TokenPairSerializer, issue_tokens

        pre_save.connect(store_token_digest, sender=OutstandingToken)
        register_issuer("jwt", issue_tokens, TokenPairSerializer)
