"""GET /api/audit/events/ for a tenant's owners and admins: that tenant's events only."""

import pytest
from rest_framework.test import APIClient

URL = "/api/audit/events/"


@pytest.fixture
def tenants(make_tenant, user, other_user, make_user):
    """alice owns acme, bob is a member there and admin of globex."""
    acme = make_tenant("acme", {user: "owner", other_user: "member"})
    globex = make_tenant("globex", {other_user: "admin", make_user("gina"): "owner"})
    return acme, globex


def create_document(login, user, tenant):
    response = login(user).post("/api/documents/", {"title": "Plans"}, HTTP_X_TENANT=tenant)
    assert response.status_code == 201


def test_a_tenant_admin_reads_the_active_tenants_events_only(login, user, other_user, tenants):
    _acme, globex = tenants
    create_document(login, user, "acme")
    create_document(login, other_user, "globex")
    client = login(other_user)

    in_globex = client.get(URL, HTTP_X_TENANT="globex")
    in_acme = client.get(URL, HTTP_X_TENANT="acme")

    assert in_globex.status_code == 200
    events = in_globex.json()["results"]
    assert events
    assert {event["partition"] for event in events} == {str(globex.pk)}
    assert in_acme.status_code == 403


def test_an_owner_reads_their_tenants_events(login, user, tenants):
    acme, _globex = tenants
    create_document(login, user, "acme")

    response = login(user).get(URL, {"event": "document.created"})

    assert response.status_code == 200
    [event] = response.json()["results"]
    assert event["partition"] == str(acme.pk)


def test_staff_read_every_tenants_events(login, user, other_user, tenants, make_user):
    create_document(login, user, "acme")
    create_document(login, other_user, "globex")
    client = APIClient()
    client.force_authenticate(make_user("root", is_staff=True))

    response = client.get(URL, {"event": "document.created"})

    assert len(response.json()["results"]) == 2


def test_a_caller_without_a_tenant_is_refused(login, make_user, db):
    assert login(make_user("loner")).get(URL).status_code == 403


def test_the_demo_user_reads_the_demo_tenants_events(login, run_demo_user):
    """As the README says: it owns the ``demo`` tenant, its only one, whose events it reads."""
    demo = run_demo_user()
    client = login(demo.user, demo.password)
    assert client.post("/api/documents/", {"title": "Plan"}).status_code == 201

    response = client.get(URL, {"event": "document.created"})

    assert response.status_code == 200
    [event] = response.json()["results"]
    assert event["partition"] == str(demo.user.memberships.get().tenant.pk)
