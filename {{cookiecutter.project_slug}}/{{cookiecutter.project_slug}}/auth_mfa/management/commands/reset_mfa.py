from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from {{ cookiecutter.project_slug }}.auth_mfa import factors
from {{ cookiecutter.project_slug }}.core.events import announce


class Command(BaseCommand):
    help = (
        "Turn off a user's two-factor authentication (lost authenticator and recovery codes); "
        "they sign in with their password alone and can set it up again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user whose second factor to remove.")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get_by_natural_key(username)
        except user_model.DoesNotExist:
            raise CommandError(f"username: no user named {username!r}.") from None
        if not factors.has_mfa(user):
            raise CommandError(f"username: {username!r} has no second factor to remove.")
        factors.remove_mfa(user)
        announce("credential.revoked", target=user, kind="totp_device", strategy="command")
        self.stdout.write(f"Two-factor authentication is off for {username}.")
