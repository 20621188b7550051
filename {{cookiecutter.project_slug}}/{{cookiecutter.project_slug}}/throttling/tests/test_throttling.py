import re

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.checks import run_checks
from django.test import override_settings
from redis.client import Pipeline, Redis

from {{ cookiecutter.project_slug }}.throttling.tests.rates import limit

DOCUMENTS_URL = "/api/documents/"
ME_URL = "/api/auth/me/"


def test_authenticated_requests_are_rate_limited_per_user(settings, login, user):
    client = login(user)
    statuses = [client.get(ME_URL).status_code for _ in range(limit(settings, "user") + 1)]

    assert statuses[-1] == 429


def remaining(response):
    """What the ``user`` rate has left, and when it starts over, by the ``RateLimit`` header."""
    found = re.fullmatch(r'"user";r=(\d+);t=(\d+)', response["RateLimit"])
    return int(found[1]), int(found[2])


def test_responses_say_where_the_client_stands(settings, login, user):
    client = login(user)

    first, second = client.get(ME_URL), client.get(ME_URL)

    assert second["RateLimit-Policy"] == f'"user";q={limit(settings, "user")};w=60'
    (left_before, _), (left, starts_over_in) = remaining(first), remaining(second)
    assert left == left_before - 1
    assert 1 <= starts_over_in <= 60


def test_a_refused_request_says_when_to_come_back(settings, login, user):
    client = login(user)

    responses = [client.get(ME_URL) for _ in range(limit(settings, "user") + 1)]

    assert responses[-1].status_code == 429
    assert remaining(responses[-1])[0] == 0
    assert 1 <= int(responses[-1]["Retry-After"]) <= 60


def test_a_request_costs_one_cache_round_trip(login, strategy, user, monkeypatch):
    """One atomic increment: no history read and written back, no second call on Redis
    (besides what authenticating reads from the cache: a session kept there)."""
    client = login(user)
    cache = caches["default"]
    calls = []

    def counted(name, method):
        def call(*args, **kwargs):
            calls.append(name)
            return method(*args, **kwargs)

        return call

    if isinstance(cache, RedisCache):
        monkeypatch.setattr(Redis, "execute_command", counted("command", Redis.execute_command))
        monkeypatch.setattr(Pipeline, "execute", counted("pipeline", Pipeline.execute))
        expected = ["command"] * strategy.auth_cache_reads + ["pipeline"]
    else:
        for name in ("get", "set", "add", "incr", "get_many", "set_many", "get_or_set"):
            monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
        expected = ["add", "incr"]  # both in this process: no round trip

    assert client.get(ME_URL).status_code == 200

    assert calls == expected


def test_throttling_adds_no_query(
    login, strategy, policy_queries, author, make_document, django_assert_num_queries
):
    make_document(author)
    client = login(author)

    with django_assert_num_queries(strategy.auth_queries + policy_queries + 1):  # the page
        assert client.get(DOCUMENTS_URL).status_code == 200


def test_the_schema_declares_429_on_throttled_operations(api_client, db):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    throttled = schema["paths"][ME_URL]["get"]["responses"]["429"]
    assert throttled["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    assert "Retry-After" in throttled["headers"]


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
def test_deploy_checks_refuse_a_per_process_cache():
    errors = run_checks(include_deployment_checks=True)

    assert "throttling.E001" in {error.id for error in errors}


@pytest.mark.parametrize(
    "backend",
    ["django.core.cache.backends.redis.RedisCache", "django.core.cache.backends.db.DatabaseCache"],
)
def test_deploy_checks_accept_a_shared_cache(backend):
    with override_settings(CACHES={"default": {"BACKEND": backend, "LOCATION": "shared"}}):
        errors = run_checks(include_deployment_checks=True)

    assert "throttling.E001" not in {error.id for error in errors}
