from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey
from {{ cookiecutter.project_slug }}.auth_api_key.tests.clients import KEYS_URL, with_key
from {{ cookiecutter.project_slug }}.documents.models import Document

ME_URL = "/api/auth/me/"
DOCUMENTS_URL = "/api/documents/"


@pytest.fixture
def manager(user):
    """A client managing ``user``'s keys the way a person does: not with a key."""
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def issue(manager):
    def create(**fields):
        response = manager.post(KEYS_URL, {"name": "ci", **fields})
        assert response.status_code == 201, response.content
        return response.json()

    return create


def test_creating_a_key_shows_it_once(manager, issue):
    created = issue(read_only=True)

{%- if cookiecutter.permission_model == "multi_tenant" %}
    assert set(created) == {"id", "name", "read_only", "tenant", "expires_at", "created", "key"}
{%- else %}
    assert set(created) == {"id", "name", "read_only", "expires_at", "created", "key"}
{%- endif %}
    listed = manager.get(KEYS_URL).json()["results"]
    assert [row["id"] for row in listed] == [created["id"]]
    assert "key" not in listed[0]


def test_keys_are_stored_hashed(issue):
    key = issue()["key"]
    stored = UserAPIKey.objects.get()

    assert key not in stored.hashed_key
    assert key not in stored.id


def test_a_key_authenticates_as_its_user(user, issue):
    response = with_key(issue()["key"]).get(ME_URL)

    assert response.status_code == 200
    assert response.json()["username"] == user.username
    assert response.json()["authenticated_via"] == "api_key"


def test_a_revoked_key_is_refused(manager, issue):
    created = issue()

    assert manager.delete(f"{KEYS_URL}{created['id']}/").status_code == 204
    assert with_key(created["key"]).get(ME_URL).status_code == 401
    assert manager.get(KEYS_URL).json()["results"] == []


def test_an_expired_key_is_refused(issue):
    expiry = timezone.now() + timedelta(days=1)
    key = issue(expires_at=expiry.isoformat())["key"]

    assert with_key(key).get(ME_URL).status_code == 200
    with time_machine.travel(expiry + timedelta(seconds=1)):
        assert with_key(key).get(ME_URL).status_code == 401


def test_an_expiry_in_the_past_is_refused(manager):
    past = (timezone.now() - timedelta(minutes=1)).isoformat()

    response = manager.post(KEYS_URL, {"name": "old", "expires_at": past})

    assert response.status_code == 400
    assert "expires_at" in response.json()["errors"]


def test_a_read_only_key_cannot_write(user, issue):
    client = with_key(issue(read_only=True)["key"])

    assert client.get(DOCUMENTS_URL).status_code == 200
    refused = client.post(DOCUMENTS_URL, {"title": "x"})
    assert refused.status_code == 403
    assert refused.json() == {"detail": "This API key is read-only.", "code": "permission_denied"}
    assert not Document.objects.exists()


def test_a_key_of_a_deactivated_user_is_refused(user, issue):
    key = issue()["key"]
    user.is_active = False
    user.save()

    assert with_key(key).get(ME_URL).status_code == 401


def test_users_see_and_revoke_only_their_own_keys(issue, other_user):
    created = issue()
    intruder = APIClient()
    intruder.force_authenticate(other_user)

    assert intruder.get(KEYS_URL).json()["results"] == []
    assert intruder.delete(f"{KEYS_URL}{created['id']}/").status_code == 404
    assert with_key(created["key"]).get(ME_URL).status_code == 200


def test_a_key_cannot_manage_keys(issue):
    client = with_key(issue()["key"])

    assert client.get(KEYS_URL).status_code == 403
    assert client.post(KEYS_URL, {"name": "more"}).status_code == 403


@pytest.mark.parametrize(
    "key", ["", "nodot", "abc.def", ".secret", "prefix.", "\u00e9\u00e9.\u00e9", "x" * 5000]
)
def test_unknown_or_malformed_keys_get_401(db, issue, key):
    real = issue()["key"]
    prefix = real.split(".")[0]

    assert with_key(key or f"{prefix}.wrong").get(ME_URL).status_code == 401


def test_authentication_costs_one_query_and_no_write(author, make_document, policy_queries, issue):
    make_document(author)
    client = with_key(issue()["key"])

    with CaptureQueriesContext(connection) as queries:
        response = client.get(DOCUMENTS_URL)

    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert len(queries) == 1 + policy_queries + 2  # authentication + policy + count + page
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in queries)


def test_create_api_key_command_prints_the_key_once(user, capsys):
    call_command("create_api_key", "alice", "--name", "deploy", "--read-only")

    key = capsys.readouterr().out.rsplit(" ", 1)[-1].strip()
    assert with_key(key).get(ME_URL).status_code == 200
    assert UserAPIKey.objects.get().read_only


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody", "--name", "x"], "No active user"),
        (["alice", "--name", "x", "--expires-in-days", "0"], "at least 1"),
    ],
)
def test_create_api_key_command_refuses_bad_input(user, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_api_key", *args)
