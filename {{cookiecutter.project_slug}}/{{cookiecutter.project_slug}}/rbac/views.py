from django.contrib.auth.models import Permission
from django.db.models import Prefetch
from rest_framework import permissions, viewsets

from .models import Role, RoleAssignment
from .permissions import CanManageRoles, ensure_can_grant
from .serializers import RoleAssignmentSerializer, RoleSerializer


class RoleViewSet(viewsets.ModelViewSet):
    """Roles and their permissions; only roles whose permissions the caller holds change."""

    serializer_class = RoleSerializer
    permission_classes = [permissions.IsAuthenticated, CanManageRoles]
    lookup_field = "name"
    queryset = Role.objects.prefetch_related(
        Prefetch("permissions", Permission.objects.select_related("content_type"))
    )

    def perform_create(self, serializer):
        ensure_can_grant(self.request, serializer.validated_data.get("permissions", []))
        serializer.save()

    def perform_update(self, serializer):
        before = serializer.instance.permissions.all()
        ensure_can_grant(self.request, [*before, *serializer.validated_data.get("permissions", [])])
        serializer.save()

    def perform_destroy(self, instance):
        ensure_can_grant(self.request, instance.permissions.all())
        instance.delete()


class RoleAssignmentViewSet(viewsets.ModelViewSet):
    """Who holds which role, and until when; only roles the caller could hold are handed out."""

    serializer_class = RoleAssignmentSerializer
    permission_classes = [permissions.IsAuthenticated, CanManageRoles]
    queryset = RoleAssignment.objects.select_related("user", "role")

    def perform_create(self, serializer):
        ensure_can_grant(self.request, self.role_permissions(serializer.validated_data["role"]))
        serializer.save()

    def perform_update(self, serializer):
        roles = {serializer.instance.role, serializer.validated_data.get("role")} - {None}
        ensure_can_grant(self.request, [p for role in roles for p in self.role_permissions(role)])
        serializer.save()

    def perform_destroy(self, instance):
        ensure_can_grant(self.request, self.role_permissions(instance.role))
        instance.delete()

    @staticmethod
    def role_permissions(role):
        return role.permissions.select_related("content_type")
