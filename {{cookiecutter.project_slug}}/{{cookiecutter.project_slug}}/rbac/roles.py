"""The default roles, applied by ``manage.py setup_roles`` (migrate creates a first version)."""

from functools import reduce
from operator import or_

from django.contrib.auth.models import Permission
from django.db.models import Q

from .models import Role

DOCUMENT_VIEW = "documents.view_document"
DOCUMENT_ADD = "documents.add_document"
DOCUMENT_CHANGE = "documents.change_document"
DOCUMENT_DELETE = "documents.delete_document"
MANAGE_ROLES = "rbac.manage_roles"

DEFAULT_ROLES = {
    "viewer": [DOCUMENT_VIEW],
    "editor": [DOCUMENT_VIEW, DOCUMENT_ADD, DOCUMENT_CHANGE],
    "admin": [DOCUMENT_VIEW, DOCUMENT_ADD, DOCUMENT_CHANGE, DOCUMENT_DELETE, MANAGE_ROLES],
}


def find_permissions(names):
    """The permissions named ``app_label.codename``; every one of them must exist."""
    wanted = [name.split(".", 1) for name in names]
    query = reduce(
        or_, (Q(content_type__app_label=app, codename=codename) for app, codename in wanted)
    )
    found = list(Permission.objects.filter(query))
    if len(found) != len(set(names)):
        raise LookupError(f"Missing permissions among {sorted(names)}; run migrate first.")
    return found


def apply_default_roles():
    """Create the default roles, or give them back exactly their default permissions."""
    for name, permission_names in DEFAULT_ROLES.items():
        role, _ = Role.objects.get_or_create(name=name)
        role.permissions.set(find_permissions(permission_names))


def default_role(name):
    """The role ``name``, created with its default permissions if it has been deleted."""
    role, created = Role.objects.get_or_create(name=name)
    if created:
        role.permissions.set(find_permissions(DEFAULT_ROLES[name]))
    return role
