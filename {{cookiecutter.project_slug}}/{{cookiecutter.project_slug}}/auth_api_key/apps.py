from django.apps import AppConfig


class AuthApiKeyConfig(AppConfig):
    """Service API keys (djangorestframework-api-key), hashed at rest and bound to a user."""

    name = "{{ cookiecutter.project_slug }}.auth_api_key"
    label = "auth_api_key"

    def ready(self):
        # Registers the OpenAPI description of the authentication class.
        from . import schema  # noqa: F401
