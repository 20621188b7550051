"""Documents under role-based access, once per authentication strategy."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from {{ cookiecutter.project_slug }}.documents.models import Document

LIST_URL = "/api/documents/"


def detail_url(document_id):
    return f"{LIST_URL}{document_id}/"


@pytest.fixture
def foreign_document(other_user):
    return Document.objects.create(owner=other_user, title="Theirs", body="secret")


@pytest.fixture
def own_document(user):
    return Document.objects.create(owner=user, title="Mine")


def ids(response):
    return {row["id"] for row in response.json()["results"]}


def test_viewers_read_every_document_and_change_none(
    login, user, assign, own_document, foreign_document
):
    assign(user, "viewer")
    client = login(user)

    assert ids(client.get(LIST_URL)) == {str(own_document.pk), str(foreign_document.pk)}
    assert client.get(detail_url(foreign_document.pk)).status_code == 200
    assert client.post(LIST_URL, {"title": "New"}).status_code == 403
    assert client.patch(detail_url(foreign_document.pk), {"title": "x"}).status_code == 403
    assert client.patch(detail_url(own_document.pk), {"title": "x"}).status_code == 403
    assert client.delete(detail_url(foreign_document.pk)).status_code == 403
    assert Document.objects.count() == 2


def test_editors_create_and_change_but_do_not_delete(login, user, assign, foreign_document):
    assign(user, "editor")
    client = login(user)

    assert client.post(LIST_URL, {"title": "New"}).status_code == 201
    edited = client.patch(detail_url(foreign_document.pk), {"title": "Edited"})
    assert edited.status_code == 200
    assert client.delete(detail_url(foreign_document.pk)).status_code == 403
    foreign_document.refresh_from_db()
    assert foreign_document.title == "Edited"


def test_admins_delete(login, user, assign, foreign_document):
    assign(user, "admin")

    assert login(user).delete(detail_url(foreign_document.pk)).status_code == 204
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("method", "status"), [("get", 404), ("put", 403), ("patch", 403), ("delete", 403)]
)
def test_without_a_role_other_documents_are_hidden_and_untouchable(
    login, user, foreign_document, method, status
):
    client = login(user)

    response = getattr(client, method)(detail_url(foreign_document.pk), {"title": "Stolen"})

    assert response.status_code == status
    foreign_document.refresh_from_db()
    assert foreign_document.title == "Theirs"


def test_without_a_role_users_read_their_own_documents_only(
    login, user, own_document, foreign_document
):
    client = login(user)

    assert ids(client.get(LIST_URL)) == {str(own_document.pk)}
    assert client.get(detail_url(own_document.pk)).status_code == 200
    assert client.post(LIST_URL, {"title": "New"}).status_code == 403
    assert client.delete(detail_url(own_document.pk)).status_code == 403


def test_guessed_ids_are_not_found_even_for_viewers(login, user, assign):
    assign(user, "viewer")

    assert login(user).get(detail_url(uuid.uuid4())).status_code == 404


def test_an_expired_assignment_grants_nothing(login, user, assign, foreign_document):
    assign(user, "editor", expires_at=timezone.now() - timedelta(seconds=1))
    client = login(user)

    assert client.post(LIST_URL, {"title": "New"}).status_code == 403
    assert client.get(detail_url(foreign_document.pk)).status_code == 404
    assert ids(client.get(LIST_URL)) == set()


def test_an_assignment_stops_working_when_it_expires(login, user, assign, foreign_document):
    expiry = timezone.now() + timedelta(minutes=1)  # within any credential's lifetime
    assign(user, "viewer", expires_at=expiry)
    client = login(user)

    assert client.get(detail_url(foreign_document.pk)).status_code == 200
    with time_machine.travel(expiry + timedelta(seconds=1)):
        assert client.get(detail_url(foreign_document.pk)).status_code == 404


def test_superusers_need_no_role(login, make_user, foreign_document):
    admin = make_user("root", is_superuser=True)
    client = login(admin)

    with CaptureQueriesContext(connection) as queries:
        assert client.delete(detail_url(foreign_document.pk)).status_code == 204

    assert not [q for q in queries if "auth_permission" in q["sql"]]


def test_permissions_are_resolved_once_per_request(login, user, assign, foreign_document):
    assign(user, "editor")
    client = login(user)

    with CaptureQueriesContext(connection) as queries:
        assert client.patch(detail_url(foreign_document.pk), {"body": "x"}).status_code == 200

    assert len([q for q in queries if '"auth_permission"' in q["sql"]]) == 1


def test_reading_costs_one_query_on_top_of_authentication(
    login, strategy, user, assign, foreign_document, django_assert_num_queries
):
    assign(user, "viewer")
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 1 + 1):  # permissions + row
        assert client.get(detail_url(foreign_document.pk)).status_code == 200


@pytest.mark.parametrize("rows", [1, 15])
def test_list_query_count_does_not_grow_with_the_page(
    login, strategy, user, other_user, assign, django_assert_num_queries, rows
):
    assign(user, "viewer")
    Document.objects.bulk_create(Document(owner=other_user, title=f"doc {n}") for n in range(rows))
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 1 + 1):  # permissions + page
        response = client.get(LIST_URL)

    assert len(response.json()["results"]) == rows
