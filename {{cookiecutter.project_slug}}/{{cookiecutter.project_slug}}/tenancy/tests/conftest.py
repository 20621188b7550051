import pytest

from {{ cookiecutter.project_slug }}.tenancy.models import Membership, Tenant


@pytest.fixture
def make_tenant(db):
    """Return ``make_tenant(slug, {user: role, ...}) -> Tenant``."""

    def make(slug, roles=None):
        tenant = Tenant.objects.create(slug=slug, name=slug.title())
        Membership.objects.bulk_create(
            Membership(user=user, tenant=tenant, role=role) for user, role in (roles or {}).items()
        )
        return tenant

    return make


@pytest.fixture
def stranger(make_user):
    return make_user("carol")
