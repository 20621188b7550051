from rest_framework import permissions

from .resolver import membership_in


class TenantMembersPolicy(permissions.BasePermission):
    """Members of the tenant in the URL read its members; owners and admins change them.

    Non-members get 404: a tenant's member list does not reveal that the tenant exists.
    """

    message = "Only the tenant's owners and admins manage its members."

    def has_permission(self, request, view):
        membership = membership_in(request, view.kwargs["tenant_slug"])
        return request.method in permissions.SAFE_METHODS or membership.manages_tenant
