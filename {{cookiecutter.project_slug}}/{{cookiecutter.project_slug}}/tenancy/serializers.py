from rest_framework import serializers

from {{ cookiecutter.project_slug }}.users.models import User

from .models import Membership, Tenant


class TenantSerializer(serializers.ModelSerializer):
    """A tenant, with the caller's role in it."""

    role = serializers.ChoiceField(choices=Membership.Role.choices, read_only=True)

    class Meta:
        model = Tenant
        fields = ["slug", "name", "role", "created_at"]
        read_only_fields = ["created_at"]


class MembershipSerializer(serializers.ModelSerializer):
    """One of the caller's tenants and their role there."""

    tenant = serializers.CharField(source="tenant.slug", read_only=True)

    class Meta:
        model = Membership
        fields = ["tenant", "role"]
        read_only_fields = fields


class MemberSerializer(serializers.ModelSerializer):
    """A member of a tenant; added by username, the username cannot change afterwards."""

    username = serializers.SlugRelatedField(
        source="user", slug_field="username", queryset=User.objects.filter(is_active=True)
    )

    class Meta:
        model = Membership
        fields = ["username", "role", "created_at"]
        read_only_fields = ["created_at"]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None:
            fields["username"].read_only = True
        return fields
