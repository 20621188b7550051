from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Pieces every feature shares: the API's error shape, its handling and its schema;
    and the site root, which points at the API's documentation."""

    name = "{{ cookiecutter.project_slug }}.core"
    label = "core"
