from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Invitation, Membership, Tenant
from .resolver import visible_memberships


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
    """A member of a tenant. Members join by accepting an invitation; here only the role changes."""

    username = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = Membership
        fields = ["username", "role", "created_at"]
        read_only_fields = ["username", "created_at"]


class InvitationSerializer(serializers.ModelSerializer):
    """An invitation sent by a tenant, seen by its owners and admins.

    It reads the same whether or not ``username`` names an account.
    """

    invited_by = serializers.CharField(source="invited_by.username", read_only=True, default=None)

    class Meta:
        model = Invitation
        fields = ["id", "username", "role", "invited_by", "created_at", "expires_at"]
        read_only_fields = ["id", "invited_by", "created_at", "expires_at"]


class ReceivedInvitationSerializer(serializers.ModelSerializer):
    """An invitation the caller may accept or decline."""

    tenant = serializers.CharField(source="tenant.slug", read_only=True)
    tenant_name = serializers.CharField(source="tenant.name", read_only=True)
    invited_by = serializers.CharField(source="invited_by.username", read_only=True, default=None)

    class Meta:
        model = Invitation
        fields = ["id", "tenant", "tenant_name", "role", "invited_by", "created_at", "expires_at"]
        read_only_fields = fields


@extend_schema_field(MembershipSerializer(many=True))
class MembershipsField(serializers.Field):
    """The ``memberships`` of ``me``: the caller's tenants and their role in each (a
    tenant-bound credential's tenant only)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, user):
        memberships = visible_memberships(self.context["request"])
        return MembershipSerializer(memberships, many=True).data
