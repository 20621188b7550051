from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand

from {{ cookiecutter.project_slug }}.rbac.models import Role
from {{ cookiecutter.project_slug }}.rbac.roles import DEFAULT_ROLES, apply_default_roles


class Command(BaseCommand):
    help = "Create the default roles, or reset their permissions to the defaults (idempotent)."

    def handle(self, *args, **options):
        apply_default_roles(Role, Permission)
        self.stdout.write(f"Roles ready: {', '.join(DEFAULT_ROLES)}.")
