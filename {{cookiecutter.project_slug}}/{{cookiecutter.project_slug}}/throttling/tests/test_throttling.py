import pytest
from django.core.checks import run_checks
from django.test import override_settings

from {{ cookiecutter.project_slug }}.throttling.tests.rates import limit

DOCUMENTS_URL = "/api/documents/"
ME_URL = "/api/auth/me/"


def test_authenticated_requests_are_rate_limited_per_user(settings, login, user):
    client = login(user)
    statuses = [client.get(ME_URL).status_code for _ in range(limit(settings, "user") + 1)]

    assert statuses[-1] == 429


def test_throttling_adds_no_query(
    login, strategy, policy_queries, author, make_document, django_assert_num_queries
):
    make_document(author)
    client = login(author)

    with django_assert_num_queries(strategy.auth_queries + policy_queries + 2):  # count + page
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
