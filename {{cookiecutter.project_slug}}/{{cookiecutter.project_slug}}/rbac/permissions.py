from django.contrib.auth.models import Permission
from rest_framework import exceptions, permissions

from .models import Role
from .roles import MANAGE_ROLES


def permission_name(permission):
    """A permission as ``app_label.codename``, the form ``user.has_perm`` takes."""
    return f"{permission.content_type.app_label}.{permission.codename}"


def granted_permissions(request):
    """The permissions the caller's unexpired roles grant, as ``app_label.codename``.

    Resolved with one query the first time a request asks, then kept on the request.
    """
    if not hasattr(request, "role_permissions"):
        rows = Permission.objects.filter(roles__in=Role.objects.held_by(request.user))
        request.role_permissions = frozenset(
            f"{app_label}.{codename}"
            for app_label, codename in rows.values_list("content_type__app_label", "codename")
        )
    return request.role_permissions


def holds(request, *names):
    """Whether the caller holds every permission in ``names`` (superusers hold them all)."""
    return request.user.is_superuser or set(names) <= granted_permissions(request)


def ensure_can_grant(request, granted):
    """Refuse (403) to give, change or take back permissions the caller does not hold.

    Without this rule, anyone allowed to manage roles could make themselves superuser.
    """
    missing = sorted(set(map(permission_name, granted)) - granted_permissions(request))
    if missing and not request.user.is_superuser:
        raise exceptions.PermissionDenied(
            f"You cannot grant permissions you do not hold: {', '.join(missing)}."
        )


class CanManageRoles(permissions.BasePermission):
    message = "Managing roles needs the rbac.manage_roles permission."

    def has_permission(self, request, view):
        return holds(request, MANAGE_ROLES)
