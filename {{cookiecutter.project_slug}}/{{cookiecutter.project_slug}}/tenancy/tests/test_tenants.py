import pytest

from {{ cookiecutter.project_slug }}.tenancy.models import Membership, Tenant

TENANTS_URL = "/api/tenants/"
ME_URL = "/api/auth/me/"


def test_tenants_require_authentication(api_client, db):
    assert api_client.get(TENANTS_URL).status_code == 401
    assert api_client.post(TENANTS_URL, {"slug": "acme", "name": "Acme"}).status_code == 401


def test_callers_list_their_own_tenants_with_their_role(login, user, other_user, make_tenant):
    make_tenant("acme", {user: "viewer", other_user: "owner"})
    make_tenant("globex", {other_user: "owner"})
    make_tenant("initech", {user: "admin"})

    response = login(user).get(TENANTS_URL)

    assert response.status_code == 200
    rows = [(row["slug"], row["role"]) for row in response.json()["results"]]
    assert rows == [("acme", "viewer"), ("initech", "admin")]


def test_creating_a_tenant_makes_the_caller_its_owner(login, user):
    response = login(user).post(TENANTS_URL, {"slug": "acme", "name": "Acme"})

    assert response.status_code == 201
    assert response.json()["role"] == "owner"
    membership = Membership.objects.get()
    assert (membership.user, membership.tenant.slug, membership.role) == (user, "acme", "owner")


@pytest.mark.parametrize("slug", ["", "two words", "acme/x", "x" * 51])
def test_invalid_slugs_are_refused(login, user, slug):
    response = login(user).post(TENANTS_URL, {"slug": slug, "name": "Acme"})

    assert response.status_code == 400
    assert "slug" in response.json()["errors"]


def test_a_taken_slug_is_refused(login, user, make_tenant):
    make_tenant("acme")

    response = login(user).post(TENANTS_URL, {"slug": "acme", "name": "Mine"})

    assert response.status_code == 400
    assert not Membership.objects.exists()
    assert Tenant.objects.get().name == "Acme"


def test_me_lists_memberships(login, user, make_tenant):
    make_tenant("acme", {user: "owner"})
    make_tenant("globex", {user: "viewer"})

    response = login(user).get(ME_URL)

    assert response.json()["memberships"] == [
        {"tenant": "acme", "role": "owner"},
        {"tenant": "globex", "role": "viewer"},
    ]


def test_me_lists_no_memberships_for_a_user_without_a_tenant(login, user):
    assert login(user).get(ME_URL).json()["memberships"] == []


@pytest.mark.parametrize("count", [1, 12])
def test_listing_costs_the_same_for_any_number_of_tenants(
    login, strategy, user, make_tenant, django_assert_num_queries, count
):
    for n in range(count):
        make_tenant(f"tenant-{n}", {user: "member"})
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 2):  # count + page
        response = client.get(TENANTS_URL)

    assert response.json()["count"] == count
