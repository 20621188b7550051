from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Pieces every feature shares: the API's error shape, its handling and its schema."""

    name = "{{ cookiecutter.project_slug }}.core"
    label = "core"
