"""Tokens from the token endpoint: client credentials, refresh, revocation, introspection,
expiry and storage."""

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import (
    get_access_token_model,
    get_application_model,
    get_refresh_token_model,
)

from .clients import (
    CLIENT_SECRET,
    INTROSPECT_URL,
    REVOKE_URL,
    TOKEN_URL,
    Browser,
    basic,
    bearer,
    client_credentials,
    exchange,
    issue_token,
    make_application,
    pkce_pair,
    redirect_params,
    refresh,
)

AccessToken = get_access_token_model()
Application = get_application_model()
RefreshToken = get_refresh_token_model()
ME_URL = "/api/auth/me/"


@pytest.fixture
def machine(other_user):
    """A confidential machine client owned by ``other_user``."""
    return make_application(other_user, Application.GRANT_CLIENT_CREDENTIALS)


@pytest.fixture
def issued(user, password, other_user):
    """The token endpoint's answer to a code ``user`` approved: access and refresh token."""
    application = make_application(other_user)
    browser = Browser()
    browser.sign_in(user.username, password)
    verifier, challenge = pkce_pair()
    code = redirect_params(browser.authorize(application, challenge))["code"]
    response = exchange(code, verifier, application)
    assert response.status_code == 200, response.content
    return application, response.json()


def test_a_client_credentials_token_acts_as_its_applications_user(machine, other_user):
    response = client_credentials(machine, scope="read")

    assert response.status_code == 200, response.content
    body = response.json()
    assert "refresh_token" not in body
    me = bearer(body["access_token"]).get(ME_URL)
    assert me.status_code == 200
    assert me.json()["username"] == other_user.username


def test_a_client_credentials_token_without_a_user_is_refused(machine):
    machine.user = None
    machine.save()
    token = client_credentials(machine, scope="read").json()["access_token"]

    response = bearer(token).get(ME_URL)

    assert response.status_code == 401


def test_client_credentials_need_the_right_secret(machine):
    response = client_credentials(machine, secret="wrong-secret", scope="read")

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_a_client_cannot_use_a_grant_it_was_not_registered_for(other_user):
    application = make_application(other_user)

    response = client_credentials(application, scope="read")

    assert response.status_code == 400
    assert response.json()["error"] == "unauthorized_client"


@pytest.mark.parametrize(
    ("grant", "fields"),
    [
        pytest.param(
            Application.GRANT_PASSWORD,
            {"grant_type": "password", "username": "bob", "password": "x"},
            id="password",
        ),
        pytest.param(Application.GRANT_IMPLICIT, {"grant_type": "implicit"}, id="implicit"),
    ],
)
def test_no_password_or_implicit_grant_is_served(other_user, grant, fields):
    application = make_application(other_user, grant, redirect_uris="https://client.example.com/cb")

    response = Client().post(TOKEN_URL, fields, **basic(application))

    assert response.status_code in (400, 401)
    assert "access_token" not in response.json()


def test_a_refresh_rotates_the_pair(issued):
    application, first = issued

    response = refresh(application, first["refresh_token"])

    assert response.status_code == 200, response.content
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert bearer(second["access_token"]).get(ME_URL).status_code == 200
    assert bearer(first["access_token"]).get(ME_URL).status_code == 401


def test_a_reused_refresh_token_revokes_its_whole_family(issued):
    application, first = issued
    second = refresh(application, first["refresh_token"]).json()

    replayed = refresh(application, first["refresh_token"])

    assert replayed.status_code == 400
    assert replayed.json()["error"] == "invalid_grant"
    assert refresh(application, second["refresh_token"]).status_code == 400
    assert bearer(second["access_token"]).get(ME_URL).status_code == 401


def test_a_revoked_access_token_is_refused(issued):
    application, pair = issued
    client = bearer(pair["access_token"])
    assert client.get(ME_URL).status_code == 200

    response = Client().post(REVOKE_URL, {"token": pair["access_token"]}, **basic(application))

    assert response.status_code == 200
    assert client.get(ME_URL).status_code == 401


def test_a_password_change_revokes_what_the_user_approved(issued, user):
    application, pair = issued
    own_machine = make_application(user, Application.GRANT_CLIENT_CREDENTIALS)
    machine_token = client_credentials(own_machine, scope="read").json()["access_token"]

    user.set_password("a-brand-new-passphrase")
    user.save()

    assert bearer(pair["access_token"]).get(ME_URL).status_code == 401
    assert refresh(application, pair["refresh_token"]).status_code == 400
    assert bearer(machine_token).get(ME_URL).status_code == 200


def test_a_revoked_refresh_token_cannot_refresh(issued):
    application, pair = issued

    Client().post(
        REVOKE_URL,
        {"token": pair["refresh_token"], "token_type_hint": "refresh_token"},
        **basic(application),
    )

    assert refresh(application, pair["refresh_token"]).status_code == 400


def test_introspection_says_whether_a_token_is_active(issued, machine):
    """A resource server asks with its own client credentials."""
    _application, pair = issued

    def introspect(token):
        return Client().post(INTROSPECT_URL, {"token": token}, **basic(machine))

    active = introspect(pair["access_token"])
    assert active.status_code == 200
    assert active.json()["active"] is True
    assert set(active.json()["scope"].split()) == {"read", "write"}
    assert introspect("not-a-token").json() == {"active": False}
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert introspect(pair["access_token"]).json()["active"] is False


def test_introspection_needs_client_credentials(issued):
    _application, pair = issued

    response = Client().post(INTROSPECT_URL, {"token": pair["access_token"]})

    assert response.status_code in (401, 403)
    assert "active" not in response.content.decode()


def test_an_access_token_expires(user, settings):
    client = bearer(issue_token(user))
    lifetime = settings.OAUTH2_PROVIDER["ACCESS_TOKEN_EXPIRE_SECONDS"]

    with time_machine.travel(timezone.now() + timedelta(seconds=lifetime + 1)):
        response = client.get(ME_URL)

    assert response.status_code == 401


def test_tokens_and_client_secrets_are_stored_as_digests_only(issued):
    application, pair = issued
    stored = AccessToken.objects.get(
        token_checksum=hashlib.sha256(pair["access_token"].encode()).hexdigest()
    )
    stored_refresh = RefreshToken.objects.get(access_token=stored)
    application.refresh_from_db()

    assert stored.token == ""
    assert stored_refresh.token == ""
    assert pair["refresh_token"] not in stored_refresh.token_checksum
    assert application.client_secret != CLIENT_SECRET
    assert CLIENT_SECRET not in application.client_secret


def test_cleartokens_purges_expired_tokens(user, issued):
    live = issue_token(user)
    expired = issue_token(user, expires_in=timedelta(seconds=-1))

    with time_machine.travel(timezone.now() + timedelta(days=15)):
        fresh = issue_token(user)
        call_command("cleartokens")

    remaining = set(AccessToken.objects.values_list("token_checksum", flat=True))
    assert remaining == {hashlib.sha256(fresh.encode()).hexdigest()}
    assert hashlib.sha256(live.encode()).hexdigest() not in remaining
    assert hashlib.sha256(expired.encode()).hexdigest() not in remaining
    assert not RefreshToken.objects.exists()
