from django.apps import AppConfig


class AuthOAuth2Config(AppConfig):
    """An OAuth2 authorization server (django-oauth-toolkit) whose tokens call this API."""

    name = "{{ cookiecutter.project_slug }}.auth_oauth2"
    label = "auth_oauth2"

    def ready(self):
        # Registers the OpenAPI description of the authentication class.
        from . import schema  # noqa: F401
