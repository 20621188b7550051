"""Requests authenticated by a key act as its user, until it expires or is revoked."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey
from {{ cookiecutter.project_slug }}.auth_api_key.tests.clients import with_key
from {{ cookiecutter.project_slug }}.documents.models import Document

ME_URL = "/api/auth/me/"
DOCUMENTS_URL = "/api/documents/"


@pytest.fixture
def issue(user):
    """Return ``issue(**fields) -> key``: a new key of ``user``, as the admin or shell make it."""

    def create(**fields):
        _api_key, key = UserAPIKey.objects.create_key(user=user, name="ci", **fields)
        return key

    return create


def test_keys_are_stored_hashed(issue):
    key = issue()
    stored = UserAPIKey.objects.get()

    assert key not in stored.hashed_key
    assert key not in stored.id


def test_a_key_authenticates_as_its_user(user, issue):
    response = with_key(issue()).get(ME_URL)

    assert response.status_code == 200
    assert response.json()["username"] == user.username
    assert response.json()["authenticated_via"] == "api_key"


def test_a_revoked_key_is_refused(issue):
    key = issue()
    UserAPIKey.objects.update(revoked=True)

    assert with_key(key).get(ME_URL).status_code == 401


def test_an_expired_key_is_refused(issue):
    expiry = timezone.now() + timedelta(days=1)
    key = issue(expiry_date=expiry)

    assert with_key(key).get(ME_URL).status_code == 200
    with time_machine.travel(expiry + timedelta(seconds=1)):
        assert with_key(key).get(ME_URL).status_code == 401


def test_a_read_only_key_cannot_write(author, issue):
    client = with_key(issue(read_only=True))

    assert client.get(DOCUMENTS_URL).status_code == 200
    refused = client.post(DOCUMENTS_URL, {"title": "x"})
    assert refused.status_code == 403
    assert refused.json() == {"detail": "This API key is read-only.", "code": "permission_denied"}
    assert not Document.objects.exists()


def test_a_key_of_a_deactivated_user_is_refused(user, issue):
    key = issue()
    user.is_active = False
    user.save()

    assert with_key(key).get(ME_URL).status_code == 401


@pytest.mark.parametrize(
    "key", ["", "nodot", "abc.def", ".secret", "prefix.", "\u00e9\u00e9.\u00e9", "x" * 5000]
)
def test_unknown_or_malformed_keys_get_401(issue, key):
    prefix = issue().split(".")[0]

    assert with_key(key or f"{prefix}.wrong").get(ME_URL).status_code == 401


def test_authentication_costs_one_query_and_no_write(author, make_document, policy_queries, issue):
    make_document(author)
    client = with_key(issue())

    with CaptureQueriesContext(connection) as queries:
        response = client.get(DOCUMENTS_URL)

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1
    assert len(queries) == 1 + policy_queries + 1  # authentication + policy + page
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in queries)
