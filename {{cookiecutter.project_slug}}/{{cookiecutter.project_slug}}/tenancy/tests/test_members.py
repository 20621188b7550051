"""Managing members: owners and admins only, an owner always remains, anyone may leave."""

import pytest

from {{ cookiecutter.project_slug }}.tenancy.models import Membership


def members_url(slug, username=None):
    url = f"/api/tenants/{slug}/members/"
    return f"{url}{username}/" if username else url


def roles(tenant):
    return dict(tenant.memberships.values_list("user__username", "role"))


@pytest.fixture
def acme(make_tenant, user, other_user, stranger):
    return make_tenant("acme", {user: "owner", other_user: "admin", stranger: "member"})


@pytest.fixture
def dave(make_user):
    return make_user("dave")


def test_members_list_the_tenants_members(login, stranger, acme):
    response = login(stranger).get(members_url("acme"))

    assert response.status_code == 200
    assert [(row["username"], row["role"]) for row in response.json()["results"]] == [
        ("alice", "owner"),
        ("bob", "admin"),
        ("carol", "member"),
    ]


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_members_and_viewers_cannot_change_members(login, stranger, acme, role):
    Membership.objects.filter(user=stranger).update(role=role)
    client = login(stranger)

    assert client.patch(members_url("acme", "bob"), {"role": "viewer"}).status_code == 403
    assert client.delete(members_url("acme", "bob")).status_code == 403
    assert roles(acme) == {"alice": "owner", "bob": "admin", "carol": role}


def test_non_members_do_not_find_the_tenant(login, dave, acme, make_tenant):
    make_tenant("globex", {dave: "owner"})
    client = login(dave)

    assert client.get(members_url("acme")).status_code == 404
    assert client.get(members_url("acme", "alice")).status_code == 404
    assert client.delete(members_url("acme", "carol")).status_code == 404
    # The X-Tenant header does not override the tenant in the URL.
    response = client.get(members_url("acme"), HTTP_X_TENANT="globex")
    assert response.status_code == 404
    assert client.get(members_url("no-such-tenant")).status_code == 404


def test_admins_change_and_remove_members(login, other_user, acme):
    client = login(other_user)

    changed = client.patch(members_url("acme", "carol"), {"role": "viewer"})
    assert changed.status_code == 200
    assert changed.json()["username"] == "carol"
    assert client.delete(members_url("acme", "carol")).status_code == 204
    assert roles(acme) == {"alice": "owner", "bob": "admin"}


def test_nobody_is_made_a_member_without_accepting(login, user, acme, dave):
    response = login(user).post(members_url("acme"), {"username": "dave", "role": "owner"})

    assert response.status_code == 405
    assert "dave" not in roles(acme)


@pytest.mark.parametrize("role", ["admin", "member", "viewer"])
def test_members_may_leave(login, stranger, acme, role):
    Membership.objects.filter(user=stranger).update(role=role)

    response = login(stranger).delete(members_url("acme", "carol"))

    assert response.status_code == 204
    assert roles(acme) == {"alice": "owner", "bob": "admin"}


def test_the_url_names_a_member_whatever_the_case(login, other_user, stranger, acme):
    admin, member = login(other_user), login(stranger)

    assert admin.get(members_url("acme", "CAROL")).json()["username"] == "carol"
    assert admin.get(members_url("acme", "nobody")).status_code == 404
    assert admin.patch(members_url("acme", "Carol"), {"role": "viewer"}).status_code == 200
    assert member.delete(members_url("acme", "BOB")).status_code == 403
    assert member.delete(members_url("acme", "Carol")).status_code == 204
    assert roles(acme) == {"alice": "owner", "bob": "admin"}


def test_owners_may_leave_unless_they_are_the_last(login, user, other_user, acme):
    client = login(user)

    refused = client.delete(members_url("acme", "alice"))
    assert refused.status_code == 400
    Membership.objects.filter(user=other_user).update(role="owner")
    assert client.delete(members_url("acme", "alice")).status_code == 204
    assert roles(acme) == {"bob": "owner", "carol": "member"}


def test_the_username_of_a_membership_cannot_change(login, user, acme, dave):
    response = login(user).patch(members_url("acme", "carol"), {"username": "dave"})

    assert response.status_code == 200
    assert roles(acme)["carol"] == "member"
    assert "dave" not in roles(acme)


def test_admins_cannot_grant_or_touch_the_owner_role(login, other_user, acme):
    client = login(other_user)

    assert client.patch(members_url("acme", "bob"), {"role": "owner"}).status_code == 403
    assert client.patch(members_url("acme", "alice"), {"role": "viewer"}).status_code == 403
    assert client.delete(members_url("acme", "alice")).status_code == 403
    assert roles(acme) == {"alice": "owner", "bob": "admin", "carol": "member"}


def test_the_last_owner_can_be_neither_demoted_nor_removed(login, user, acme):
    client = login(user)

    demoted = client.patch(members_url("acme", "alice"), {"role": "admin"})
    removed = client.delete(members_url("acme", "alice"))

    assert (demoted.status_code, removed.status_code) == (400, 400)
    assert roles(acme)["alice"] == "owner"


def test_with_two_owners_one_may_step_down(login, user, other_user, acme):
    client = login(user)

    assert client.patch(members_url("acme", "bob"), {"role": "owner"}).status_code == 200
    assert client.patch(members_url("acme", "alice"), {"role": "member"}).status_code == 200
    assert roles(acme)["bob"] == "owner"
    assert login(other_user).delete(members_url("acme", "bob")).status_code == 400


def test_managing_one_tenant_gives_nothing_in_another(login, other_user, acme, make_tenant, dave):
    globex = make_tenant("globex", {dave: "owner", other_user: "viewer"})
    client = login(other_user)  # admin in acme, viewer in globex

    assert client.patch(members_url("globex", "dave"), {"role": "viewer"}).status_code == 403
    assert client.delete(members_url("globex", "dave")).status_code == 403
    response = client.delete(members_url("globex", "dave"), HTTP_X_TENANT="acme")
    assert response.status_code == 403
    assert roles(globex) == {"dave": "owner", "bob": "viewer"}


@pytest.mark.parametrize("count", [1, 12])
def test_listing_members_costs_the_same_for_any_page(
    login, strategy, user, make_user, acme, django_assert_num_queries, count
):
    Membership.objects.bulk_create(
        Membership(user=make_user(f"user{n}"), tenant=acme) for n in range(count)
    )
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 1 + 2):  # tenant + count + page
        response = client.get(members_url("acme"))

    assert response.json()["count"] == count + 3
