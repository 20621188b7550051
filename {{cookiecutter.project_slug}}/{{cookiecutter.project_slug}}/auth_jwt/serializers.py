from django.db import transaction
from rest_framework.exceptions import ValidationError
from rest_framework_simplejwt import serializers
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import UntypedToken

from {{ cookiecutter.project_slug }}.core.events import announce

from .tokens import RefreshToken, user_for_payload


class RefreshSerializer(serializers.TokenRefreshSerializer):
    """simplejwt's refresh, letting each refresh token through once even when sent twice at once.

    simplejwt checks the blacklist, then blacklists the token it rotates: two requests with
    the same token can both pass the check before either blacklists it, and both get a new
    token. Here each refresh first locks the token's outstanding row, so a second request
    waits until the first has committed the blacklisting, then fails the check.
    """

    token_class = RefreshToken

    def validate(self, attrs):
        # Signature and expiry only: the blacklist is checked once the row is locked.
        jti = UntypedToken(attrs["refresh"])[api_settings.JTI_CLAIM]
        with transaction.atomic():
            if not OutstandingToken.objects.select_for_update().filter(jti=jti).exists():
                raise TokenError("Token was not issued here.")
            return super().validate(attrs)


class VerifySerializer(serializers.TokenVerifySerializer):
    def validate(self, attrs):
        super().validate(attrs)
        if user_for_payload(UntypedToken(attrs["token"]).payload) is None:
            raise ValidationError("Token is no longer valid for its user.")
        return {}


class LogoutSerializer(serializers.TokenBlacklistSerializer):
    """Blacklist the refresh token, and announce the logout of its user."""

    token_class = RefreshToken

    def validate(self, attrs):
        refresh = self.token_class(attrs["refresh"])
        refresh.blacklist()
        announce("logout", request=self.context["request"], actor=refresh.user, strategy="jwt")
        return {}
