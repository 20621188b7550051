from django.contrib.auth.models import Permission
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from {{ cookiecutter.project_slug }}.users.models import User

from .models import Role, RoleAssignment
from .permissions import permission_name


@extend_schema_field(OpenApiTypes.STR)
class PermissionField(serializers.RelatedField):
    """A permission as ``app_label.codename`` (e.g. ``documents.view_document``)."""

    default_error_messages = {"does_not_exist": "Unknown permission: {value}."}

    def to_representation(self, permission):
        return permission_name(permission)

    def to_internal_value(self, data):
        app_label, _, codename = str(data).partition(".")
        permission = (
            self.get_queryset().filter(content_type__app_label=app_label, codename=codename).first()
        )
        if permission is None:
            self.fail("does_not_exist", value=data)
        return permission


class RoleSerializer(serializers.ModelSerializer):
    permissions = PermissionField(
        many=True, queryset=Permission.objects.select_related("content_type")
    )

    class Meta:
        model = Role
        fields = ["name", "permissions"]


class RoleAssignmentSerializer(serializers.ModelSerializer):
    """``user`` holds ``role`` until ``expires_at`` (never, when empty).

    The user is named by id, as registration and ``/api/auth/me/`` answer it: ids never
    change, usernames may. ``username`` is shown alongside, for people reading. The user
    of an existing assignment is fixed: moving it to another account (one's own, say)
    would hand that account the role without the checks of a new grant.
    """

    user = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(),
        pk_field=serializers.UUIDField(),
        error_messages={"does_not_exist": "No user has this id."},
    )
    username = serializers.CharField(source="user.username", read_only=True)
    role = serializers.SlugRelatedField(slug_field="name", queryset=Role.objects.all())

    class Meta:
        model = RoleAssignment
        fields = ["id", "user", "username", "role", "expires_at", "created_at"]
        read_only_fields = ["id", "created_at"]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None:
            fields["user"].read_only = True
        return fields

    def validate_expires_at(self, value):
        if value is not None and value <= timezone.now():
            raise serializers.ValidationError("Must be in the future.")
        return value


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class RolesField(serializers.Field):
    """The ``roles`` of ``me``: the names of the caller's roles that have not expired."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, user):
        return list(Role.objects.held_by(user).values_list("name", flat=True))
