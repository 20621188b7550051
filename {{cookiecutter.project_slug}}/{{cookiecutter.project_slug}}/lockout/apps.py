from django.apps import AppConfig
from django.contrib.auth.signals import user_login_failed


class LockoutConfig(AppConfig):
    """The failed-login lockout: a username's logins stop after too many recent failures.

    It counts the ``user_login_failed`` signal, which every password login sends, so no
    login view needs to know about it.
    """

    name = "{{ cookiecutter.project_slug }}.lockout"
    label = "lockout"

    def ready(self):
        from .throttles import FailedLoginThrottle

        user_login_failed.connect(FailedLoginThrottle.record_failure)
