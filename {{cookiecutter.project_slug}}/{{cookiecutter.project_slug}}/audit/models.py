import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEvent(models.Model):
    """One thing that happened, as it was recorded: never changed, deleted only when old.

    The actor is kept by id and by the username they had, without a foreign key
    constraint, so that deleting a user keeps the record of what they did. Events are
    written in bulk by ``database.DatabaseSink`` and read newest first, by type, by actor
    or by part of the data: each way has its index.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    occurred_at = models.DateTimeField(default=timezone.now)
    event = models.CharField(max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_username = models.CharField(max_length=150, blank=True)
    strategy = models.CharField(
        max_length=32, blank=True, help_text="How the actor signed in for this request."
    )
    ip = models.GenericIPAddressField(null=True, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    partition = models.CharField(
        max_length=64, blank=True, help_text="The part of the data the event belongs to."
    )
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["-occurred_at"], name="audit_occurred_at_idx"),
            models.Index(fields=["event", "-occurred_at"], name="audit_event_idx"),
            models.Index(fields=["actor", "-occurred_at"], name="audit_actor_idx"),
            models.Index(fields=["partition", "-occurred_at"], name="audit_partition_idx"),
        ]

    def __str__(self):
        return f"{self.event} by {self.actor_username or 'nobody'} at {self.occurred_at}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("A recorded event is never changed.")
        super().save(*args, **kwargs)
