"""Users manage their own keys through the API, signed in with their password login."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey
from {{ cookiecutter.project_slug }}.auth_api_key.tests.clients import with_key
from {{ cookiecutter.project_slug }}.documents.models import Document

KEYS_URL = "/api/auth/api-keys/"
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
    created = issue()

    listed = manager.get(KEYS_URL).json()["results"]
    assert [row["id"] for row in listed] == [created["id"]]
    assert set(created) - set(listed[0]) == {"key"}
    assert created["key"] not in UserAPIKey.objects.get().hashed_key


@pytest.mark.parametrize("body", [{}, {"read_only": True}, {"name": None}, None])
def test_a_key_needs_a_name(manager, body):
    response = manager.post(KEYS_URL, body, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert not UserAPIKey.objects.exists()


def test_a_created_key_authenticates_as_its_user(user, issue):
    response = with_key(issue()["key"]).get(ME_URL)

    assert response.status_code == 200
    assert response.json()["username"] == user.username


def test_a_key_created_read_only_cannot_write(author, issue):
    created = issue(read_only=True)
    client = with_key(created["key"])

    assert created["read_only"] is True
    assert client.get(DOCUMENTS_URL).status_code == 200
    assert client.post(DOCUMENTS_URL, {"title": "x"}).status_code == 403
    assert not Document.objects.exists()


def test_a_key_created_with_an_expiry_stops_working_then(issue):
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
    assert not UserAPIKey.objects.exists()


def test_a_revoked_key_is_refused(manager, issue):
    created = issue()

    assert manager.delete(f"{KEYS_URL}{created['id']}/").status_code == 204
    assert with_key(created["key"]).get(ME_URL).status_code == 401
    assert manager.get(KEYS_URL).json()["results"] == []


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
    assert UserAPIKey.objects.count() == 1
