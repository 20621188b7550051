from django.db import IntegrityError, transaction
from django.db.models import F
from rest_framework import exceptions, mixins, permissions, viewsets

from .models import Membership, Tenant
from .permissions import TenantMembersPolicy
from .resolver import for_tenant
from .serializers import MemberSerializer, TenantSerializer

OWNER = Membership.Role.OWNER


class TenantViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """The caller's tenants, with their role in each; creating one makes the caller its owner."""

    serializer_class = TenantSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return Tenant.objects.none()
        return Tenant.objects.filter(memberships__user=self.request.user).annotate(
            role=F("memberships__role")
        )

    def perform_create(self, serializer):
        try:
            with transaction.atomic():
                tenant = serializer.save()
                Membership.objects.create(user=self.request.user, tenant=tenant, role=OWNER)
        except IntegrityError as error:  # a concurrent request took the slug
            raise exceptions.ValidationError({"slug": ["This slug is taken."]}) from error
        tenant.role = OWNER


class MemberViewSet(viewsets.ModelViewSet):
    """Members of the tenant in the URL, by username.

    Only owners grant, change or take away the owner role, and a tenant always keeps at
    least one owner.
    """

    serializer_class = MemberSerializer
    permission_classes = [permissions.IsAuthenticated, TenantMembersPolicy]
    lookup_field = "user__username"
    lookup_url_kwarg = "username"
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return Membership.objects.none()
        return for_tenant(Membership.objects.select_related("user"), self.request)

    def perform_create(self, serializer):
        self.ensure_may_touch_owners(serializer.validated_data.get("role"))
        try:
            with transaction.atomic():
                serializer.save(tenant=self.request.tenant)
        except IntegrityError as error:
            raise exceptions.ValidationError({"username": ["Already a member."]}) from error

    @transaction.atomic
    def perform_update(self, serializer):
        new_role = serializer.validated_data.get("role", serializer.instance.role)
        self.ensure_may_touch_owners(serializer.instance.role, new_role)
        if new_role != OWNER:
            self.ensure_an_owner_remains(serializer.instance)
        serializer.save()

    @transaction.atomic
    def perform_destroy(self, instance):
        self.ensure_may_touch_owners(instance.role)
        self.ensure_an_owner_remains(instance)
        instance.delete()

    def ensure_may_touch_owners(self, *roles):
        if OWNER in roles and self.request.membership.role != OWNER:
            raise exceptions.PermissionDenied("Only owners grant or change the owner role.")

    def ensure_an_owner_remains(self, membership):
        """Refuse to demote or remove the last owner (other owners' rows stay locked)."""
        owners = Membership.objects.select_for_update().filter(
            tenant_id=membership.tenant_id, role=OWNER
        )
        if set(owners.values_list("pk", flat=True)) == {membership.pk}:
            raise exceptions.ValidationError("A tenant keeps at least one owner.")
