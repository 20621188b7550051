import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from {{ cookiecutter.project_slug }}.users.models import User


class Command(BaseCommand):
    help = (
        "Create (or reset) the 'demo' user for local development, give it what the access "
        "policy requires to use the example endpoints, and print its password once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("demo_user is for local development only (DEBUG is off).")
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            user, granted = self.prepare(username, password)
        summary = f"User {user.username!r} is ready"
        if granted:
            summary += f"; it {granted}"
        self.stdout.write(f"{summary}.")
        self.stdout.write(f"Password (shown once): {password}")

    def prepare(self, username, password):
        """Create or reset the account, then let the access policy in force equip it.

        The account is found as the login finds it, so ``Demo`` resets ``demo`` rather
        than clash with it. The policy knows what its model requires (a role or a
        membership, say), so this command works unchanged whichever permission model the
        project uses.
        """
        user = User.objects.named(username).first()
        if user is None:
            user = User(username=username, email=f"{username}@example.com")
        user.set_password(password)
        user.is_active = True
        user.save()
        policy = import_string(settings.DOCUMENTS_ACCESS_POLICY)()
        return user, policy.prepare_demo_user(user)
