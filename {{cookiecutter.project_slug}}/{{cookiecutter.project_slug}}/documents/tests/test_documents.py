"""The example resource under any permission model, once per authentication strategy.

``author`` is a user the permission model lets create documents and change their own;
what the model shows to or hides from other users is tested with the model itself.
"""

import re
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
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

    with django_assert_num_queries(strategy.auth_queries + policy_queries + 1) as queries:
        response = client.get(LIST_URL)

    assert len(response.json()["results"]) == rows
    page_query = queries.captured_queries[-1]["sql"]
    assert "COUNT(" not in page_query.upper()
    assert "password" not in page_query  # the rows show the owner's name, nothing else of theirs


def test_lists_page_newest_first_by_position(login, author, settings):
    seed = ["--count", "45", "--batch-size", "7"]  # batches of 7, the last one short
    call_command("seed_documents", author.username, *seed, stdout=StringIO())
    client = login(author)

    titles, url, pages = [], LIST_URL, 0
    while url:
        page = client.get(url).json()
        assert "count" not in page  # counting every visible row would grow with the table
        titles += [row["title"] for row in page["results"]]
        url, pages = page["next"], pages + 1

    assert titles == [f"Seeded document {n}" for n in range(45, 0, -1)]
    assert pages == -(-45 // settings.REST_FRAMEWORK["PAGE_SIZE"])


@pytest.mark.parametrize("cursor", ["bz14", "cj14", "a"])  # "o=x", "r=x", not base64
def test_a_forged_cursor_is_not_found(login, author, cursor):
    response = login(author).get(f"{LIST_URL}?cursor={cursor}")

    assert response.status_code == 404
    assert response.json()["detail"] == "Invalid cursor"


def test_seeded_documents_are_the_ones_their_user_sees(login, author):
    out = StringIO()
    call_command("seed_documents", author.username, "--count", "3", stdout=out)

    assert out.getvalue() == f"Created 3 documents for {author.username!r}.\n"
    titles = [row["title"] for row in login(author).get(LIST_URL).json()["results"]]
    assert titles == ["Seeded document 3", "Seeded document 2", "Seeded document 1"]


def test_seeding_finds_the_user_as_the_login_does(login, author):
    out = StringIO()
    call_command("seed_documents", "ALICE", "--count", "2", stdout=out)

    assert out.getvalue() == "Created 2 documents for 'alice'.\n"
    titles = [row["title"] for row in login(author).get(LIST_URL).json()["results"]]
    assert titles == ["Seeded document 2", "Seeded document 1"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nobody"], "No user 'nobody': create the account first."),
        (["alice", "--count", "0"], "expected a whole number of at least 1, got '0'"),
        (["alice", "--batch-size", "x"], "expected a whole number of at least 1, got 'x'"),
    ],
)
def test_seeding_refuses_bad_input_and_writes_nothing(author, arguments, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("seed_documents", *arguments, stdout=StringIO())

    assert not Document.objects.exists()
