"""Sign-up for a password login, answered alike whether or not the account already exists.

Telling "this username is taken" apart from "welcome" would let anyone find out who has an
account. Every well-formed request is answered 202 with the same body; a free username and
email get an account, usable at once; a taken one changes nothing.
"""

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import User

ACCEPTED = "If this username and email were free, the account now exists: log in with it."


class RegisterSerializer(serializers.Serializer):
    """The fields of a sign-up, checked for form only: never against existing accounts."""

    username = serializers.CharField(
        max_length=User._meta.get_field("username").max_length,
        validators=[UnicodeUsernameValidator()],
    )
    email = serializers.EmailField(max_length=User._meta.get_field("email").max_length)
    password = serializers.CharField(
        write_only=True, trim_whitespace=False, style={"input_type": "password"}
    )

    def validate(self, attrs):
        attrs["username"] = User.normalize_username(attrs["username"])
        candidate = User(username=attrs["username"], email=attrs["email"])
        try:
            password_validation.validate_password(attrs["password"], user=candidate)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"password": list(error.messages)}) from error
        return attrs

    def save(self):
        """Create the account if both names are free; otherwise do the same work for nothing.

        Hashing the password either way keeps a taken name from answering faster. A name
        is taken as the login finds it, which is how the unique constraint compares; the
        constraints settle a race between two sign-ups for the same name.
        """
        data = self.validated_data
        taken = User.objects.named(data["username"]) | User.objects.filter(
            email__iexact=data["email"]
        )
        if taken.exists():
            make_password(data["password"])
            return
        try:
            with transaction.atomic():
                User.objects.create_user(**data)
        except IntegrityError:
            pass


@extend_schema(
    request=RegisterSerializer,
    responses={202: inline_serializer("RegisterAccepted", {"detail": serializers.CharField()})},
)
class RegisterView(APIView):
    """Create an account. Open to anyone; credentials sent along are ignored."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_scope = "register"

    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response({"detail": ACCEPTED}, status=status.HTTP_202_ACCEPTED)
