from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework_simplejwt import views


class LoginView(views.TokenObtainPairView):
    """Exchange a username and password for an access and a refresh token."""

    throttle_scope = "login"


class LogoutView(views.TokenBlacklistView):
    """Blacklist a refresh token: it can no longer be refreshed, verified or reused."""

    @extend_schema(responses={status.HTTP_204_NO_CONTENT: None})
    def post(self, request, *args, **kwargs):
        super().post(request, *args, **kwargs)
        return Response(status=status.HTTP_204_NO_CONTENT)
