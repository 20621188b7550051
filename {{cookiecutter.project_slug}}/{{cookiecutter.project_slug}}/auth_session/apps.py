from django.apps import AppConfig


class AuthSessionConfig(AppConfig):
    """Session-cookie authentication for browser clients, with CSRF protection."""

    name = "{{ cookiecutter.project_slug }}.auth_session"
    label = "auth_session"

    def ready(self):
        # Registers the OpenAPI description of the authentication class.
        from . import schema  # noqa: F401
