from django.conf import settings
from django.contrib.auth import login, logout
from django.middleware.csrf import get_token
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from {{ cookiecutter.project_slug }}.users.login import CredentialsSerializer, password_login
from {{ cookiecutter.project_slug }}.users.serializers import UserSerializer

from .authentication import SessionAuthentication


class CsrfView(APIView):
    """Set the ``csrftoken`` cookie; send its value back in ``X-CSRFToken`` on unsafe requests."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        responses=inline_serializer("CsrfToken", {"csrf_token": serializers.CharField()})
    )
    def get(self, request):
        return Response({"csrf_token": get_token(request)})


class LoginView(APIView):
    """Log in with a username and password; the answer sets the session cookie.

    CSRF is checked here too (login CSRF), although nobody is authenticated yet. The
    authenticator is listed so that a failed login answers 401 with its challenge.
    """

    authentication_classes = [SessionAuthentication]
    permission_classes = [permissions.AllowAny]
    throttle_scope = "login"
    login_strategy = "session"

    @extend_schema(request=CredentialsSerializer, responses=UserSerializer)
    def post(self, request):
        SessionAuthentication().enforce_csrf(request)
        return password_login(request, self.login_strategy)


def issue_session(request, user):
    """Start the user's session: the answer sets the cookie (CSRF checked first).

    A user whose login finished in a later request (after a login step) was not just
    authenticated, so the session names the first backend as the one that did.
    """
    SessionAuthentication().enforce_csrf(request)
    login(request, user, backend=getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[0]))
    return UserSerializer(user).data


class LogoutView(APIView):
    """End the session: the cookie stops working at once."""

    authentication_classes = [SessionAuthentication]

    @extend_schema(request=None, responses={status.HTTP_204_NO_CONTENT: None})
    def post(self, request):
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)
