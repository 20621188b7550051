from django.db.models import Q
from django.utils import timezone
from rest_framework import exceptions, permissions

from .models import RoleAssignment
from .roles import MANAGE_ROLES


def permission_name(permission):
    """A permission as ``app_label.codename``, the form ``user.has_perm`` takes."""
    return f"{permission.content_type.app_label}.{permission.codename}"


def role_permissions(role):
    """The permissions of ``role``, ready for ``permission_name``."""
    return role.permissions.select_related("content_type")


def held_until(user):
    """``{permission name: until when user holds it}``, from unexpired roles; None is never.

    A permission given by several assignments lasts as long as the longest of them.
    """
    rows = (
        RoleAssignment.objects.filter(user=user, role__permissions__isnull=False)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .values_list(
            "role__permissions__content_type__app_label",
            "role__permissions__codename",
            "expires_at",
        )
    )
    until = {}
    for app_label, codename, expires_at in rows:
        name = f"{app_label}.{codename}"
        if name not in until:
            until[name] = expires_at
        elif until[name] is not None:
            until[name] = None if expires_at is None else max(until[name], expires_at)
    return until


def caller_held_until(request):
    """``held_until`` for the caller: one query the first time a request asks, then kept."""
    if not hasattr(request, "role_permissions"):
        request.role_permissions = held_until(request.user)
    return request.role_permissions


def granted_permissions(request):
    """The permissions the caller's unexpired roles grant, as ``app_label.codename``."""
    return caller_held_until(request).keys()


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


def grant_deadline(request, granted):
    """The latest expiry an assignment of ``granted`` may have; None when it may last for good.

    A grant cannot outlive the caller's own hold on what it grants, or a time-limited
    manager would hand themselves (through a second account) the permissions for good.
    ``granted`` must be held by the caller: ``ensure_can_grant`` checks that first.
    """
    if request.user.is_superuser:
        return None
    until = caller_held_until(request)
    ends = [until[name] for name in map(permission_name, granted) if until[name] is not None]
    return min(ends, default=None)


def ensure_within_own_term(request, granted, expires_at):
    """Refuse (403) an assignment expiring later than ``grant_deadline`` allows, or never."""
    deadline = grant_deadline(request, granted)
    if deadline is None:
        return
    if expires_at is None or expires_at > deadline:
        raise exceptions.PermissionDenied(
            "An assignment cannot outlive your own roles: it must expire by "
            f"{deadline.isoformat()}."
        )


def ensure_not_own(request, assignment):
    """Refuse (403) to change or delete one's own assignment: it would set one's own term."""
    if assignment.user_id == request.user.pk:
        raise exceptions.PermissionDenied("You cannot change or delete your own assignment.")


def ensure_can_revoke(request, assignment):
    """Refuse (403) to change a role manager's assignment without their permissions for good.

    Otherwise a manager whose role expires tomorrow could strip the permanent ones first.
    """
    if request.user.is_superuser:
        return
    target = held_until(assignment.user)
    if MANAGE_ROLES not in target:
        return
    until = caller_held_until(request)
    needed = {*target, *map(permission_name, role_permissions(assignment.role))}
    lacking = sorted(name for name in needed if name not in until or until[name] is not None)
    if lacking:
        raise exceptions.PermissionDenied(
            "Changing a role manager's assignment needs their permissions for good; you "
            f"lack or hold only for a time: {', '.join(lacking)}."
        )


class CanManageRoles(permissions.BasePermission):
    message = "Managing roles needs the rbac.manage_roles permission."

    def has_permission(self, request, view):
        return holds(request, MANAGE_ROLES)
