from django.core.management.base import BaseCommand

from {{ cookiecutter.project_slug }}.rbac.roles import DEFAULT_ROLES, apply_default_roles


class Command(BaseCommand):
    help = "Create the default roles, or reset their permissions to the defaults (idempotent)."

    def handle(self, *args, **options):
        apply_default_roles()
        self.stdout.write(f"Roles ready: {', '.join(DEFAULT_ROLES)}.")
