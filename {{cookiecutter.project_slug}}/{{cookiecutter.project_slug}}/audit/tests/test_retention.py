"""manage.py purge_audit_events: events older than the retention go, the others stay."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from {{ cookiecutter.project_slug }}.audit.models import AuditEvent


def event_aged(days):
    event = AuditEvent.objects.create(event="login.failed")
    AuditEvent.objects.filter(pk=event.pk).update(occurred_at=timezone.now() - timedelta(days=days))
    return event


def test_events_older_than_the_days_given_are_deleted(db):
    old, recent = event_aged(40), event_aged(20)
    output = StringIO()

    call_command("purge_audit_events", "--days", "30", stdout=output)

    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]
    assert output.getvalue() == "Deleted 1 events older than 30 days.\n"
    assert not AuditEvent.objects.filter(pk=old.pk).exists()


def test_the_retention_defaults_to_the_setting(settings, db):
    settings.AUDIT_LOG_RETENTION_DAYS = 10
    event_aged(11)
    kept = event_aged(9)

    call_command("purge_audit_events", stdout=StringIO())

    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_retention_under_one_day_is_refused(db):
    with pytest.raises(CommandError, match="--days must be at least 1"):
        call_command("purge_audit_events", "--days", "0")
