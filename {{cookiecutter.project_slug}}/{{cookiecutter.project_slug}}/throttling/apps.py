from django.apps import AppConfig
from django.contrib.auth.signals import user_login_failed
from django.core import checks


class ThrottlingConfig(AppConfig):
    """Rate limits, and the failed-login lockout that holds whatever the client IP."""

    name = "{{ cookiecutter.project_slug }}.throttling"
    label = "throttling"

    def ready(self):
        from .checks import check_shared_cache
        from .throttles import FailedLoginThrottle

        user_login_failed.connect(FailedLoginThrottle.record_failure)
        checks.register(check_shared_cache, checks.Tags.security, deploy=True)
