from django.apps import AppConfig


class UsersConfig(AppConfig):
    """The custom user model, registration and the ``me`` endpoint."""

    name = "{{ cookiecutter.project_slug }}.users"
    label = "users"
    default_auto_field = "django.db.models.BigAutoField"
