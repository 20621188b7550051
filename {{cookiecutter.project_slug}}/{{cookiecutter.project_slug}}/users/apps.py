from django.apps import AppConfig


class UsersConfig(AppConfig):
    """The custom user model and the endpoints about the caller's own account."""

    name = "{{ cookiecutter.project_slug }}.users"
    label = "users"
    default_auto_field = "django.db.models.BigAutoField"
