"""The roles every project starts with, applied by a data migration and by ``setup_roles``."""

from functools import reduce
from operator import or_

from django.db.models import Q

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


def find_permissions(permission_model, names):
    """The permissions named ``app_label.codename``; every one of them must exist."""
    wanted = [name.split(".", 1) for name in names]
    query = reduce(
        or_, (Q(content_type__app_label=app, codename=codename) for app, codename in wanted)
    )
    found = list(permission_model.objects.filter(query))
    if len(found) != len(set(names)):
        raise LookupError(f"Missing permissions among {sorted(names)}; run migrate first.")
    return found


def apply_default_roles(role_model, permission_model):
    """Create the default roles, or give them back exactly their default permissions.

    The models come as arguments so that the data migration can pass its historical ones.
    """
    for name, permission_names in DEFAULT_ROLES.items():
        role, _ = role_model.objects.get_or_create(name=name)
        role.permissions.set(find_permissions(permission_model, permission_names))
