from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from oauth2_provider.generators import generate_client_secret
from oauth2_provider.models import get_application_model

from {{ cookiecutter.project_slug }}.users.models import User

Application = get_application_model()
GRANTS = {
    "authorization-code": Application.GRANT_AUTHORIZATION_CODE,
    "client-credentials": Application.GRANT_CLIENT_CREDENTIALS,
}


class Command(BaseCommand):
    help = (
        "Register an OAuth2 client application and print its credentials; the client "
        "secret is shown once (only its hash is stored)."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="What the application is, as users will see it.")
        parser.add_argument(
            "--user",
            required=True,
            help="Username of the account that owns the application; client credentials "
            "tokens act as this user.",
        )
        parser.add_argument("--grant", choices=sorted(GRANTS), default="authorization-code")
        parser.add_argument(
            "--client-type",
            choices=[Application.CLIENT_CONFIDENTIAL, Application.CLIENT_PUBLIC],
            default=Application.CLIENT_CONFIDENTIAL,
            help="public: a browser or mobile app that cannot keep a secret (PKCE only).",
        )
        parser.add_argument(
            "--redirect-uri",
            action="append",
            default=[],
            dest="redirect_uris",
            help="Exact callback URI, repeatable; required by the authorization-code grant.",
        )

    def handle(self, *args, name, user, grant, client_type, redirect_uris, **options):
        owner = User.objects.named(user).filter(is_active=True).first()
        if owner is None:
            raise CommandError(
                f"--user: no active user named {user!r}: create the account, or reactivate it."
            )
        if grant == "authorization-code" and not redirect_uris:
            raise CommandError("--redirect-uri: the authorization-code grant needs at least one.")
        if grant == "client-credentials":
            if client_type == Application.CLIENT_PUBLIC:
                raise CommandError(
                    "--client-type: the client-credentials grant needs a confidential client."
                )
            if redirect_uris:
                raise CommandError("--redirect-uri: the client-credentials grant uses none.")
        secret = generate_client_secret() if client_type == Application.CLIENT_CONFIDENTIAL else ""
        application = Application(
            name=name,
            user=owner,
            client_type=client_type,
            authorization_grant_type=GRANTS[grant],
            redirect_uris=" ".join(redirect_uris),
            client_secret=secret,
            hash_client_secret=True,
        )
        try:
            application.full_clean()
        except ValidationError as error:
            problems = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
            raise CommandError(f"The application is not valid: {problems}") from error
        application.save()
        self.stdout.write(f"Application {name!r} for {owner.username}:")
        self.stdout.write(f"client_id: {application.client_id}")
        if secret:
            self.stdout.write(f"client_secret (shown once): {secret}")
