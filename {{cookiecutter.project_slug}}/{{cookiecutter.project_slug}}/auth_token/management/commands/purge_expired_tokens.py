from django.core.management.base import BaseCommand
from django.utils import timezone
from knox.models import get_token_model


class Command(BaseCommand):
    help = "Delete expired API tokens (run it periodically, e.g. daily from cron)."

    def handle(self, *args, **options):
        deleted, _ = get_token_model().objects.filter(expiry__lt=timezone.now()).delete()
        self.stdout.write(f"Deleted {deleted} expired token(s).")
