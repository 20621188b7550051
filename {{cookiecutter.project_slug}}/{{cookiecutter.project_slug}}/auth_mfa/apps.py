from django.apps import AppConfig


class AuthMfaConfig(AppConfig):
    """A second factor (TOTP, with recovery codes) for every password sign-in (django-otp)."""

    name = "{{ cookiecutter.project_slug }}.auth_mfa"
    label = "auth_mfa"
    verbose_name = "Two-factor authentication"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from {{ cookiecutter.project_slug }}.users import steps
        from {{ cookiecutter.project_slug }}.users.serializers import add_me_field

        from . import checks  # noqa: F401
        from .login import SecondFactor
        from .serializers import MfaField
        from .signals import forget_challenges_on_password_change

        steps.register(SecondFactor())
        add_me_field("mfa", MfaField)
        post_save.connect(forget_challenges_on_password_change, sender=get_user_model())
