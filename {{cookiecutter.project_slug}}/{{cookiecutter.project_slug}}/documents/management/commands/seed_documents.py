import argparse
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from {{ cookiecutter.project_slug }}.documents.models import Document
from {{ cookiecutter.project_slug }}.users.models import User


def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


class Command(BaseCommand):
    help = (
        "Create documents that a user sees under the project's access policy, one second "
        "apart up to now, for load tests. Inserted in bulk: no signal, no event announced."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the existing user the documents are made for")
        parser.add_argument("--count", type=positive_int, default=1000)
        parser.add_argument("--batch-size", type=positive_int, default=2000)

    def handle(self, *args, username, count, batch_size, **options):
        user = User.objects.named(username).first()
        if user is None:
            raise CommandError(f"No user {username!r}: create the account first.")
        policy = import_string(settings.DOCUMENTS_ACCESS_POLICY)()
        try:
            fields = policy.seed_fields(user)
        except ValueError as error:
            raise CommandError(str(error)) from None
        newest = timezone.now()
        with transaction.atomic():  # all of them or, on any failure, none
            for start in range(0, count, batch_size):
                Document.objects.bulk_create(
                    Document(
                        title=f"Seeded document {n}",
                        body=f"Body of seeded document {n}.",
                        created_at=newest - datetime.timedelta(seconds=count - n),
                        **fields,
                    )
                    for n in range(start + 1, min(start + batch_size, count) + 1)
                )
        self.stdout.write(f"Created {count} documents for {user.username!r}.")
