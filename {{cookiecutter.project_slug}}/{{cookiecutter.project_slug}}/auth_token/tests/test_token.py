from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from knox.models import AuthToken
from knox.settings import CONSTANTS
from rest_framework.test import APIClient

LOGIN_URL = "/api/auth/token/login/"
LOGOUT_URL = "/api/auth/token/logout/"
LOGOUT_ALL_URL = "/api/auth/token/logout-all/"
ME_URL = "/api/auth/me/"


def log_in(password, username="alice"):
    return APIClient().post(LOGIN_URL, {"username": username, "password": password})


def key_of(token):
    return token[: CONSTANTS.TOKEN_KEY_LENGTH]


def as_token(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def token(user, password):
    response = log_in(password)
    assert response.status_code == 200
    return response.json()["token"]


def test_login_returns_a_token_its_expiry_and_the_user(user, password):
    response = log_in(password)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "expiry", "user"}
    assert body["user"] == {"id": str(user.pk), "username": "alice", "email": "alice@example.com"}
    assert as_token(body["token"]).get(ME_URL).json()["authenticated_via"] == "token"


def test_tokens_are_stored_hashed(token):
    stored = AuthToken.objects.get()

    assert token not in stored.digest
    assert stored.digest != token
    assert stored.token_key == key_of(token)  # only the short lookup prefix is kept


@pytest.mark.parametrize(
    ("username", "password"), [("alice", "wrong-password"), ("nobody", "wrong-password")]
)
def test_wrong_credentials_get_401_and_no_token(user, username, password):
    response = log_in(password, username)

    assert response.status_code == 401
    assert "token" not in response.json()
    assert not AuthToken.objects.exists()


def test_an_expired_token_is_refused(token):
    ttl = settings.REST_KNOX["TOKEN_TTL"]

    with time_machine.travel(timezone.now() + ttl + timedelta(seconds=1)):
        response = as_token(token).get(ME_URL)

    assert response.status_code == 401


def test_logout_revokes_only_the_presented_token(user, token, password):
    other_device = log_in(password).json()["token"]

    response = as_token(token).post(LOGOUT_URL)

    assert response.status_code == 204
    assert as_token(token).get(ME_URL).status_code == 401
    assert as_token(other_device).get(ME_URL).status_code == 200


def test_logout_all_revokes_every_token_of_the_user(user, make_user, token, password):
    other_device = log_in(password).json()["token"]
    make_user("bob")
    bobs = log_in(password, "bob").json()["token"]

    response = as_token(token).post(LOGOUT_ALL_URL)

    assert response.status_code == 204
    assert as_token(token).get(ME_URL).status_code == 401
    assert as_token(other_device).get(ME_URL).status_code == 401
    assert as_token(bobs).get(ME_URL).status_code == 200


def test_logout_needs_a_token(db):
    assert APIClient().post(LOGOUT_URL).status_code == 401
    assert APIClient().post(LOGOUT_ALL_URL).status_code == 401


def test_a_password_change_revokes_tokens(user, token):
    user.set_password("a-brand-new-passphrase")
    user.save()

    assert as_token(token).get(ME_URL).status_code == 401


def test_deactivation_revokes_tokens(user, token):
    user.is_active = False
    user.save()

    assert as_token(token).get(ME_URL).status_code == 401


def test_the_token_limit_per_user_holds(settings, user, password):
    limit = settings.REST_KNOX["TOKEN_LIMIT_PER_USER"]
    for _ in range(limit):
        assert log_in(password).status_code == 200

    refused = log_in(password)
    assert refused.status_code == 403
    assert refused.json() == {
        "detail": "Maximum amount of tokens allowed per user exceeded.",
        "code": "permission_denied",
    }


def test_authentication_costs_one_query_and_no_write_whatever_the_token_count(
    author, make_document, policy_queries, token, password
):
    make_document(author)
    expired = [log_in(password).json()["token"] for _ in range(3)]
    AuthToken.objects.exclude(token_key=key_of(token)).update(
        expiry=timezone.now() - timedelta(seconds=1)
    )

    with CaptureQueriesContext(connection) as queries:
        response = as_token(token).get("/api/documents/")

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1
    assert len(queries) == 1 + policy_queries + 1  # authentication + policy + page
    assert AuthToken.objects.count() == 4  # expired tokens are left for the purge command
    assert all(as_token(old).get(ME_URL).status_code == 401 for old in expired)


def test_purge_expired_tokens_deletes_only_expired_ones(user, token, capsys, password):
    log_in(password)
    AuthToken.objects.exclude(token_key=key_of(token)).update(
        expiry=timezone.now() - timedelta(seconds=1)
    )

    call_command("purge_expired_tokens")

    assert "Deleted 1 expired token(s)." in capsys.readouterr().out
    assert as_token(token).get(ME_URL).status_code == 200


@pytest.mark.parametrize(
    "header", ["Token", "Token a b", "Token \u00e9\u00e9\u00e9", "Token " + "f" * 5000, "Token zz"]
)
def test_malformed_token_headers_get_401(db, header):
    response = APIClient().get(ME_URL, HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
