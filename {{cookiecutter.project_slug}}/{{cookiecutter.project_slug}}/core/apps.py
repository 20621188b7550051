from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Pieces every feature shares: JSON error pages."""

    name = "{{ cookiecutter.project_slug }}.core"
    label = "core"
