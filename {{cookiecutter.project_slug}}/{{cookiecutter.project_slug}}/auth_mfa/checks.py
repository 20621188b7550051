from django.conf import settings
from django.core import checks

REQUIRED_CHOICES = ("none", "staff", "all")


@checks.register(checks.Tags.security)
def check_mfa_required(app_configs, **kwargs):
    """``DJANGO_MFA_REQUIRED`` must name who needs a second factor."""
    if settings.MFA_REQUIRED in REQUIRED_CHOICES:
        return []
    return [
        checks.Error(
            f"MFA_REQUIRED is {settings.MFA_REQUIRED!r}.",
            hint=f"Set DJANGO_MFA_REQUIRED to one of {', '.join(REQUIRED_CHOICES)}.",
            id="auth_mfa.E001",
        )
    ]
