from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save


class AuthOAuth2Config(AppConfig):
    """An OAuth2 authorization server (django-oauth-toolkit) whose tokens call this API."""

    name = "{{ cookiecutter.project_slug }}.auth_oauth2"
    label = "auth_oauth2"

    def ready(self):
        # Registers the OpenAPI description of the authentication class.
        from oauth2_provider.signals import app_authorized

        from . import schema  # noqa: F401
        from .signals import announce_token, revoke_tokens_on_password_change

        post_save.connect(revoke_tokens_on_password_change, sender=get_user_model())
        app_authorized.connect(announce_token)
