"""The group model: documents shared with a Django group, edits allowed by its permissions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from {{ cookiecutter.project_slug }}.documents.models import Document

LIST_URL = "/api/documents/"


def detail_url(document_id):
    return f"{LIST_URL}{document_id}/"


def grant(group, *codenames):
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="documents", codename__in=codenames)
    )


@pytest.fixture
def team(user, other_user):
    """A group both alice and bob belong to."""
    group = Group.objects.create(name="team")
    group.user_set.add(user, other_user)
    return group


@pytest.fixture
def shared_document(other_user, team):
    """Bob's document, shared with the team alice is in."""
    return Document.objects.create(owner=other_user, group=team, title="Shared", body="team")


@pytest.fixture
def stranger(make_user):
    return make_user("carol")


def test_group_members_see_shared_documents_in_lists_and_detail(
    login, user, shared_document, make_document
):
    own = make_document(user, title="Mine")
    make_document(shared_document.owner, title="Bob's private")
    client = login(user)

    listed = client.get(LIST_URL).json()["results"]

    assert {row["id"] for row in listed} == {str(own.pk), str(shared_document.pk)}
    detail = client.get(detail_url(shared_document.pk)).json()
    assert detail["group"] == "team"
    assert detail["owner"] == "bob"


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_outsiders_do_not_find_shared_documents(login, stranger, shared_document, method):
    client = login(stranger)

    response = getattr(client, method)(detail_url(shared_document.pk), {"title": "Stolen"})

    assert response.status_code == 404
    assert client.get(LIST_URL).json()["results"] == []
    shared_document.refresh_from_db()
    assert shared_document.title == "Shared"


def test_members_cannot_edit_or_delete_without_the_groups_permission(login, user, shared_document):
    client = login(user)

    assert client.patch(detail_url(shared_document.pk), {"title": "Mine"}).status_code == 403
    assert client.delete(detail_url(shared_document.pk)).status_code == 403
    shared_document.refresh_from_db()
    assert shared_document.title == "Shared"


def test_the_groups_permissions_allow_edits_and_deletes(login, user, team, shared_document):
    client = login(user)

    grant(team, "change_document")
    assert client.patch(detail_url(shared_document.pk), {"title": "Edited"}).status_code == 200
    assert client.delete(detail_url(shared_document.pk)).status_code == 403

    grant(team, "delete_document")
    assert client.delete(detail_url(shared_document.pk)).status_code == 204
    assert not Document.objects.exists()


def test_permissions_held_outside_the_group_do_not_count(login, user, shared_document):
    user.user_permissions.add(Permission.objects.get(codename="change_document"))
    Group.objects.create(name="editors").user_set.add(user)
    grant(Group.objects.get(name="editors"), "change_document")

    response = login(user).patch(detail_url(shared_document.pk), {"title": "Edited"})

    assert response.status_code == 403
    assert response.json() == {
        "detail": "You do not have permission to perform this action.",
        "code": "permission_denied",
    }


def test_owners_share_with_their_own_groups_only(login, user, team, stranger):
    Group.objects.create(name="outsiders").user_set.add(stranger)
    client = login(user)

    refused = client.post(LIST_URL, {"title": "Plan", "group": "outsiders"})
    assert refused.status_code == 400
    assert "group" in refused.json()["errors"]
    assert client.post(LIST_URL, {"title": "Plan", "group": "nobody"}).status_code == 400

    created = client.post(LIST_URL, {"title": "Plan", "group": "team"})
    assert created.status_code == 201
    assert created.json()["group"] == "team"
    assert login(stranger).get(detail_url(created.json()["id"])).status_code == 404


def test_only_the_owner_changes_the_group(login, user, team, shared_document):
    grant(team, "change_document")
    Group.objects.create(name="friends").user_set.add(user)
    client = login(user)

    moved = client.patch(detail_url(shared_document.pk), {"group": "friends"})
    unshared = client.patch(detail_url(shared_document.pk), {"group": None})
    unchanged = client.patch(detail_url(shared_document.pk), {"group": "team", "title": "Kept"})

    assert (moved.status_code, unshared.status_code, unchanged.status_code) == (403, 403, 200)
    shared_document.refresh_from_db()
    assert shared_document.group == team


def test_owners_can_unshare(login, other_user, shared_document, user):
    response = login(other_user).patch(detail_url(shared_document.pk), {"group": None})

    assert response.status_code == 200
    assert login(user).get(detail_url(shared_document.pk)).status_code == 404


def test_reading_a_shared_document_costs_no_extra_query(
    login, strategy, user, shared_document, django_assert_num_queries
):
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 1):
        assert client.get(detail_url(shared_document.pk)).status_code == 200


def test_a_members_edit_costs_one_query_more_than_the_owners(login, user, team, shared_document):
    """The owner's edit checks nothing; a member's checks the group's permission, once."""
    grant(team, "change_document")

    def queries_to_edit(editor):
        client = login(editor)
        with CaptureQueriesContext(connection) as queries:
            assert client.patch(detail_url(shared_document.pk), {"body": "x"}).status_code == 200
        return len(queries)

    assert queries_to_edit(user) == queries_to_edit(shared_document.owner) + 1


@pytest.mark.parametrize("rows", [1, 15])
def test_listing_shared_documents_costs_the_same_for_any_page(
    login, strategy, user, other_user, team, django_assert_num_queries, rows
):
    Document.objects.bulk_create(
        Document(owner=other_user, group=team, title=f"doc {n}") for n in range(rows)
    )
    client = login(user)

    with django_assert_num_queries(strategy.auth_queries + 1):  # the page
        response = client.get(LIST_URL)

    assert [row["group"] for row in response.json()["results"]] == ["team"] * rows


def test_the_demo_user_shares_with_the_demo_group(login, run_demo_user):
    run_demo_user()
    demo = run_demo_user()
    client = login(demo.user, demo.password)

    assert "belongs to the 'demo' group" in demo.output
    assert list(demo.user.groups.values_list("name", flat=True)) == ["demo"]
    created = client.post(LIST_URL, {"title": "Plan", "group": "demo"})
    assert created.status_code == 201, created.content
    assert created.json()["group"] == "demo"
