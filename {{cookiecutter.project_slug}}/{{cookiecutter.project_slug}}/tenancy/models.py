import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


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


def invitation_expiry():
    return timezone.now() + timedelta(days=settings.TENANCY_INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An offer to join ``tenant`` with ``role``, which only the invitee turns into a membership.

    ``username`` is kept as typed, so that inviting an unknown username answers and lists
    exactly like inviting a user; ``user`` is the account it named when it was sent (None
    for an unknown username: nobody can ever accept it, not even a later registrant).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="invitations")
    username = models.CharField(max_length=150)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        related_name="tenant_invitations",
    )
    role = models.CharField(
        max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "username"], name="tenancy_one_invitation_per_username"
            )
        ]

    def __str__(self):
        return f"{self.username} to {self.tenant} ({self.role})"
