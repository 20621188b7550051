import copy

from django.contrib.auth.models import Permission
from django.db.models import Prefetch
from rest_framework import permissions, viewsets

from {{ cookiecutter.project_slug }}.core.events import announce

from .models import Role, RoleAssignment
from .permissions import (
    CanManageRoles,
    ensure_can_grant,
    ensure_can_revoke,
    ensure_not_own,
    ensure_within_own_term,
    role_permissions,
)
from .serializers import RoleAssignmentSerializer, RoleSerializer


class RoleViewSet(viewsets.ModelViewSet):
    """Roles and their permissions; only roles whose permissions the caller holds change.

    Each change is announced: ``role.created``, ``role.updated``, ``role.deleted``.
    """

    serializer_class = RoleSerializer
    permission_classes = [permissions.IsAuthenticated, CanManageRoles]
    lookup_field = "name"
    queryset = Role.objects.prefetch_related(
        Prefetch("permissions", Permission.objects.select_related("content_type"))
    )

    def perform_create(self, serializer):
        ensure_can_grant(self.request, serializer.validated_data.get("permissions", []))
        serializer.save()
        announce("role.created", request=self.request, target=serializer.instance)

    def perform_update(self, serializer):
        before = serializer.instance.permissions.all()
        ensure_can_grant(self.request, [*before, *serializer.validated_data.get("permissions", [])])
        serializer.save()
        announce("role.updated", request=self.request, target=serializer.instance)

    def perform_destroy(self, instance):
        ensure_can_grant(self.request, instance.permissions.all())
        deleted = copy.copy(instance)  # deleting clears the instance's primary key
        instance.delete()
        announce("role.deleted", request=self.request, target=deleted)


class RoleAssignmentViewSet(viewsets.ModelViewSet):
    """Who holds which role, and until when; no manager can outlast or outrank their own.

    Only roles the caller could hold are handed out, and for no longer than the caller
    holds them; nobody touches their own assignment; a role manager's assignment changes
    only in the hands of someone holding all their permissions for good. Each change is
    announced (``role.assigned``, ``role.assignment_changed``, ``role.unassigned``) with
    the user and the role.
    """

    serializer_class = RoleAssignmentSerializer
    permission_classes = [permissions.IsAuthenticated, CanManageRoles]
    queryset = RoleAssignment.objects.select_related("user", "role")

    def perform_create(self, serializer):
        granted = role_permissions(serializer.validated_data["role"])
        ensure_can_grant(self.request, granted)
        ensure_within_own_term(self.request, granted, serializer.validated_data.get("expires_at"))
        serializer.save()
        self.announce("role.assigned", serializer.instance)

    def perform_update(self, serializer):
        assignment, changes = serializer.instance, serializer.validated_data
        ensure_not_own(self.request, assignment)
        ensure_can_revoke(self.request, assignment)
        granted = role_permissions(changes.get("role", assignment.role))
        ensure_can_grant(self.request, [*role_permissions(assignment.role), *granted])
        ensure_within_own_term(
            self.request, granted, changes.get("expires_at", assignment.expires_at)
        )
        serializer.save()
        self.announce("role.assignment_changed", assignment)

    def perform_destroy(self, instance):
        ensure_not_own(self.request, instance)
        ensure_can_revoke(self.request, instance)
        ensure_can_grant(self.request, role_permissions(instance.role))
        removed = copy.copy(instance)  # deleting clears the instance's primary key
        instance.delete()
        self.announce("role.unassigned", removed)

    def announce(self, event, assignment):
        announce(
            event,
            request=self.request,
            target=assignment,
            user=assignment.user.username,
            role=assignment.role.name,
            expires_at=assignment.expires_at,
        )
