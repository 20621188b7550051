from {{ cookiecutter.project_slug }}.core import permissions


class OwnLoginOnly(permissions.OwnLoginOnly):
    message = "API keys are managed with a login of the user's own."
