from rest_framework import permissions

from .resolver import bound_tenant_id, membership_in


class TenantMembersPolicy(permissions.BasePermission):
    """Members of the tenant in the URL read its members and may leave; managers change them.

    Managers are its owners and admins. Leaving is deleting one's own membership: the
    membership the URL found, however the URL spelt the username.

    Non-members get 404: a tenant's member list does not reveal that the tenant exists.
    """

    message = "Only the tenant's owners and admins manage its members."

    def has_permission(self, request, view):
        membership = membership_in(request, view.kwargs["tenant_slug"])
        return request.method in (*permissions.SAFE_METHODS, "DELETE") or membership.manages_tenant

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS or request.membership.manages_tenant:
            return True
        return obj.user_id == request.user.pk


class TenantManagersPolicy(permissions.BasePermission):
    """Only the owners and admins of the tenant in the URL; 404 for non-members."""

    message = "Only the tenant's owners and admins manage its invitations."

    def has_permission(self, request, view):
        return membership_in(request, view.kwargs["tenant_slug"]).manages_tenant


class UnboundCredential(permissions.BasePermission):
    """A credential bound to one tenant stays in it: it cannot create another."""

    message = "A credential bound to a tenant cannot create tenants."

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or bound_tenant_id(request) is None
