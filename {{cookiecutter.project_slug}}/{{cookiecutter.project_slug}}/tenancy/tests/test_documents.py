"""Documents scoped to the active tenant, once per authentication strategy."""

import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from {{ cookiecutter.project_slug }}.documents.models import Document
from {{ cookiecutter.project_slug }}.tenancy.models import Membership

LIST_URL = "/api/documents/"


def detail_url(document_id):
    return f"{LIST_URL}{document_id}/"


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def acme(make_tenant, user, other_user):
    return make_tenant("acme", {user: "member", other_user: "admin"})


@pytest.fixture
def globex(make_tenant, other_user):
    return make_tenant("globex", {other_user: "owner"})


@pytest.fixture
def acme_document(other_user, acme):
    return Document.objects.create(owner=other_user, tenant=acme, title="Acme plan")


@pytest.fixture
def globex_document(other_user, globex):
    return Document.objects.create(owner=other_user, tenant=globex, title="Globex plan")


def test_lists_show_the_active_tenants_documents_only(
    login, other_user, acme_document, globex_document
):
    client = login(other_user)

    assert ids(client.get(LIST_URL, HTTP_X_TENANT="acme")) == {str(acme_document.pk)}
    assert ids(client.get(LIST_URL, HTTP_X_TENANT="globex")) == {str(globex_document.pk)}


def test_a_single_membership_is_the_active_tenant(login, user, acme_document):
    response = login(user).get(LIST_URL)

    assert ids(response) == {str(acme_document.pk)}
    assert response.json()["results"][0]["tenant"] == "acme"


def test_members_of_several_tenants_are_asked_to_name_one(
    login, other_user, acme_document, globex_document
):
    client = login(other_user)  # member of two tenants, no header

    responses = [
        client.get(LIST_URL),
        client.get(detail_url(acme_document.pk)),
        client.patch(detail_url(acme_document.pk), {"title": "x"}),
        client.post(LIST_URL, {"title": "Nowhere"}),
    ]

    for response in responses:
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "tenant_required"
        assert "X-Tenant" in body["detail"]
        assert "acme" not in body["detail"]
        assert "globex" not in body["detail"]
    assert Document.objects.count() == 2


def test_users_without_a_tenant_see_nothing(login, stranger, acme_document):
    client = login(stranger)

    assert ids(client.get(LIST_URL)) == set()
    assert client.get(detail_url(acme_document.pk)).status_code == 404
    assert client.post(LIST_URL, {"title": "x"}).status_code == 403


@pytest.mark.parametrize("slug", ["globex", "no-such-tenant"])
def test_naming_a_tenant_one_is_not_a_member_of_is_forbidden(
    login, user, acme_document, globex_document, slug
):
    client = login(user)

    assert client.get(LIST_URL, HTTP_X_TENANT=slug).status_code == 403
    assert client.get(detail_url(globex_document.pk), HTTP_X_TENANT=slug).status_code == 403
    assert client.post(LIST_URL, {"title": "x"}, HTTP_X_TENANT=slug).status_code == 403
    assert not Document.objects.filter(title="x").exists()


@pytest.mark.parametrize("header", ["", "two words", "x" * 51, "acme/../globex", "é"])
def test_malformed_tenant_headers_are_refused(login, user, acme, header):
    response = login(user).get(LIST_URL, HTTP_X_TENANT=header)

    assert response.status_code == 400
    assert "X-Tenant" in response.json()["errors"]


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_documents_of_another_tenant_are_not_found(
    login, other_user, acme, globex_document, method
):
    client = login(other_user)  # an admin in acme, and globex's owner

    response = getattr(client, method)(
        detail_url(globex_document.pk), {"title": "Stolen"}, HTTP_X_TENANT="acme"
    )

    assert response.status_code == 404
    globex_document.refresh_from_db()
    assert globex_document.title == "Globex plan"


def test_guessed_ids_are_not_found(login, user, acme):
    assert login(user).get(detail_url(uuid.uuid4())).status_code == 404


def test_documents_are_created_in_the_active_tenant(login, other_user, acme, globex):
    response = login(other_user).post(
        LIST_URL, {"title": "Plan", "tenant": "acme"}, HTTP_X_TENANT="globex"
    )

    assert response.status_code == 201
    assert response.json()["tenant"] == "globex"
    assert Document.objects.get().tenant == globex


def test_viewers_read_but_do_not_write(login, user, acme, acme_document):
    Membership.objects.filter(user=user).update(role="viewer")
    client = login(user)

    assert client.get(detail_url(acme_document.pk)).status_code == 200
    assert client.post(LIST_URL, {"title": "x"}).status_code == 403
    assert client.patch(detail_url(acme_document.pk), {"title": "x"}).status_code == 403
    assert client.delete(detail_url(acme_document.pk)).status_code == 403


def test_members_change_their_own_documents_only(login, user, acme, acme_document):
    client = login(user)

    created = client.post(LIST_URL, {"title": "Mine"})
    assert created.status_code == 201
    own_url = detail_url(created.json()["id"])
    assert client.patch(own_url, {"title": "Still mine"}).status_code == 200
    assert client.patch(detail_url(acme_document.pk), {"title": "x"}).status_code == 403
    assert client.delete(detail_url(acme_document.pk)).status_code == 403
    assert client.delete(own_url).status_code == 204
    assert list(Document.objects.all()) == [acme_document]


def test_admins_change_every_document_of_their_tenant(login, user, other_user, acme):
    own = Document.objects.create(owner=user, tenant=acme, title="Alice's")
    client = login(other_user)

    edited = client.patch(detail_url(own.pk), {"title": "Edited"}, HTTP_X_TENANT="acme")
    deleted = client.delete(detail_url(own.pk), HTTP_X_TENANT="acme")

    assert (edited.status_code, deleted.status_code) == (200, 204)


def test_leaving_a_tenant_ends_access(login, user, acme, acme_document):
    client = login(user)
    assert client.get(detail_url(acme_document.pk)).status_code == 200

    Membership.objects.filter(user=user).delete()

    assert client.get(detail_url(acme_document.pk)).status_code == 404


def test_reading_costs_one_query_on_top_of_authentication(
    login, strategy, user, acme_document, django_assert_num_queries
):
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 1 + 1):  # tenant + row
        assert client.get(detail_url(acme_document.pk), HTTP_X_TENANT="acme").status_code == 200


@pytest.mark.parametrize("rows", [1, 15])
def test_list_query_count_does_not_grow_with_the_page(
    login, strategy, user, other_user, acme, globex, django_assert_num_queries, rows
):
    Document.objects.bulk_create(
        Document(owner=other_user, tenant=tenant, title=f"doc {n}")
        for tenant in (acme, globex)
        for n in range(rows)
    )
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 1 + 1):  # tenant + page
        response = client.get(LIST_URL)

    assert [row["tenant"] for row in response.json()["results"]] == ["acme"] * rows


def test_seeded_documents_go_to_their_users_only_tenant(user, acme, globex):
    call_command("seed_documents", user.username, "--count", "2", stdout=StringIO())

    assert {document.tenant for document in Document.objects.all()} == {acme}


@pytest.mark.parametrize(("member_of", "what"), [(0, "no tenant"), (2, "several tenants")])
def test_seeding_needs_a_user_with_one_tenant(make_user, make_tenant, member_of, what):
    alone = make_user("alone")
    for slug in ["initech", "hooli"][:member_of]:
        make_tenant(slug, {alone: "member"})

    with pytest.raises(CommandError, match=f"'alone' belongs to {what}: seeded rows go to"):
        call_command("seed_documents", "alone", stdout=StringIO())

    assert not Document.objects.exists()
