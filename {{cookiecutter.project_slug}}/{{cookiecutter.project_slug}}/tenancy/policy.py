from rest_framework import exceptions, permissions

from {{ cookiecutter.project_slug }}.access.base import AccessPolicy

from .models import Membership, Tenant
from .resolver import HEADER, active_membership, for_tenant
from .schema import TENANT_HEADER

DEMO_TENANT = "demo"


class TenantPolicy(AccessPolicy):
    """Documents belong to a tenant, and callers act in their active tenant only.

    Viewers read; members also create documents and change or delete their own; admins
    and owners change and delete every document of the tenant. Without an active tenant
    nothing is visible and nothing can be created.

    Resolving the active tenant costs one query per request.
    """

    schema_parameters = [TENANT_HEADER]
    message = "Your role in this tenant does not allow this action."

    def has_permission(self, request, view):
        membership = active_membership(request)
        if request.method in permissions.SAFE_METHODS:
            return True
        if membership is None:
            raise exceptions.PermissionDenied(
                f"No active tenant: name one with the {HEADER} header."
            )
        return membership.can_write

    def scope(self, request, queryset):
        return for_tenant(queryset, request).select_related("tenant")

    def perform_create(self, request, serializer):
        serializer.save(owner=request.user, tenant=request.tenant)

    def seed_fields(self, user):
        """``user`` as owner, in their only tenant: where their requests act without a header."""
        memberships = list(Membership.objects.select_related("tenant").filter(user=user)[:2])
        if len(memberships) != 1:
            raise ValueError(
                f"{user.username!r} belongs to {'several tenants' if memberships else 'no tenant'}:"
                " seeded rows go to a user's only tenant."
            )
        return {"owner": user, "tenant": memberships[0].tenant}

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return request.membership.manages_tenant or obj.owner_id == request.user.pk

    def record_partition(self, request, obj=None):
        """The tenant of ``obj`` (a tenant, or a row that names one), else the active one."""
        if isinstance(obj, Tenant):
            return str(obj.pk)
        tenant_id = getattr(obj, "tenant_id", None)
        if tenant_id is None and getattr(request, "tenant", None) is not None:
            tenant_id = request.tenant.pk
        return "" if tenant_id is None else str(tenant_id)

    def readable_partitions(self, request):
        """Owners and admins of the active tenant read its records."""
        membership = active_membership(request)
        return [str(membership.tenant_id)] if membership and membership.manages_tenant else []

    def prepare_demo_user(self, user):
        """Make ``user`` an owner of the ``demo`` tenant.

        Unless it has joined other tenants since, that is its only one, so its requests
        act there without an ``X-Tenant`` header.
        """
        tenant, _ = Tenant.objects.get_or_create(slug=DEMO_TENANT, defaults={"name": "Demo"})
        Membership.objects.update_or_create(
            user=user, tenant=tenant, defaults={"role": Membership.Role.OWNER}
        )
        return f"owns the {DEMO_TENANT!r} tenant"
