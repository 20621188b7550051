from drf_spectacular.utils import extend_schema, extend_schema_view, inline_serializer
from knox import views
from rest_framework import exceptions, permissions, serializers, status

from {{ cookiecutter.project_slug }}.users.login import CredentialsSerializer
from {{ cookiecutter.project_slug }}.users.serializers import UserSerializer

from .authentication import TokenAuthentication


class LoginView(views.LoginView):
    """Exchange a username and password for a new token for this device.

    The raw token is in this response only; the database keeps a hash of it. Each user
    holds at most ``DJANGO_TOKEN_LIMIT_PER_USER`` live tokens (403 beyond).
    """

    authentication_classes = [TokenAuthentication]  # a failed login answers with its challenge
    permission_classes = [permissions.AllowAny]
    throttle_scope = "login"

    @extend_schema(
        request=CredentialsSerializer,
        responses=inline_serializer(
            "TokenLogin",
            {
                "token": serializers.CharField(),
                "expiry": serializers.DateTimeField(),
                "user": UserSerializer(),
            },
        ),
    )
    def post(self, request, format=None):
        serializer = CredentialsSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        request.user = serializer.validated_data["user"]
        response = super().post(request, format=format)
        if response.status_code == status.HTTP_403_FORBIDDEN:
            # knox answers a user at the token limit with a body of its own: give it the
            # API's error shape.
            raise exceptions.PermissionDenied(response.data["error"])
        return response


NO_CONTENT = extend_schema(request=None, responses={status.HTTP_204_NO_CONTENT: None})


@extend_schema_view(post=NO_CONTENT)
class LogoutView(views.LogoutView):
    """Revoke the token that authenticates this request."""

    authentication_classes = [TokenAuthentication]


@extend_schema_view(post=NO_CONTENT)
class LogoutAllView(views.LogoutAllView):
    """Revoke every token of the caller, on every device."""

    authentication_classes = [TokenAuthentication]
