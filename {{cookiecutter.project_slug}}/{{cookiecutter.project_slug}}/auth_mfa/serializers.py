from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from {{ cookiecutter.project_slug }}.users.login import issuers

from .factors import has_mfa

# What a finished login returns: the credential of the strategy the login used.
LoginAnswerSerializer = PolymorphicProxySerializer(
    component_name="LoginAnswer",
    serializers=lambda: [issuer.serializer for issuer in issuers().values()],
    resource_type_field_name=None,
)


class ChallengeSerializer(serializers.Serializer):
    """A password login's answer when a second factor must come first: no credential yet."""

    mfa_required = serializers.BooleanField(default=True)
    mfa_token = serializers.CharField(help_text="Send it to auth/mfa/verify/ with a code.")
    expires_in = serializers.IntegerField(help_text="Seconds the mfa_token stays valid.")
    enrolment_required = serializers.BooleanField(
        help_text=(
            "This account must set up a second factor first: send the mfa_token to "
            "auth/mfa/totp/setup/, then to auth/mfa/totp/confirm/ with a code."
        )
    )


class StatusSerializer(serializers.Serializer):
    enabled = serializers.BooleanField(help_text="A confirmed authenticator is set up.")
    required = serializers.BooleanField(help_text="This deployment requires one of you.")
    recovery_codes_left = serializers.IntegerField()


class EnrolmentSerializer(serializers.Serializer):
    """Who sets up an authenticator: the caller, or the login that must enrol first."""

    mfa_token = serializers.CharField(required=False, write_only=True)


class SetupSerializer(serializers.Serializer):
    secret = serializers.CharField(help_text="The TOTP secret, base 32, for manual entry.")
    otpauth_uri = serializers.CharField(help_text="The same secret as an otpauth:// URI.")
    qr_code = serializers.CharField(help_text="The URI as a QR code: an SVG data URI.")


class CodeSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32, trim_whitespace=True)


class ConfirmSerializer(EnrolmentSerializer, CodeSerializer):
    pass


@extend_schema_field(LoginAnswerSerializer)
class LoginAnswerField(serializers.DictField):
    pass


class RecoveryCodesSerializer(serializers.Serializer):
    recovery_codes = serializers.ListField(
        child=serializers.CharField(), help_text="Shown once: each code works once."
    )


class EnrolledSerializer(RecoveryCodesSerializer):
    login = LoginAnswerField(
        required=False, help_text="The finished login, when enrolling with an mfa_token."
    )


class MfaVerifySerializer(CodeSerializer):
    mfa_token = serializers.CharField(max_length=64)


class ReauthenticationSerializer(serializers.Serializer):
    """A current code or the account's password, to change the second factor."""

    code = serializers.CharField(max_length=32, required=False)
    password = serializers.CharField(
        required=False, trim_whitespace=False, style={"input_type": "password"}
    )

    def validate(self, attrs):
        if not attrs.get("code") and not attrs.get("password"):
            raise serializers.ValidationError("Send a current code or your password.")
        return attrs


class MfaState(serializers.Serializer):
    enabled = serializers.BooleanField()


@extend_schema_field(MfaState)
class MfaField(serializers.Field):
    """The ``mfa`` entry of ``me``: whether the caller signs in with a second factor."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, user):
        return {"enabled": has_mfa(user)}
