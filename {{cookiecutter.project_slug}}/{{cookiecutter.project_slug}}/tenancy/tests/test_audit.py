"""Tenants and their members, as the audit log records them: each event in its tenant."""

import pytest

from {{ cookiecutter.project_slug }}.tenancy.models import Tenant

TENANTS_URL = "/api/tenants/"


def members_url(slug, username=""):
    return f"{TENANTS_URL}{slug}/members/{username + '/' if username else ''}"


def invitations_url(slug, pk=""):
    return f"{TENANTS_URL}{slug}/invitations/{f'{pk}/' if pk else ''}"


def answer_url(pk, answer):
    return f"/api/invitations/{pk}/{answer}/"


@pytest.fixture
def acme(make_tenant, user, other_user):
    return make_tenant("acme", {user: "owner", other_user: "member"})


def events_of(recorded, prefix):
    return [event for event in recorded() if event["event"].startswith(prefix)]


def test_creating_a_tenant_is_recorded_in_it(login, user, recorded):
    response = login(user).post(TENANTS_URL, {"slug": "globex", "name": "Globex"})

    assert response.status_code == 201
    [event] = recorded("tenant.created")
    tenant = Tenant.objects.get(slug="globex")
    assert (event["target_type"], event["target_id"]) == ("tenancy.tenant", str(tenant.pk))
    assert event["partition"] == str(tenant.pk)
    assert event["actor_username"] == "alice"


def test_an_invitation_accepted_and_one_declined(login, user, acme, make_user, recorded):
    dave, erin = make_user("dave"), make_user("erin")
    owner = login(user)
    for username in ("dave", "erin"):
        owner.post(invitations_url("acme"), {"username": username, "role": "viewer"})
    invitations = {
        row["username"]: row["id"] for row in owner.get(invitations_url("acme")).json()["results"]
    }

    assert login(dave).post(answer_url(invitations["dave"], "accept")).status_code == 201
    assert login(erin).post(answer_url(invitations["erin"], "decline")).status_code == 204

    events = events_of(recorded, "membership.")
    assert [(event["event"], event["actor_username"]) for event in events] == [
        ("membership.invited", "alice"),
        ("membership.invited", "alice"),
        ("membership.joined", "dave"),
        ("membership.invitation_declined", "erin"),
    ]
    assert events[0]["details"] == {"username": "dave", "role": "viewer"}
    assert events[2]["details"] == {"username": "dave", "role": "viewer"}
    assert {event["partition"] for event in events} == {str(acme.pk)}


def test_an_invitation_withdrawn(login, user, acme, recorded):
    owner = login(user)
    sent = owner.post(invitations_url("acme"), {"username": "zed"})

    assert owner.delete(invitations_url("acme", sent.json()["id"])).status_code == 204

    [event] = recorded("membership.invitation_withdrawn")
    assert (event["target_id"], event["details"]) == (sent.json()["id"], {"username": "zed"})
    assert event["partition"] == str(acme.pk)


def test_a_role_change_a_removal_and_a_departure(
    login, user, other_user, acme, make_user, recorded
):
    carol = make_user("carol")
    acme.memberships.create(user=carol, role="viewer")
    owner = login(user)

    assert owner.patch(members_url("acme", "bob"), {"role": "admin"}).status_code == 200
    assert owner.delete(members_url("acme", "carol")).status_code == 204
    assert login(other_user).delete(members_url("acme", "bob")).status_code == 204

    events = events_of(recorded, "membership.")
    assert [(event["event"], event["actor_username"], event["details"]) for event in events] == [
        ("membership.changed", "alice", {"username": "bob", "role": "admin"}),
        ("membership.removed", "alice", {"username": "carol", "role": "viewer"}),
        ("membership.left", "bob", {"username": "bob", "role": "admin"}),
    ]
    assert {event["partition"] for event in events} == {str(acme.pk)}


def test_a_document_event_belongs_to_the_documents_tenant(login, other_user, acme, recorded):
    response = login(other_user).post("/api/documents/", {"title": "Plans"})

    assert response.status_code == 201
    [event] = recorded("document.created")
    assert event["partition"] == str(acme.pk)


def test_a_refusal_in_a_tenant_belongs_to_that_tenant(login, make_user, acme, recorded):
    viewer = make_user("vic")
    acme.memberships.create(user=viewer, role="viewer")

    assert login(viewer).post("/api/documents/", {"title": "Nope"}).status_code == 403

    [event] = recorded("permission.denied")
    assert event["partition"] == str(acme.pk)
