from rest_framework import permissions


class AccessPolicy(permissions.BasePermission):
    """The contract every access policy fulfils (see the package docstring)."""

    schema_parameters = []

    def scope(self, request, queryset):
        raise NotImplementedError

    def perform_create(self, request, serializer):
        serializer.save(owner=request.user)
