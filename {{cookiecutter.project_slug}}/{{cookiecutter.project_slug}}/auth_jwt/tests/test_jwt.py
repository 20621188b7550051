from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

LOGIN_URL = "/api/auth/jwt/login/"
REFRESH_URL = "/api/auth/jwt/refresh/"
VERIFY_URL = "/api/auth/jwt/verify/"
LOGOUT_URL = "/api/auth/jwt/logout/"
ME_URL = "/api/auth/me/"


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def tokens(client, user, password):
    response = client.post(LOGIN_URL, {"username": user.username, "password": password})
    assert response.status_code == 200
    return response.json()


def me(access):
    return APIClient().get(ME_URL, HTTP_AUTHORIZATION=f"Bearer {access}")


def test_login_returns_a_token_pair_that_authenticates(tokens):
    assert set(tokens) == {"access", "refresh"}

    response = me(tokens["access"])

    assert response.status_code == 200
    assert response.json()["authenticated_via"] == "jwt"


@pytest.mark.parametrize(
    ("username", "password"), [("alice", "wrong-password"), ("nobody", "wrong-password")]
)
def test_wrong_credentials_get_401(client, user, username, password):
    response = client.post(LOGIN_URL, {"username": username, "password": password})

    assert response.status_code == 401
    assert "access" not in response.json()


def test_an_expired_access_token_is_refused(tokens):
    lifetime = settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"]

    with time_machine.travel(timezone.now() + lifetime + timedelta(seconds=1)):
        response = me(tokens["access"])

    assert response.status_code == 401


def test_refresh_rotates_and_a_used_refresh_token_is_refused(client, tokens):
    first = client.post(REFRESH_URL, {"refresh": tokens["refresh"]})
    reused = client.post(REFRESH_URL, {"refresh": tokens["refresh"]})

    assert first.status_code == 200
    assert first.json()["refresh"] != tokens["refresh"]
    assert me(first.json()["access"]).status_code == 200
    assert reused.status_code == 401
    assert client.post(REFRESH_URL, {"refresh": first.json()["refresh"]}).status_code == 200


def test_an_expired_refresh_token_is_refused(client, tokens):
    lifetime = settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"]

    with time_machine.travel(timezone.now() + lifetime + timedelta(seconds=1)):
        response = client.post(REFRESH_URL, {"refresh": tokens["refresh"]})

    assert response.status_code == 401


def test_logout_blacklists_the_refresh_token(client, tokens):
    response = client.post(LOGOUT_URL, {"refresh": tokens["refresh"]})

    assert response.status_code == 204
    assert client.post(REFRESH_URL, {"refresh": tokens["refresh"]}).status_code == 401
    assert client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}).status_code == 401


def test_verify_accepts_live_tokens_and_refuses_revoked_ones(client, tokens):
    assert client.post(VERIFY_URL, {"token": tokens["access"]}).status_code == 200

    client.post(LOGOUT_URL, {"refresh": tokens["refresh"]})

    assert client.post(VERIFY_URL, {"token": tokens["refresh"]}).status_code in (400, 401)


def test_a_password_change_revokes_access_and_refresh_tokens(client, user, tokens):
    user.set_password("a-brand-new-passphrase")
    user.save()

    assert me(tokens["access"]).status_code == 401
    assert client.post(REFRESH_URL, {"refresh": tokens["refresh"]}).status_code == 401
    assert client.post(VERIFY_URL, {"token": tokens["access"]}).status_code == 400


def test_deactivation_and_deletion_revoke_tokens(client, user, tokens):
    user.is_active = False
    user.save()
    assert me(tokens["access"]).status_code == 401
    assert client.post(REFRESH_URL, {"refresh": tokens["refresh"]}).status_code == 401

    user.delete()
    assert client.post(REFRESH_URL, {"refresh": tokens["refresh"]}).status_code == 401


def test_a_refresh_token_is_not_an_access_token(tokens):
    assert me(tokens["refresh"]).status_code == 401


def test_refresh_tokens_are_not_stored_in_plaintext(tokens):
    stored = OutstandingToken.objects.get()

    assert tokens["refresh"] not in stored.token
    assert stored.token.startswith("sha256:")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Bearer a b",
        "Bearer not-a-jwt",
        "Bearer eyJhbGciOiJIUzI1NiJ9.e30.invalid-signature",
        "Bearer \u00e9\u00e9\u00e9",
        "Bearer " + "a" * 5000,
    ],
)
def test_malformed_authorization_headers_get_401(db, header):
    response = APIClient().get(ME_URL, HTTP_AUTHORIZATION=header)

    assert response.status_code == 401


@pytest.mark.parametrize("body", [{}, {"refresh": ""}, {"refresh": "garbage"}, {"refresh": 1}])
def test_malformed_refresh_requests_never_error(client, db, body):
    response = client.post(REFRESH_URL, body)

    assert response.status_code in (400, 401)
