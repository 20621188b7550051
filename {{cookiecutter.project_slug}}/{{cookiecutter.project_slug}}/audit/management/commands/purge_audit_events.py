from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from {{ cookiecutter.project_slug }}.audit.models import AuditEvent


class Command(BaseCommand):
    help = "Delete recorded events older than a number of days (run it daily)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.AUDIT_LOG_RETENTION_DAYS,
            help="Keep this many days of events (default: DJANGO_AUDIT_LOG_RETENTION_DAYS).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = AuditEvent.objects.filter(occurred_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} events older than {days} days.")
