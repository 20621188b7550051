"""The owner model: each user sees and changes only their own documents."""

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


def test_reading_costs_no_query_beyond_the_row(login, strategy, user, own_document):
    client = login(user)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(detail_url(own_document.pk)).status_code == 200

    assert len(queries) == strategy.auth_queries + 1
