from django.contrib.auth.models import update_last_login
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework_simplejwt import views
from rest_framework_simplejwt.settings import api_settings

from {{ cookiecutter.project_slug }}.users.login import CredentialsSerializer, password_login

from .tokens import RefreshToken

TokenPairSerializer = inline_serializer(
    "TokenPair", {"access": serializers.CharField(), "refresh": serializers.CharField()}
)


class LoginView(views.TokenObtainPairView):
    """Exchange a username and password for an access and a refresh token.

    The password is checked as by every other login (same backends, same 401), and the
    pair comes from ``issue_tokens`` once the login is complete.
    """

    throttle_scope = "login"
    login_strategy = "jwt"

    @extend_schema(request=CredentialsSerializer, responses=TokenPairSerializer)
    def post(self, request, *args, **kwargs):
        return password_login(request, self.login_strategy)


def issue_tokens(request, user):
    """simplejwt's pair for a user whose login is complete, bound to their password."""
    refresh = RefreshToken.for_user(user)
    if api_settings.UPDATE_LAST_LOGIN:
        update_last_login(None, user)
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


class LogoutView(views.TokenBlacklistView):
    """Blacklist a refresh token: it can no longer be refreshed, verified or reused."""

    @extend_schema(responses={status.HTTP_204_NO_CONTENT: None})
    def post(self, request, *args, **kwargs):
        super().post(request, *args, **kwargs)
        return Response(status=status.HTTP_204_NO_CONTENT)
