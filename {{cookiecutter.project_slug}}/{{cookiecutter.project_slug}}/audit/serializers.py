from rest_framework import serializers

from .models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer):
    actor = serializers.UUIDField(source="actor_id", read_only=True, allow_null=True)

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "occurred_at",
            "event",
            "actor",
            "actor_username",
            "strategy",
            "ip",
            "request_id",
            "target_type",
            "target_id",
            "partition",
            "details",
        ]
        read_only_fields = fields


class EventFilterSerializer(serializers.Serializer):
    """The query parameters of the event list; each one given narrows it."""

    event = serializers.CharField(
        required=False, max_length=64, help_text="Only events of this type (`login.failed`)."
    )
    actor = serializers.UUIDField(required=False, help_text="Only events of this user (id).")
    since = serializers.DateTimeField(
        required=False, help_text="Only events at or after this time (ISO 8601)."
    )
    until = serializers.DateTimeField(
        required=False, help_text="Only events before this time (ISO 8601)."
    )
