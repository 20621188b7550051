from django.apps import AppConfig
from django.db.models.signals import pre_save


class AuthJwtConfig(AppConfig):
    """JWT authentication (simplejwt): short-lived access tokens, rotating refresh tokens."""

    name = "{{ cookiecutter.project_slug }}.auth_jwt"
    label = "auth_jwt"

    def ready(self):
        from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

        # Registers the OpenAPI descriptions of this app's classes.
        from . import schema  # noqa: F401
        from .tokens import store_token_digest

        pre_save.connect(store_token_digest, sender=OutstandingToken)
