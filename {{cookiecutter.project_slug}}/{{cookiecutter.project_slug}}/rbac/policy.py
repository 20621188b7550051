from {{ cookiecutter.project_slug }}.access.base import AccessPolicy

from .models import RoleAssignment
from .permissions import holds
from .roles import DOCUMENT_ADD, DOCUMENT_CHANGE, DOCUMENT_DELETE, DOCUMENT_VIEW, default_role

ACTION_PERMISSIONS = {
    "list": DOCUMENT_VIEW,
    "retrieve": DOCUMENT_VIEW,
    "create": DOCUMENT_ADD,
    "update": DOCUMENT_CHANGE,
    "partial_update": DOCUMENT_CHANGE,
    "destroy": DOCUMENT_DELETE,
}
READ_ACTIONS = {"list", "retrieve"}
# Holds every document permission and rbac.manage_roles: the whole of the example API.
DEMO_ROLE = "admin"


class RolePolicy(AccessPolicy):
    """Each action needs the permission ``ACTION_PERMISSIONS`` maps it to, from a role.

    Reading is the exception: callers holding ``documents.view_document`` read every
    document; the others still read their own (lists and details alike), so that losing a
    role never hides what a user wrote. Changing or deleting, even one's own document,
    takes the role permission. Unknown actions are refused.

    The caller's permissions cost one query per request, whatever the number of checks.
    """

    message = "Your roles do not allow this action."

    def has_permission(self, request, view):
        permission = ACTION_PERMISSIONS.get(view.action)
        if permission is None:
            return False
        return view.action in READ_ACTIONS or holds(request, permission)

    def scope(self, request, queryset):
        if holds(request, DOCUMENT_VIEW):
            return queryset
        return queryset.filter(owner=request.user)

    def prepare_demo_user(self, user):
        """Give ``user`` the ``admin`` role for good (an expiry set since is lifted)."""
        RoleAssignment.objects.update_or_create(
            user=user, role=default_role(DEMO_ROLE), defaults={"expires_at": None}
        )
        return f"holds the {DEMO_ROLE!r} role"
