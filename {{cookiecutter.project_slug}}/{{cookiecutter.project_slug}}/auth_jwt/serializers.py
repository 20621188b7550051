from rest_framework.exceptions import ValidationError
from rest_framework_simplejwt import serializers
from rest_framework_simplejwt.tokens import UntypedToken

from .tokens import RefreshToken, user_for_payload


class LoginSerializer(serializers.TokenObtainPairSerializer):
    token_class = RefreshToken


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
