"""A key created through the API can be bound to one of the caller's tenants only."""

import pytest
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey

KEYS_URL = "/api/auth/api-keys/"


@pytest.fixture
def manager(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_keys_are_bound_to_the_callers_tenants_only(manager, user, make_tenant, other_user):
    make_tenant("acme", {user: "member"})
    make_tenant("initech", {other_user: "owner"})

    refused = manager.post(KEYS_URL, {"name": "ci", "tenant": "initech"})
    created = manager.post(KEYS_URL, {"name": "ci", "tenant": "acme"})

    assert refused.status_code == 400
    assert "tenant" in refused.json()["errors"]
    assert created.status_code == 201
    assert created.json()["tenant"] == "acme"
    assert UserAPIKey.objects.get().tenant.slug == "acme"


def test_listing_keys_costs_a_fixed_number_of_queries(
    manager, user, make_tenant, django_assert_num_queries
):
    slugs = ["acme", "globex", "initech"]
    for slug in slugs:
        tenant = make_tenant(slug, {user: "member"})
        UserAPIKey.objects.create_key(user=user, name=slug, tenant=tenant)

    with django_assert_num_queries(2):  # count + page, tenants joined
        response = manager.get(KEYS_URL)

    assert sorted(row["tenant"] for row in response.json()["results"]) == slugs
