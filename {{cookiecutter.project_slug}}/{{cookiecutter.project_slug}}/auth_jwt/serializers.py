from rest_framework.exceptions import AuthenticationFailed, ValidationError
from rest_framework_simplejwt import serializers
from rest_framework_simplejwt.tokens import UntypedToken

from {{ cookiecutter.project_slug }}.users.login import CredentialsSerializer

from .tokens import RefreshToken, user_for_payload


class LoginSerializer(serializers.TokenObtainPairSerializer):
    """simplejwt's login, refusing wrong credentials as every other password login does.

    simplejwt words and codes that failure its own way; one answer for every strategy lets
    clients handle it once, and says no more about the account than the others do.
    """

    token_class = RefreshToken

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Passwords are compared as typed, like the other logins do: spaces count.
        self.fields["password"].trim_whitespace = False

    def validate(self, attrs):
        try:
            return super().validate(attrs)
        except AuthenticationFailed as error:
            message = CredentialsSerializer.default_error_messages["invalid_login"]
            raise AuthenticationFailed(message) from error


class RefreshSerializer(serializers.TokenRefreshSerializer):
    token_class = RefreshToken


class VerifySerializer(serializers.TokenVerifySerializer):
    def validate(self, attrs):
        super().validate(attrs)
        if user_for_payload(UntypedToken(attrs["token"]).payload) is None:
            raise ValidationError("Token is no longer valid for its user.")
        return {}


class LogoutSerializer(serializers.TokenBlacklistSerializer):
    token_class = RefreshToken
