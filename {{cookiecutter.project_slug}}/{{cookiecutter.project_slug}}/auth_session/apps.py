from django.apps import AppConfig


class AuthSessionConfig(AppConfig):
    """Session-cookie authentication for browser clients, with CSRF protection."""

    name = "{{ cookiecutter.project_slug }}.auth_session"
    label = "auth_session"

    def ready(self):
        # Registers the OpenAPI description of the authentication class.
        from {{ cookiecutter.project_slug }}.users.login import register_issuer
        from {{ cookiecutter.project_slug }}.users.serializers import UserSerializer

        from . import schema  # noqa: F401
        from .views import issue_session

        register_issuer("session", issue_session, UserSerializer)
