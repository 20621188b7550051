from rest_framework import permissions


class AccessPolicy(permissions.BasePermission):
    """The contract every access policy fulfils (see the package docstring)."""

    schema_parameters = []

    def scope(self, request, queryset):
        """The rows of ``queryset`` the caller may see.

        Fails closed: a policy that does not say what may be seen shows nothing.
        """
        return queryset.none()

    def perform_create(self, request, serializer):
        serializer.save(owner=request.user)
