import uuid

from django.conf import settings
from django.db import models


class Tenant(models.Model):
    """An organisation whose data is kept apart from every other tenant's."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """``user`` belongs to ``tenant`` with one role there."""

    class Role(models.TextChoices):
        OWNER = "owner"
        ADMIN = "admin"
        MEMBER = "member"
        VIEWER = "viewer"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "tenant"], name="tenancy_one_membership")
        ]

    def __str__(self):
        return f"{self.user} in {self.tenant} ({self.role})"

    @property
    def manages_tenant(self):
        """Owners and admins manage members and every document of the tenant."""
        return self.role in (self.Role.OWNER, self.Role.ADMIN)

    @property
    def can_write(self):
        return self.role != self.Role.VIEWER
