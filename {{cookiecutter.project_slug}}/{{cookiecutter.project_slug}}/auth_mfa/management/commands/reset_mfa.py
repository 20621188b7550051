from django.core.management.base import BaseCommand, CommandError

from {{ cookiecutter.project_slug }}.auth_mfa import factors
from {{ cookiecutter.project_slug }}.core.events import announce
from {{ cookiecutter.project_slug }}.users.models import User


class Command(BaseCommand):
    help = (
        "Turn off a user's two-factor authentication (lost authenticator and recovery codes); "
        "they sign in with their password alone and can set it up again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user whose second factor to remove.")

    def handle(self, *args, username, **options):
        try:
            user = User.objects.get_by_username(username)
        except User.DoesNotExist:
            raise CommandError(
                f"username: no user named {username!r}: check the name (case does not matter)."
            ) from None
        if not factors.has_mfa(user):
            raise CommandError(f"username: {user.username!r} has no second factor to remove.")
        factors.remove_mfa(user)
        announce("credential.revoked", target=user, kind="totp_device", strategy="command")
        self.stdout.write(f"Two-factor authentication is off for {user.username}.")
