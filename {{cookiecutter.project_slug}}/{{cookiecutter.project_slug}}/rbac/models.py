import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class RoleQuerySet(models.QuerySet):
    def held_by(self, user):
        """The roles assigned to ``user`` whose assignment has not expired."""
        return self.filter(
            Q(assignments__expires_at__isnull=True) | Q(assignments__expires_at__gt=timezone.now()),
            assignments__user=user,
        ).distinct()


class Role(models.Model):
    """A named set of permissions (``auth.Permission``), given to users by assignments."""

    name = models.SlugField(max_length=50, unique=True)
    permissions = models.ManyToManyField("auth.Permission", related_name="roles", blank=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        permissions = [("manage_roles", "Can manage roles and role assignments")]

    def __str__(self):
        return self.name


class RoleAssignment(models.Model):
    """``user`` holds ``role`` until ``expires_at`` (never, when empty)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="assignments")
    expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="rbac_one_assignment_per_role")
        ]

    def __str__(self):
        return f"{self.user} as {self.role}"
