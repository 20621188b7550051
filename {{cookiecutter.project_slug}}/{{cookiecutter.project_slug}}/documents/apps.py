from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """The example resource; delete it, or copy it for your own resources."""

    name = "{{ cookiecutter.project_slug }}.documents"
    label = "documents"
