"""The example resource under any permission model, once per authentication strategy.

``author`` is a user the permission model lets create documents and change their own;
what the model shows to or hides from other users is tested with the model itself.
"""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from {{ cookiecutter.project_slug }}.documents.models import Document

LIST_URL = "/api/documents/"


def detail_url(document_id):
    return f"{LIST_URL}{document_id}/"


def test_documents_require_authentication(api_client, author, make_document):
    document = make_document(author)

    assert api_client.get(LIST_URL).status_code == 401
    assert api_client.get(detail_url(document.pk)).status_code == 401


def test_an_author_can_create_read_update_and_delete(login, author):
    client = login(author)

    created = client.post(LIST_URL, {"title": "Plan", "body": "draft", "owner": "mallory"})
    assert created.status_code == 201, created.content
    document = created.json()
    assert document["owner"] == "alice"  # set by the policy, not by the request body

    assert client.get(detail_url(document["id"])).json()["title"] == "Plan"
    updated = client.patch(detail_url(document["id"]), {"title": "Final"})
    assert updated.status_code == 200
    assert updated.json()["title"] == "Final"
    assert client.delete(detail_url(document["id"])).status_code == 204
    assert not Document.objects.exists()


@pytest.mark.parametrize("document_id", [uuid.uuid4(), "not-a-uuid", "1"])
def test_guessed_or_malformed_ids_are_not_found(login, author, document_id):
    response = login(author).get(detail_url(document_id))

    assert response.status_code == 404


def test_invalid_input_is_refused(login, author):
    response = login(author).post(LIST_URL, {"title": ""})

    assert response.status_code == 400
    assert "title" in response.json()["errors"]


def test_reading_one_document_stays_within_budget_and_writes_nothing(
    login, strategy, policy_queries, author, make_document
):
    document = make_document(author)
    client = login(author)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(detail_url(document.pk))

    assert response.status_code == 200
    assert len(queries) == strategy.auth_queries + policy_queries + 1
    assert not [q for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]


@pytest.mark.parametrize("rows", [1, 15])
def test_list_query_count_does_not_grow_with_the_page(
    login, strategy, policy_queries, author, make_document, django_assert_num_queries, rows
):
    for n in range(rows):
        make_document(author, title=f"doc {n}")
    client = login(author)

    with django_assert_num_queries(strategy.auth_queries + policy_queries + 2):  # count + page
        response = client.get(LIST_URL)

    assert len(response.json()["results"]) == rows
