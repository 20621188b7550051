"""A code, an mfa_token and a recovery code each work once, however many requests present
them at the same moment: real threads, on PostgreSQL through the row locks the checks take,
on SQLite (a file) by waiting for the one writer."""

import copy
import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from .conftest import app_code

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 8


def at_once(calls):
    """Run each call in its own thread, all released together; return their results."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(index):
        try:
            barrier.wait()
            results[index] = calls[index]()
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def logins(strategy, start_login, user, count):
    """``count`` clients, each with the mfa_token of its own password login."""
    started = []
    for _ in range(count):
        client = APIClient(enforce_csrf_checks=True)
        started.append((client, start_login(strategy, client, user).json()["mfa_token"]))
    return started


def verify_call(client, mfa_token, code):
    def call():
        return client.post("/api/auth/mfa/verify/", {"mfa_token": mfa_token, "code": code})

    return call


def assert_one_success(results):
    """One login succeeds; the others are refused, or told to wait after the refusals."""
    statuses = sorted(result.status_code for result in results)
    assert statuses[0] == 200, statuses
    assert set(statuses[1:]) <= {401, 429}, statuses
    assert statuses.count(200) == 1, statuses


def tabs(client, count):
    """``count`` clients sending what ``client`` sends (its cookies, its CSRF header), each
    with a cookie jar of its own, as a browser's tabs: the answer one request gets (a new
    session, a rotated CSRF token) changes nothing another sends."""
    copies = []
    for _ in range(count):
        tab = APIClient(enforce_csrf_checks=True)
        tab.cookies = copy.copy(client.cookies)
        if "csrftoken" in tab.cookies:
            tab.credentials(HTTP_X_CSRFTOKEN=tab.cookies["csrftoken"].value)
        copies.append(tab)
    return copies


def test_one_mfa_token_sent_at_once_logs_in_once(password_strategy, start_login, user, enrol):
    codes = enrol(user)
    [(client, mfa_token)] = logins(password_strategy, start_login, user, 1)

    results = at_once(
        [verify_call(tab, mfa_token, codes[i]) for i, tab in enumerate(tabs(client, THREADS))]
    )

    assert sorted(result.status_code for result in results) == [200] + [401] * (THREADS - 1)


def test_one_totp_code_sent_by_several_logins_at_once_works_once(
    password_strategy, start_login, user, enrol
):
    enrol(user)
    started = logins(password_strategy, start_login, user, THREADS)
    code = app_code(user)

    results = at_once([verify_call(client, token, code) for client, token in started])

    assert_one_success(results)


def test_one_recovery_code_sent_at_once_works_once(password_strategy, start_login, user, enrol):
    codes = enrol(user)
    started = logins(password_strategy, start_login, user, THREADS)

    results = at_once([verify_call(client, token, codes[0]) for client, token in started])

    assert_one_success(results)
