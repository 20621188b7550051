from .base import AccessPolicy


class OwnerPolicy(AccessPolicy):
    """Each user sees and changes only the rows they own.

    Costs no query of its own: the ownership test is part of the row lookup.
    """

    def scope(self, request, queryset):
        return queryset.filter(owner=request.user)

    def has_object_permission(self, request, view, obj):
        return obj.owner_id == request.user.pk
