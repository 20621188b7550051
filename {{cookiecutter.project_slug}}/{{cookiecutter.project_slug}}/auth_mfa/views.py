import segno
from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from {{ cookiecutter.project_slug }}.core.events import announce
from {{ cookiecutter.project_slug }}.core.permissions import OwnLoginOnly
from {{ cookiecutter.project_slug }}.users.login import confirm_password, issue_credential

from . import factors
from .models import Challenge
from .serializers import (
    ConfirmSerializer,
    EnrolledSerializer,
    EnrolmentSerializer,
    LoginAnswerSerializer,
    MfaVerifySerializer,
    ReauthenticationSerializer,
    RecoveryCodesSerializer,
    SetupSerializer,
    StatusSerializer,
)

INVALID_TOKEN = "This mfa_token is invalid, used or expired: log in again."  # noqa: S105
INVALID_CODE = "Invalid code."


def fail_attempt(challenge):
    """Count a wrong code against the mfa_token; spend the token at the limit."""
    challenge.failures += 1
    if challenge.failures >= Challenge.MAX_FAILURES:
        challenge.delete()
    else:
        challenge.save(update_fields=["failures"])


def refuse(verification):
    if verification.retry_after is not None:
        raise exceptions.Throttled(verification.retry_after)
    raise exceptions.AuthenticationFailed(INVALID_CODE)


class StatusView(APIView):
    """Whether the caller has a second factor, and how many recovery codes remain."""

    @extend_schema(responses=StatusSerializer)
    def get(self, request):
        user = request.user
        return Response(
            {
                "enabled": factors.has_mfa(user),
                "required": factors.mfa_required(user),
                "recovery_codes_left": factors.recovery_codes_left(user),
            }
        )


class EnrolmentView(APIView):
    """Setting up an authenticator: the caller's own, or that of a login told to enrol.

    A login that answered ``enrolment_required`` has no credential yet; its ``mfa_token``
    stands for the user here instead, and confirming finishes that login.
    """

    permission_classes = [permissions.AllowAny]

    def enrolling(self, request, data):
        """The user setting up, and the login's challenge when they came with an mfa_token."""
        token = data.get("mfa_token")
        if token:
            challenge = Challenge.objects.for_token(token, Challenge.Purpose.ENROL)
            if challenge is None:
                raise exceptions.AuthenticationFailed(INVALID_TOKEN)
            return challenge.user, challenge
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        if not OwnLoginOnly().has_permission(request, self):
            raise exceptions.PermissionDenied(OwnLoginOnly.message)
        return request.user, None


class SetupView(EnrolmentView):
    """Start setting up a TOTP authenticator: its secret, as text, URI and QR code.

    Nothing changes for the user until ``confirm`` gets a code from the authenticator.
    """

    @extend_schema(request=EnrolmentSerializer, responses=SetupSerializer)
    @transaction.atomic
    def post(self, request):
        serializer = EnrolmentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user, _challenge = self.enrolling(request, serializer.validated_data)
        if factors.has_mfa(user):
            raise exceptions.ValidationError(
                "Two-factor authentication is already on: disable it first to replace it."
            )
        device = factors.start_totp(user)
        uri = device.config_url
        return Response(
            {
                "secret": factors.base32_secret(device),
                "otpauth_uri": uri,
                "qr_code": segno.make(uri, error="m").svg_data_uri(scale=4),
            }
        )


class ConfirmView(EnrolmentView):
    """Turn the authenticator on with a code from it; answers the recovery codes, once."""

    @extend_schema(
        request=ConfirmSerializer, responses={status.HTTP_201_CREATED: EnrolledSerializer}
    )
    def post(self, request):
        serializer = ConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            user, challenge = self.enrolling(request, serializer.validated_data)
            device = factors.pending_totp(user)
            if device is None:
                raise exceptions.ValidationError("Start with auth/mfa/totp/setup/.")
            verification = factors.confirm_totp(device, serializer.validated_data["code"])
            if verification.method is not None:
                answer = {"recovery_codes": factors.new_recovery_codes(user)}
                if challenge is not None:
                    challenge.delete()
                    answer["login"] = issue_credential(request, user, challenge.strategy)
                return Response(answer, status=status.HTTP_201_CREATED)
            if challenge is not None:
                fail_attempt(challenge)
        if verification.retry_after is not None:
            raise exceptions.Throttled(verification.retry_after)
        raise exceptions.ValidationError({"code": [INVALID_CODE]})


class VerifyView(APIView):
    """Finish a login that answered ``mfa_required``: its mfa_token and a code.

    The code is a TOTP code or a recovery code. The answer is what the login would have
    answered without a second factor (and, for a session, the cookie). The mfa_token
    works once, and is spent after too many wrong codes.
    """

    permission_classes = [permissions.AllowAny]
    throttle_scope = "login"

    @extend_schema(request=MfaVerifySerializer, responses=LoginAnswerSerializer)
    def post(self, request):
        serializer = MfaVerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with transaction.atomic():
            challenge = Challenge.objects.for_token(data["mfa_token"], Challenge.Purpose.VERIFY)
            if challenge is None:
                raise exceptions.AuthenticationFailed(INVALID_TOKEN)
            verification = factors.verify_code(challenge.user, data["code"])
            if verification.method is not None:
                challenge.delete()
                return Response(issue_credential(request, challenge.user, challenge.strategy))
            fail_attempt(challenge)
        refuse(verification)


class ReauthenticatedView(APIView):
    """A change to the caller's second factor, allowed with a current code or the password.

    A password is checked as a login checks it, so these endpoints share the logins' rate.
    """

    permission_classes = [permissions.IsAuthenticated, OwnLoginOnly]
    throttle_scope = "login"

    def refusal(self, request):
        """Why the caller may not go on (an exception to raise once the checks are saved)."""
        serializer = ReauthenticationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = request.user
        if not factors.has_mfa(user):
            return exceptions.ValidationError("Two-factor authentication is not on.")
        if data.get("code"):
            verification = factors.verify_code(user, data["code"])
            if verification.retry_after is not None:
                return exceptions.Throttled(verification.retry_after)
            if verification.method is None:
                return exceptions.PermissionDenied(INVALID_CODE)
        elif not confirm_password(request, user, data["password"]):
            return exceptions.PermissionDenied("Wrong password.")
        return None


class DisableView(ReauthenticatedView):
    """Turn two-factor authentication off: the authenticator and recovery codes go."""

    @extend_schema(request=ReauthenticationSerializer, responses={204: None})
    def post(self, request):
        if factors.mfa_required(request.user):
            raise exceptions.PermissionDenied(
                "This deployment requires two-factor authentication of your account."
            )
        with transaction.atomic():
            refusal = self.refusal(request)
            if refusal is None:
                factors.remove_mfa(request.user)
        if refusal is not None:
            raise refusal
        announce("credential.revoked", request=request, target=request.user, kind="totp_device")
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecoveryCodesView(ReauthenticatedView):
    """A new set of recovery codes, shown once; the previous set stops working."""

    @extend_schema(request=ReauthenticationSerializer, responses=RecoveryCodesSerializer)
    def post(self, request):
        with transaction.atomic():
            refusal = self.refusal(request)
            if refusal is None:
                codes = factors.new_recovery_codes(request.user)
        if refusal is not None:
            raise refusal
        return Response({"recovery_codes": codes})
