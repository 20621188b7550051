"""Rate limits for OAuth2 callers, and the lockout on the authorization page's login."""

import pytest
from django.test import Client
from oauth2_provider.models import get_application_model

from .clients import (
    LOGIN_URL,
    TOKEN_URL,
    Browser,
    bearer,
    client_credentials,
    make_application,
)

ME_URL = "/api/auth/me/"


def machine_token(owner):
    application = make_application(owner, get_application_model().GRANT_CLIENT_CREDENTIALS)
    response = client_credentials(application, scope="read")
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


def test_each_machine_client_has_its_own_budget_whatever_its_address(user, settings):
    limit = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["user"].split("/")[0])
    first, second = bearer(machine_token(user)), bearer(machine_token(user))

    statuses = [
        first.get(ME_URL, REMOTE_ADDR=f"10.0.0.{n % 250 + 1}").status_code for n in range(limit)
    ]
    assert statuses == [200] * limit
    assert first.get(ME_URL, REMOTE_ADDR="10.0.1.1").status_code == 429

    assert second.get(ME_URL).status_code == 200


@pytest.fixture
def failures_limit(settings):
    return int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["login_failures"].split("/")[0])


def test_the_login_page_shares_the_lockout(user, password, failures_limit):
    browser = Browser()
    for _ in range(failures_limit):
        assert browser.sign_in(user.username, "wrong-password").status_code == 200

    locked = browser.sign_in(user.username, password)

    assert locked.status_code == 200
    assert "_auth_user_id" not in browser.client.session


def test_password_grants_do_not_reach_the_lockout(user, password, other_user, failures_limit):
    application = make_application(
        other_user,
        get_application_model().GRANT_PASSWORD,
        client_type=get_application_model().CLIENT_PUBLIC,
    )
    fields = {"grant_type": "password", "client_id": application.client_id}
    for _ in range(failures_limit + 1):
        Client().post(TOKEN_URL, {**fields, "username": user.username, "password": "wrong"})

    assert Browser().sign_in(user.username, password).status_code == 302


def test_the_login_page_limits_failures_per_address(make_user, settings):
    limit = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["admin_login"].split("/")[0])
    for n in range(limit + 1):
        make_user(f"user{n}")
    browser = Browser()

    statuses = [browser.sign_in(f"user{n}", "wrong").status_code for n in range(limit + 1)]

    assert statuses == [200] * limit + [429]
    assert Client().get(LOGIN_URL).status_code == 200
