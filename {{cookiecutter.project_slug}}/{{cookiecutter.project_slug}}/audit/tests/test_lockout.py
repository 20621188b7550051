"""The lockout and the login forms' rate limit, as recorded."""

import pytest
from django.test import Client
from django.urls import reverse

from {{ cookiecutter.project_slug }}.throttling.tests.rates import limit

PASSWORD = "a-passphrase-of-alice"


@pytest.fixture
def alice(make_user):
    alice = make_user("alice")
    alice.set_password(PASSWORD)
    alice.save()
    return alice


def admin_login(username, password):
    client = Client(REMOTE_ADDR="10.0.0.1")
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def test_an_attempt_refused_by_the_lockout_is_recorded(settings, alice, recorded):
    for _ in range(limit(settings, "login_failures")):
        admin_login("alice", "not-the-password")

    admin_login("alice", PASSWORD)

    [event] = recorded("login.locked_out")
    assert event["details"] == {"username": "alice"}
    assert event["ip"] == "10.0.0.1"
    # The refused attempt also fails the login, as a wrong password would.
    assert len(recorded("login.failed")) == limit(settings, "login_failures") + 1


def test_a_login_form_over_its_rate_is_recorded(settings, db, recorded):
    for n in range(limit(settings, "admin_login")):
        admin_login(f"user{n}", "not-the-password")

    assert admin_login("someone", "not-the-password").status_code == 429

    [event] = recorded("request.throttled")
    assert event["details"] == {"scope": "admin_login"}
