"""API keys bound to a tenant act in that tenant only."""

import pytest
from django.core.management import CommandError, call_command

from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey
from {{ cookiecutter.project_slug }}.auth_api_key.tests.clients import with_key
from {{ cookiecutter.project_slug }}.documents.models import Document
from {{ cookiecutter.project_slug }}.tenancy.models import Invitation, Tenant

DOCUMENTS_URL = "/api/documents/"
TENANTS_URL = "/api/tenants/"


@pytest.fixture
def tenants(make_tenant, user):
    return make_tenant("acme", {user: "member"}), make_tenant("globex", {user: "member"})


def test_a_bound_key_acts_in_its_tenant_only(user, tenants):
    acme, globex = tenants
    Document.objects.create(owner=user, tenant=acme, title="Acme")
    Document.objects.create(owner=user, tenant=globex, title="Globex")
    _api_key, key = UserAPIKey.objects.create_key(user=user, name="acme-ci", tenant=acme)
    client = with_key(key)

    # Its tenant is active without a header, although the user belongs to two.
    assert [row["title"] for row in client.get(DOCUMENTS_URL).json()["results"]] == ["Acme"]
    assert client.get(DOCUMENTS_URL, HTTP_X_TENANT="acme").status_code == 200
    assert client.get(DOCUMENTS_URL, HTTP_X_TENANT="globex").status_code == 403
    created = client.post(DOCUMENTS_URL, {"title": "x"}, HTTP_X_TENANT="globex")
    assert created.status_code == 403
    assert not Document.objects.filter(title="x").exists()


@pytest.fixture
def acme_key(user, tenants):
    """A key of alice's bound to acme; alice also belongs to globex."""
    _api_key, key = UserAPIKey.objects.create_key(user=user, name="acme-ci", tenant=tenants[0])
    return with_key(key)


def test_a_bound_key_lists_its_tenant_only(acme_key):
    tenants = acme_key.get(TENANTS_URL).json()["results"]
    memberships = acme_key.get("/api/auth/me/").json()["memberships"]

    assert [row["slug"] for row in tenants] == ["acme"]
    assert memberships == [{"tenant": "acme", "role": "member"}]


def test_a_bound_key_cannot_create_tenants(acme_key):
    response = acme_key.post(TENANTS_URL, {"slug": "initech", "name": "Initech"})

    assert response.status_code == 403
    assert not Tenant.objects.filter(slug="initech").exists()


def test_a_bound_key_sees_no_other_tenants_members_or_invitations(
    acme_key, user, tenants, make_user
):
    _acme, globex = tenants
    globex.memberships.filter(user=user).update(role="owner")
    invitation = Invitation.objects.create(
        tenant=globex, username="dave", user=make_user("dave"), role="member"
    )

    assert acme_key.get("/api/tenants/acme/members/").status_code == 200
    assert acme_key.get("/api/tenants/globex/members/").status_code == 404
    assert acme_key.get("/api/tenants/globex/invitations/").status_code == 404
    invited = acme_key.post("/api/tenants/globex/invitations/", {"username": "zed"})
    assert invited.status_code == 404
    withdrawn = acme_key.delete(f"/api/tenants/globex/invitations/{invitation.pk}/")
    assert withdrawn.status_code == 404
    assert Invitation.objects.get().username == "dave"


def test_a_bound_key_answers_invitations_of_its_tenant_only(user, make_tenant, tenants):
    initech = make_tenant("initech")
    Invitation.objects.create(tenant=initech, username="alice", user=user)
    _api_key, key = UserAPIKey.objects.create_key(user=user, name="acme-ci", tenant=tenants[0])
    client = with_key(key)

    assert client.get("/api/invitations/").json()["results"] == []
    invitation = Invitation.objects.get()
    assert client.post(f"/api/invitations/{invitation.pk}/accept/").status_code == 404
    assert not initech.memberships.exists()


def test_an_unbound_key_follows_the_header(user, tenants):
    _api_key, key = UserAPIKey.objects.create_key(user=user, name="ci")

    response = with_key(key).post(DOCUMENTS_URL, {"title": "x"}, HTTP_X_TENANT="globex")

    assert response.status_code == 201
    assert response.json()["tenant"] == "globex"


def test_a_bound_key_stops_working_in_a_tenant_its_user_left(user, tenants):
    acme, _globex = tenants
    _api_key, key = UserAPIKey.objects.create_key(user=user, name="acme-ci", tenant=acme)
    acme.memberships.filter(user=user).delete()

    response = with_key(key).get(DOCUMENTS_URL, HTTP_X_TENANT="acme")

    assert response.status_code == 403


def test_create_api_key_command_binds_the_key_to_a_tenant(user, tenants, capsys):
    call_command("create_api_key", "alice", "--name", "deploy", "--tenant", "globex")

    key = capsys.readouterr().out.rsplit(" ", 1)[-1].strip()
    assert UserAPIKey.objects.get().tenant.slug == "globex"
    assert with_key(key).get(DOCUMENTS_URL, HTTP_X_TENANT="acme").status_code == 403
    assert with_key(key).get(DOCUMENTS_URL).status_code == 200


@pytest.mark.parametrize("slug", ["initech", "no-such-tenant"])
def test_create_api_key_command_refuses_a_foreign_tenant(user, tenants, make_tenant, slug):
    make_tenant("initech")

    with pytest.raises(CommandError, match="not a member"):
        call_command("create_api_key", "alice", "--name", "deploy", "--tenant", slug)
    assert not UserAPIKey.objects.exists()
