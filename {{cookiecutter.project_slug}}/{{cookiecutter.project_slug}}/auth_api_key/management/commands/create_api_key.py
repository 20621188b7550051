from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey
from {{ cookiecutter.project_slug }}.core.events import announce
{%- if cookiecutter.permission_model == "multi_tenant" %}
from {{ cookiecutter.project_slug }}.tenancy.models import Tenant
{%- endif %}
from {{ cookiecutter.project_slug }}.users.models import User


class Command(BaseCommand):
    help = "Create an API key for a user and print it once (only its hash is stored)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="What the key is for.")
        parser.add_argument("--read-only", action="store_true", help="Allow safe methods only.")
        parser.add_argument("--expires-in-days", type=int, help="Default: never expires.")
{%- if cookiecutter.permission_model == "multi_tenant" %}
        parser.add_argument("--tenant", help="Slug of the only tenant the key may act in.")

    def handle(self, *args, username, name, read_only, expires_in_days, tenant, **options):
{%- else %}

    def handle(self, *args, username, name, read_only, expires_in_days, **options):
{%- endif %}
        user = User.objects.named(username).filter(is_active=True).first()
        if user is None:
            raise CommandError(
                f"No active user named {username!r}: create the account, or reactivate it."
            )
        if expires_in_days is not None and expires_in_days < 1:
            raise CommandError("--expires-in-days must be at least 1.")
{%- if cookiecutter.permission_model == "multi_tenant" %}
        if tenant is not None:
            tenant = Tenant.objects.filter(slug=tenant, memberships__user=user).first()
            if tenant is None:
                raise CommandError(f"{user.username} is not a member of that tenant.")
{%- endif %}
        expiry = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
        api_key, key = UserAPIKey.objects.create_key(
            user=user,
            name=name,
            read_only=read_only,
            expiry_date=expiry,
{%- if cookiecutter.permission_model == "multi_tenant" %}
            tenant=tenant,
{%- endif %}
        )
        announce(
            "credential.issued", actor=user, target=api_key, kind="api_key", strategy="command"
        )
        self.stdout.write(f"API key {api_key.prefix} for {user.username} (shown once): {key}")
