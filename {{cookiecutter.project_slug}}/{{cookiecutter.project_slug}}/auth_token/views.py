from drf_spectacular.utils import extend_schema, extend_schema_view, inline_serializer
from knox import views
from rest_framework import exceptions, permissions, serializers, status

from {{ cookiecutter.project_slug }}.users.login import CredentialsSerializer, password_login
from {{ cookiecutter.project_slug }}.users.serializers import UserSerializer

from .authentication import TokenAuthentication

TokenLoginSerializer = inline_serializer(
    "TokenLogin",
    {
        "token": serializers.CharField(),
        "expiry": serializers.DateTimeField(),
        "user": UserSerializer(),
    },
)


class LoginView(views.LoginView):
    """Exchange a username and password for a new token for this device.

    The raw token is in this response only; the database keeps a hash of it. Each user
    holds at most ``DJANGO_TOKEN_LIMIT_PER_USER`` live tokens (403 beyond).
    """

    authentication_classes = [TokenAuthentication]  # a failed login answers with its challenge
    permission_classes = [permissions.AllowAny]
    throttle_scope = "login"
    login_strategy = "token"

    @extend_schema(request=CredentialsSerializer, responses=TokenLoginSerializer)
    def post(self, request, format=None):
        return password_login(request, self.login_strategy)

    def issue(self, request, user):
        """knox's login for a user whose login is complete: a new token, its expiry, the user."""
        request.user = user
        response = super().post(request)
        if response.status_code == status.HTTP_403_FORBIDDEN:
            # knox answers a user at the token limit with a body of its own: give it the
            # API's error shape.
            raise exceptions.PermissionDenied(response.data["error"])
        return response.data


def issue_token(request, user):
    return LoginView(request=request, format_kwarg=None).issue(request, user)


NO_CONTENT = extend_schema(request=None, responses={status.HTTP_204_NO_CONTENT: None})


@extend_schema_view(post=NO_CONTENT)
class LogoutView(views.LogoutView):
    """Revoke the token that authenticates this request."""

    authentication_classes = [TokenAuthentication]


@extend_schema_view(post=NO_CONTENT)
class LogoutAllView(views.LogoutAllView):
    """Revoke every token of the caller, on every device."""

    authentication_classes = [TokenAuthentication]
