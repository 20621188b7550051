"""The example resource under the owner model, once per authentication strategy."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from {{ cookiecutter.project_slug }}.documents.models import Document

LIST_URL = "/api/documents/"


def detail_url(document_id):
    return f"{LIST_URL}{document_id}/"


@pytest.fixture
def own_document(user):
    return Document.objects.create(owner=user, title="Mine", body="private")


@pytest.fixture
def foreign_document(other_user):
    return Document.objects.create(owner=other_user, title="Theirs", body="secret")


def test_documents_require_authentication(api_client, own_document):
    assert api_client.get(LIST_URL).status_code == 401
    assert api_client.get(detail_url(own_document.pk)).status_code == 401


def test_owner_can_create_read_update_and_delete(login, user):
    client = login(user)

    created = client.post(LIST_URL, {"title": "Plan", "body": "draft", "owner": "mallory"})
    assert created.status_code == 201
    document = created.json()
    assert document["owner"] == "alice"  # set by the policy, not by the request body

    assert client.get(detail_url(document["id"])).json()["title"] == "Plan"
    updated = client.patch(detail_url(document["id"]), {"title": "Final"})
    assert updated.status_code == 200
    assert updated.json()["title"] == "Final"
    assert client.delete(detail_url(document["id"])).status_code == 204
    assert not Document.objects.exists()


def test_lists_show_only_own_documents(login, user, own_document, foreign_document):
    response = login(user).get(LIST_URL)

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(own_document.pk)]


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_another_users_document_is_not_found(login, user, foreign_document, method):
    client = login(user)

    response = getattr(client, method)(detail_url(foreign_document.pk), {"title": "Stolen"})

    assert response.status_code == 404
    foreign_document.refresh_from_db()
    assert foreign_document.title == "Theirs"


@pytest.mark.parametrize("document_id", [uuid.uuid4(), "not-a-uuid", "1"])
def test_guessed_or_malformed_ids_are_not_found(login, user, document_id):
    response = login(user).get(detail_url(document_id))

    assert response.status_code == 404


def test_invalid_input_is_refused(login, user):
    response = login(user).post(LIST_URL, {"title": ""})

    assert response.status_code == 400
    assert "title" in response.json()


def test_reading_one_document_costs_one_query_and_writes_nothing(
    login, strategy, user, own_document
):
    client = login(user)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(detail_url(own_document.pk))

    assert response.status_code == 200
    assert len(queries) == strategy.auth_queries + 1
    assert not [q for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]


@pytest.mark.parametrize("rows", [1, 15])
def test_list_query_count_does_not_grow_with_the_page(
    login, strategy, user, django_assert_num_queries, rows
):
    Document.objects.bulk_create(Document(owner=user, title=f"doc {n}") for n in range(rows))
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 2):  # + count + page
        response = client.get(LIST_URL)

    assert len(response.json()["results"]) == rows
