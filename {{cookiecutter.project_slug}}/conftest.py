"""Fixtures shared by every test module.

``strategy`` is parametrized over the project's authentication strategies, so a test that
asks for it (or for ``login``) runs once per strategy, signing in through that strategy's
real HTTP endpoints.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.users.models import User

PASSWORD = "correct-horse-battery-staple"
{%- if cookiecutter.auth_session %}


def session_post_credentials(client, username, password):
    token = client.get("/api/auth/session/csrf/").json()["csrf_token"]
    return client.post(
        "/api/auth/session/login/",
        {"username": username, "password": password},
        HTTP_X_CSRFTOKEN=token,
    )


def session_sign_in(client, response):
    # Logging in rotates the CSRF token; send the new one on every later request.
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
{%- endif %}
{%- if cookiecutter.auth_jwt %}


def jwt_post_credentials(client, username, password):
    return client.post("/api/auth/jwt/login/", {"username": username, "password": password})


def jwt_sign_in(client, response):
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
{%- endif %}


@dataclass(frozen=True)
class Strategy:
    """One way to authenticate, as a client uses it."""

    name: str
    # Database queries that authenticating one request costs (the DESIGN budget).
    auth_queries: int
    # Sends a username and password to the strategy's login endpoint; returns the response.
    post_credentials: Callable
    # Makes the client send the credential a successful login response carries.
    sign_in: Callable


STRATEGIES = {
    strategy.name: strategy
    for strategy in [
{%- if cookiecutter.auth_session %}
        Strategy("session", 2, session_post_credentials, session_sign_in),
{%- endif %}
{%- if cookiecutter.auth_jwt %}
        Strategy("jwt", 1, jwt_post_credentials, jwt_sign_in),
{%- endif %}
    ]
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
def password():
    """The password every test user is created with."""
    return PASSWORD


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


@pytest.fixture(scope="session")
def enabled_strategies():
    """Names of the authentication strategies this project was generated with."""
    return set(STRATEGIES)


@pytest.fixture(params=sorted(STRATEGIES))
def strategy(request):
    return STRATEGIES[request.param]


@pytest.fixture
def login(strategy):
    """Return ``login(user) -> APIClient`` signed in through the strategy under test."""

    def login_as(user, password=PASSWORD):
        client = APIClient(enforce_csrf_checks=True)
        response = strategy.post_credentials(client, user.username, password)
        assert response.status_code == 200, response.content
        strategy.sign_in(client, response)
        return client

    return login_as
