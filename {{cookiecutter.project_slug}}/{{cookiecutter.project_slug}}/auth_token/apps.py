from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save


class AuthTokenConfig(AppConfig):
    """Opaque per-device tokens (django-rest-knox): hashed at rest, expiring, limited."""

    name = "{{ cookiecutter.project_slug }}.auth_token"
    label = "auth_token"

    def ready(self):
        # Registers the OpenAPI description of the authentication class.
        from {{ cookiecutter.project_slug }}.users.login import register_issuer

        from . import schema  # noqa: F401
        from .signals import revoke_tokens_on_password_change
        from .views import TokenLoginSerializer, issue_token

        post_save.connect(revoke_tokens_on_password_change, sender=get_user_model())
        register_issuer("token", issue_token, TokenLoginSerializer)
