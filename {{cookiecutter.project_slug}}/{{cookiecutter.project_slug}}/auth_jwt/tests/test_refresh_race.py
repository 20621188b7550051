"""A refresh token works once, even when a client sends it several times at once.

On PostgreSQL the refresh locks its token's row; on SQLite (a file, as a server uses it)
the requests wait for the one writer. Either way none fails with a server error.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from rest_framework.test import APIClient

LOGIN_URL = "/api/auth/jwt/login/"
REFRESH_URL = "/api/auth/jwt/refresh/"
PARALLEL = 16


@pytest.fixture
def refresh_token(transactional_db, user, password):
    response = APIClient().post(LOGIN_URL, {"username": user.username, "password": password})
    assert response.status_code == 200
    return response.json()["refresh"]


def refresh_at_once(token, count):
    """Send ``count`` refreshes of ``token`` from as many threads, released together."""
    start = threading.Barrier(count)

    def refresh():
        try:
            client = APIClient()
            start.wait()
            return client.post(REFRESH_URL, {"refresh": token})
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda _: refresh(), range(count)))


def test_concurrent_refreshes_of_one_token_let_exactly_one_through(refresh_token):
    responses = refresh_at_once(refresh_token, PARALLEL)

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [401] * (PARALLEL - 1)
    winner = next(response for response in responses if response.status_code == 200)
    assert APIClient().post(REFRESH_URL, {"refresh": winner.json()["refresh"]}).status_code == 200
