"""A code and a refresh token work once, even when sent several times at once: on
PostgreSQL through row locks, on SQLite (a file) by waiting for the one writer."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from .clients import (
    Browser,
    exchange,
    make_application,
    pkce_pair,
    redirect_params,
    refresh,
)

PARALLEL = 12


def at_once(count, call):
    """``call()`` from ``count`` threads released together; the responses."""
    start = threading.Barrier(count)

    def run():
        try:
            start.wait()
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda _: run(), range(count)))


@pytest.fixture
def application(transactional_db, other_user):
    return make_application(other_user)


@pytest.fixture
def code_and_verifier(user, password, application):
    browser = Browser()
    browser.sign_in(user.username, password)
    verifier, challenge = pkce_pair()
    return redirect_params(browser.authorize(application, challenge))["code"], verifier


def test_concurrent_exchanges_of_one_code_give_one_token(code_and_verifier, application):
    code, verifier = code_and_verifier

    responses = at_once(PARALLEL, lambda: exchange(code, verifier, application))

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [400] * (PARALLEL - 1)


def test_concurrent_refreshes_of_one_token_let_one_through_and_revoke_the_family(
    code_and_verifier, application
):
    """The requests that lose the race present a spent refresh token: a reuse, as if
    replayed by a thief, so the family the winner started is revoked too."""
    code, verifier = code_and_verifier
    refresh_token = exchange(code, verifier, application).json()["refresh_token"]

    responses = at_once(PARALLEL, lambda: refresh(application, refresh_token))

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [400] * (PARALLEL - 1)
    winner = next(response for response in responses if response.status_code == 200)
    assert refresh(application, winner.json()["refresh_token"]).status_code == 400
