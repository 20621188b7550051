from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from {{ cookiecutter.project_slug }}.users.steps import LoginStep

from . import factors
from .models import Challenge
from .serializers import ChallengeSerializer


class SecondFactor(LoginStep):
    """The second factor of every sign-in, for users who set one up (or must).

    An API login answers with an ``mfa_token`` instead of the credential; a sign-in form
    asks for the code on the same page.
    """

    answer_serializer = ChallengeSerializer

    def challenge(self, request, user, strategy):
        if factors.has_mfa(user):
            purpose = Challenge.Purpose.VERIFY
        elif factors.mfa_required(user):
            purpose = Challenge.Purpose.ENROL
        else:
            return None
        return {
            "mfa_required": True,
            "mfa_token": Challenge.objects.issue(user, strategy, purpose),
            "expires_in": settings.MFA_TOKEN_MINUTES * 60,
            "enrolment_required": purpose == Challenge.Purpose.ENROL,
        }

    def add_form_fields(self, form):
        form.fields["otp_code"] = forms.CharField(
            label="Two-factor code",
            required=False,
            max_length=32,
            help_text="From your authenticator app, or a recovery code; if you set one up.",
            widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        )

    def check_form(self, form, user):
        if not factors.has_mfa(user):
            if factors.mfa_required(user):
                raise ValidationError(
                    "Set up two-factor authentication (auth/mfa/totp/setup/ in the API) "
                    "before signing in here.",
                    code="mfa_enrolment_required",
                )
            return
        code = form.cleaned_data.get("otp_code")
        if not code:
            raise ValidationError(
                "Enter the code from your authenticator app, or a recovery code.",
                code="mfa_required",
            )
        with transaction.atomic():
            verification = factors.verify_code(user, code)
        if verification.retry_after is not None:
            raise ValidationError(
                "Too many wrong codes: try again in %(seconds)d seconds.",
                code="mfa_backoff",
                params={"seconds": verification.retry_after},
            )
        if verification.method is None:
            raise ValidationError("Invalid two-factor code.", code="mfa_invalid")
