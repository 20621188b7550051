from .models import AuditEvent


class DatabaseSink:
    """Events as rows of ``AuditEvent``: one insert for all the events of a request."""

    def write(self, entries):
        AuditEvent.objects.bulk_create(AuditEvent(**entry) for entry in entries)
