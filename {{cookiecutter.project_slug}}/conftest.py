"""Fixtures shared by every test module.

``login`` is parametrized over the project's authentication strategies: a test that asks
for it runs once per strategy, signing in through that strategy's real HTTP endpoints.
"""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.users.models import User

PASSWORD = "correct-horse-battery-staple"


@dataclass(frozen=True)
class Strategy:
    name: str
    # Database queries that authenticating one request costs (DESIGN budget).
    auth_queries: int
{%- if cookiecutter.auth_session %}


def session_login(client, user, password):
    token = client.get("/api/auth/session/csrf/").json()["csrf_token"]
    response = client.post(
        "/api/auth/session/login/",
        {"username": user.username, "password": password},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200, response.content
    # Logging in rotates the CSRF token; send the new one on every later request.
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
{%- endif %}
{%- if cookiecutter.auth_jwt %}


def jwt_login(client, user, password):
    response = client.post(
        "/api/auth/jwt/login/", {"username": user.username, "password": password}
    )
    assert response.status_code == 200, response.content
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
{%- endif %}


STRATEGIES = {
{%- if cookiecutter.auth_session %}
    "session": (Strategy("session", auth_queries=2), session_login),
{%- endif %}
{%- if cookiecutter.auth_jwt %}
    "jwt": (Strategy("jwt", auth_queries=1), jwt_login),
{%- endif %}
}


@pytest.fixture(autouse=True)
def _clear_cache():
    """Throttle counters live in the cache; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client():
    return APIClient(enforce_csrf_checks=True)


@pytest.fixture
def make_user(db):
    def make(username="alice", **fields):
        fields.setdefault("email", f"{username}@example.com")
        return User.objects.create_user(username=username, password=PASSWORD, **fields)

    return make


@pytest.fixture
def user(make_user):
    return make_user("alice")


@pytest.fixture
def other_user(make_user):
    return make_user("bob")


@pytest.fixture(params=sorted(STRATEGIES))
def strategy(request):
    return STRATEGIES[request.param][0]


@pytest.fixture
def login(strategy):
    """Return ``login(user) -> APIClient`` signed in through the strategy under test."""
    sign_in = STRATEGIES[strategy.name][1]

    def login_as(user, password=PASSWORD):
        client = APIClient(enforce_csrf_checks=True)
        sign_in(client, user, password)
        return client

    return login_as
