import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from {{ cookiecutter.project_slug }}.users.models import User


class Command(BaseCommand):
    help = "Create (or reset) the 'demo' user for local development and print its password once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("demo_user is for local development only (DEBUG is off).")
        password = secrets.token_urlsafe(12)
        user, _ = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com"}
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        self.stdout.write(f"User {username!r} is ready. Password (shown once): {password}")
