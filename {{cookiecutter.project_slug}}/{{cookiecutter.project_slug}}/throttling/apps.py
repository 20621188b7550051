from django.apps import AppConfig
from django.core import checks


class ThrottlingConfig(AppConfig):
    """Rate limits per client IP, per user and per scope, kept in a cache workers share."""

    name = "{{ cookiecutter.project_slug }}.throttling"
    label = "throttling"

    def ready(self):
        from .checks import check_shared_cache

        checks.register(check_shared_cache, checks.Tags.security, deploy=True)
