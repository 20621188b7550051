from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import User

# What installed apps add to ``me``: field name -> a function returning a new read-only
# field that reads the user (``source="*"``). Each such field costs one query.
ME_FIELDS = {}


def add_me_field(name, make_field):
    """Add ``name`` to the ``me`` payload (from an app's ``ready()``)."""
    if name in ME_FIELDS:
        raise ValueError(f"The me payload already has a field named {name!r}.")
    ME_FIELDS[name] = make_field


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "email"]
        read_only_fields = fields


class MeSerializer(serializers.ModelSerializer):
    """The caller; apps that know more about the caller add fields of their own.

    The permission model and other features register their fields with ``add_me_field``,
    so this serializer, like the schema built from it, carries what is installed.
    """

    authenticated_via = serializers.SerializerMethodField()
    groups = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = User
        fields = ["id", "username", "email", "authenticated_via", "groups"]
        read_only_fields = fields

    def get_fields(self):
        fields = super().get_fields()
        for name, make_field in ME_FIELDS.items():
            fields[name] = make_field()
        return fields

    @extend_schema_field(serializers.CharField())
    def get_authenticated_via(self, user):
        """The strategy that authenticated this request (each authenticator names its own)."""
        authenticator = self.context["request"].successful_authenticator
        return getattr(authenticator, "strategy", None)
