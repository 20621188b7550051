"""Joining a tenant takes the invitee's consent: owners and admins invite, invitees answer."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.tenancy.models import Invitation, Membership

INVITATIONS_URL = "/api/invitations/"


def tenant_invitations_url(slug, invitation_id=None):
    url = f"/api/tenants/{slug}/invitations/"
    return f"{url}{invitation_id}/" if invitation_id else url


def answer_url(invitation_id, answer):
    return f"{INVITATIONS_URL}{invitation_id}/{answer}/"


def roles(tenant):
    return dict(tenant.memberships.values_list("user__username", "role"))


@pytest.fixture
def acme(make_tenant, user, other_user):
    return make_tenant("acme", {user: "owner", other_user: "admin"})


@pytest.fixture
def dave(make_user):
    return make_user("dave")


@pytest.fixture
def invite(acme, user):
    """Return ``invite(invitee, role="member") -> Invitation`` to ``acme``, sent by alice."""

    def make(invitee, role="member"):
        return Invitation.objects.create(
            tenant=acme, username=invitee.username, user=invitee, role=role, invited_by=user
        )

    return make


def test_an_invitation_changes_nothing_until_it_is_accepted(login, other_user, acme, dave):
    sent = login(other_user).post(tenant_invitations_url("acme"), {"username": "dave"})
    assert sent.status_code == 201, sent.content
    assert roles(acme) == {"alice": "owner", "bob": "admin"}

    client = login(dave)
    received = client.get(INVITATIONS_URL).json()["results"]
    assert [(row["tenant"], row["role"], row["invited_by"]) for row in received] == [
        ("acme", "member", "bob")
    ]
    accepted = client.post(answer_url(received[0]["id"], "accept"))

    assert accepted.status_code == 201
    assert accepted.json() == {"tenant": "acme", "role": "member"}
    assert roles(acme)["dave"] == "member"
    assert client.get(INVITATIONS_URL).json()["results"] == []


def test_declining_leaves_the_invitee_out(login, dave, acme, invite):
    invitation = invite(dave)
    client = login(dave)

    assert client.post(answer_url(invitation.pk, "decline")).status_code == 204
    assert client.post(answer_url(invitation.pk, "accept")).status_code == 404
    assert "dave" not in roles(acme)


def test_only_the_invitee_answers(login, stranger, dave, acme, invite):
    invitation = invite(dave)
    client = login(stranger)

    assert client.get(INVITATIONS_URL).json()["results"] == []
    assert client.post(answer_url(invitation.pk, "accept")).status_code == 404
    assert client.post(answer_url(invitation.pk, "decline")).status_code == 404
    assert "carol" not in roles(acme)
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_expired_invitations_cannot_be_accepted(login, dave, acme, invite, settings):
    assert settings.TENANCY_INVITATION_DAYS == 7
    invitation = invite(dave)
    assert invitation.expires_at - invitation.created_at == pytest.approx(
        timedelta(days=7), abs=timedelta(seconds=5)
    )
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client = login(dave)

    assert client.get(INVITATIONS_URL).json()["results"] == []
    assert client.post(answer_url(invitation.pk, "accept")).status_code == 404
    assert "dave" not in roles(acme)


def test_the_answer_does_not_reveal_whether_a_username_exists(login, user, acme, dave):
    client = login(user)

    known = client.post(tenant_invitations_url("acme"), {"username": "dave", "role": "viewer"})
    unknown = client.post(tenant_invitations_url("acme"), {"username": "zed", "role": "viewer"})

    assert (known.status_code, unknown.status_code) == (201, 201)
    volatile = {"id", "username", "created_at", "expires_at"}
    assert known.json().keys() == unknown.json().keys()
    assert {k: v for k, v in known.json().items() if k not in volatile} == {
        k: v for k, v in unknown.json().items() if k not in volatile
    }
    listed = client.get(tenant_invitations_url("acme")).json()["results"]
    assert [row["username"] for row in listed] == ["dave", "zed"]


def test_a_username_names_its_account_whatever_its_case(login, user, acme, dave):
    client = login(user)

    known = client.post(tenant_invitations_url("acme"), {"username": "DAVE"})
    unknown = client.post(tenant_invitations_url("acme"), {"username": "ZED"})
    member = client.post(tenant_invitations_url("acme"), {"username": "Bob"})

    assert (known.status_code, unknown.status_code) == (201, 201)
    volatile = {"id", "username", "created_at", "expires_at"}
    assert {k: v for k, v in known.json().items() if k not in volatile} == {
        k: v for k, v in unknown.json().items() if k not in volatile
    }
    assert known.json()["username"] == "DAVE"  # as typed, as for an unknown username
    assert member.status_code == 400
    assert member.json()["errors"] == {"username": ["Already a member."]}
    received = login(dave).get(INVITATIONS_URL).json()["results"]
    assert [row["id"] for row in received] == [known.json()["id"]]
    accepted = login(dave).post(answer_url(known.json()["id"], "accept"))
    assert accepted.status_code == 201, accepted.content
    assert roles(acme)["dave"] == "member"


def test_an_invitation_for_an_unknown_username_is_never_accepted(login, user, acme, make_user):
    login(user).post(tenant_invitations_url("acme"), {"username": "zed"})
    zed = make_user("zed")  # registers the name after the invitation was sent

    assert login(zed).get(INVITATIONS_URL).json()["results"] == []
    invitation = Invitation.objects.get()
    assert login(zed).post(answer_url(invitation.pk, "accept")).status_code == 404
    assert "zed" not in roles(acme)


def test_inviting_again_renews_the_invitation(login, user, dave, acme, invite):
    invite(dave, role="viewer")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    again = login(user).post(tenant_invitations_url("acme"), {"username": "dave", "role": "admin"})

    assert again.status_code == 201
    invitation = Invitation.objects.get()
    assert (invitation.role, invitation.expires_at > timezone.now()) == ("admin", True)


def test_members_are_not_invited_again(login, user, acme):
    response = login(user).post(tenant_invitations_url("acme"), {"username": "bob"})

    assert response.status_code == 400
    assert "username" in response.json()["errors"]


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_only_owners_and_admins_invite_or_see_invitations(login, stranger, acme, dave, role):
    acme.memberships.create(user=stranger, role=role)
    client = login(stranger)

    assert client.post(tenant_invitations_url("acme"), {"username": "dave"}).status_code == 403
    assert client.get(tenant_invitations_url("acme")).status_code == 403
    assert not Invitation.objects.exists()


def test_non_members_do_not_find_the_tenants_invitations(login, dave, acme):
    client = login(dave)

    assert client.get(tenant_invitations_url("acme")).status_code == 404
    assert client.post(tenant_invitations_url("acme"), {"username": "dave"}).status_code == 404


def test_only_owners_invite_owners(login, user, other_user, acme, dave):
    refused = login(other_user).post(
        tenant_invitations_url("acme"), {"username": "dave", "role": "owner"}
    )
    sent = login(user).post(tenant_invitations_url("acme"), {"username": "dave", "role": "owner"})

    assert (refused.status_code, sent.status_code) == (403, 201)


def test_managers_withdraw_invitations(login, other_user, dave, acme, invite):
    invitation = invite(dave)

    withdrawn = login(other_user).delete(tenant_invitations_url("acme", invitation.pk))

    assert withdrawn.status_code == 204
    assert login(dave).post(answer_url(invitation.pk, "accept")).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_concurrent_accepts_create_one_membership(make_user, make_tenant):
    dave = make_user("dave")
    acme = make_tenant("acme", {make_user("alice"): "owner"})
    invitation = Invitation.objects.create(tenant=acme, username="dave", user=dave)
    start = threading.Barrier(4)
    statuses = []

    def accept():
        client = APIClient()
        client.force_authenticate(dave)
        start.wait()
        try:
            statuses.append(client.post(answer_url(invitation.pk, "accept")).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [201, 404, 404, 404]
    assert Membership.objects.filter(user=dave, tenant=acme).count() == 1


@pytest.mark.parametrize("count", [1, 12])
def test_listing_invitations_costs_the_same_for_any_number(
    login, strategy, user, dave, acme, make_tenant, django_assert_num_queries, count
):
    for n in range(count):
        tenant = make_tenant(f"tenant-{n}", {user: "owner"})
        Invitation.objects.create(tenant=tenant, username="dave", user=dave, invited_by=user)
        Invitation.objects.create(tenant=acme, username=f"guest{n}", invited_by=user)
    received_by = login(dave)
    sent_by = login(user)

    with django_assert_num_queries(strategy.auth_queries + 2):  # count + page
        received = received_by.get(INVITATIONS_URL)
    with django_assert_num_queries(strategy.auth_queries + 1 + 2):  # tenant + count + page
        sent = sent_by.get(tenant_invitations_url("acme"))

    assert received.json()["count"] == count
    assert sent.json()["count"] == count
