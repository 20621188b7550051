from django.contrib.auth.models import Group
from django.db.models import Q
from rest_framework import permissions

from .base import AccessPolicy

DEMO_GROUP = "demo"

# What the document's group must be allowed to do for its members to use each method.
GROUP_PERMISSIONS = {
    "PUT": "change_document",
    "PATCH": "change_document",
    "DELETE": "delete_document",
}


class GroupPolicy(AccessPolicy):
    """Owners keep full control; a document shared with a group is read by its members.

    Members also change or delete it when that group holds ``documents.change_document``
    or ``documents.delete_document``. Only the group's own permissions count: sharing with
    a group decides what its members may do, whatever else they are allowed elsewhere.

    Reads cost no query of their own (membership is part of the row lookup); an edit by a
    member costs one, to check the group's permission.
    """

    def scope(self, request, queryset):
        shared = Q(group__in=request.user.groups.all())
        return queryset.filter(Q(owner=request.user) | shared).select_related("group")

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS or obj.owner_id == request.user.pk:
            return True
        codename = GROUP_PERMISSIONS.get(request.method)
        return (
            codename is not None
            and obj.group_id is not None
            and obj.group.permissions.filter(
                content_type__app_label="documents", codename=codename
            ).exists()
        )

    def prepare_demo_user(self, user):
        """Put ``user`` in the ``demo`` group, so it can try sharing a document.

        Its own documents need nothing: owners keep full control.
        """
        user.groups.add(Group.objects.get_or_create(name=DEMO_GROUP)[0])
        return f"belongs to the {DEMO_GROUP!r} group"
