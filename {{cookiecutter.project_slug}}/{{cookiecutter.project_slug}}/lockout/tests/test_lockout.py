"""The lockout at the API: per username and client IP, then per username from anywhere.

Every login goes through ``authenticate()`` and so through the lockout backend: it holds
for each password strategy alike, and a locked login answers exactly like a wrong password.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.throttling.tests.rates import limit

LOGIN_FAILURE = b'{"detail":"Invalid username or password.","code":"authentication_failed"}'


@pytest.fixture
def post(password_strategy):
    """``post(username, password, address) -> response`` through the strategy's login."""

    def post_from(username, password, address="10.0.0.1"):
        client = APIClient(enforce_csrf_checks=True, REMOTE_ADDR=address)
        return password_strategy.post_credentials(client, username, password)

    return post_from


def test_failures_from_one_address_lock_the_username_there_only(settings, post, user, password):
    for _ in range(limit(settings, "login_failures")):
        assert post("alice", "wrong").status_code == 401

    locked = post("alice", password)
    elsewhere = post("alice", password, address="10.0.0.2")

    assert locked.status_code == 401
    assert locked.content == LOGIN_FAILURE
    assert elsewhere.status_code == 200


def test_failures_from_many_addresses_lock_the_username_everywhere(settings, post, user, password):
    for n in range(limit(settings, "login_failures_any_ip")):
        assert post("alice", "wrong", address=f"10.0.1.{n}").status_code == 401

    locked = post("alice", password, address="10.0.2.1")

    assert locked.status_code == 401
    assert locked.content == LOGIN_FAILURE


def test_guessing_on_from_a_locked_address_does_not_lock_the_owner_out(
    settings, post, user, password
):
    for _ in range(limit(settings, "login_failures_any_ip")):
        post("alice", "wrong")

    assert post("alice", password, address="10.0.0.2").status_code == 200


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("alice", " alice"), ("alice", "alice "), ("alice", "ALICE"), ("12345", 12345)],
)
def test_a_username_is_counted_as_the_login_looks_it_up(
    settings, post, make_user, password, stored, typed
):
    make_user(stored)
    for _ in range(limit(settings, "login_failures")):
        assert post(typed, "wrong").status_code == 401

    assert post(stored, password).status_code == 401


@pytest.mark.parametrize(
    ("failed_as", "tried_as"),
    [("kite", "kİte"), ("kİte", "kite"), ("KITE", "KİTE")],
)
def test_every_spelling_of_a_locked_username_is_locked(
    settings, post, make_user, password, failed_as, tried_as
):
    """``kİte`` finds ``kite`` on PostgreSQL, whose ``LOWER`` maps a dotted capital I to i."""
    make_user("kite")
    for _ in range(limit(settings, "login_failures")):
        assert post(failed_as, "wrong").status_code == 401

    assert post(tried_as, password).status_code == 401
    assert post("kite", password).status_code == 401


def test_a_locked_login_does_not_look_the_user_up(settings, post, user, password):
    for _ in range(limit(settings, "login_failures")):
        post("alice", "wrong")

    with CaptureQueriesContext(connection) as queries:
        assert post("alice", password).status_code == 401

    user_table = connection.ops.quote_name(user._meta.db_table)
    assert [query["sql"] for query in queries if user_table in query["sql"]] == []


def test_the_lockout_counts_per_username(settings, post, user, make_user, password):
    make_user("bob")
    for _ in range(limit(settings, "login_failures")):
        post("bob", "wrong")

    assert post("alice", password).status_code == 200


def test_successes_do_not_count(settings, post, user, password):
    for _ in range(limit(settings, "login_failures") + 1):
        assert post("alice", password).status_code == 200


def test_a_success_does_not_reset_the_failures(settings, post, user, password):
    for _ in range(limit(settings, "login_failures") - 1):
        post("alice", "wrong")
    assert post("alice", password).status_code == 200
    post("alice", "wrong")

    assert post("alice", password).status_code == 401


def test_admin_failures_lock_the_api_login_too(settings, post, user, password):
    admin = Client(REMOTE_ADDR="10.0.0.1")
    for _ in range(limit(settings, "login_failures")):
        admin.post(reverse("admin:login"), {"username": "alice", "password": "wrong"})

    assert post("alice", password).status_code == 401
