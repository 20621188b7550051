import pytest
from django.core.checks import run_checks
from django.test import override_settings
from rest_framework.test import APIClient

DOCUMENTS_URL = "/api/documents/"
ME_URL = "/api/auth/me/"
REGISTER_URL = "/api/auth/register/"
NEW_USER = {"username": "carol", "email": "carol@example.com", "password": "a-long-unusual-phrase"}


def limit(settings, scope):
    count, _period = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][scope].split("/")
    return int(count)


def from_address(address):
    return APIClient(enforce_csrf_checks=True, REMOTE_ADDR=address)


def test_failed_logins_lock_the_username_whatever_the_ip(
    settings, password_strategy, user, password
):
    for n in range(limit(settings, "login_failures")):
        response = password_strategy.post_credentials(from_address(f"10.0.0.{n}"), "alice", "wrong")
        assert response.status_code == 401

    locked = password_strategy.post_credentials(from_address("10.9.9.9"), "alice", password)

    assert locked.status_code == 429
    assert locked.json()["code"] == "throttled"
    assert int(locked["Retry-After"]) > 0


def test_the_lockout_counts_per_username(settings, password_strategy, user, make_user, password):
    make_user("bob")
    for _ in range(limit(settings, "login_failures")):
        password_strategy.post_credentials(from_address("10.0.0.1"), "bob", "wrong")

    response = password_strategy.post_credentials(from_address("10.0.0.1"), "alice", password)

    assert response.status_code == 200


def test_logins_from_one_address_are_limited_whatever_x_forwarded_for_says(
    settings, password_strategy, db
):
    # Each attempt names another user (no lockout) and claims another forwarded address.
    statuses = [
        password_strategy.post_credentials(
            APIClient(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"),
            f"user{n}",
            "wrong",
        ).status_code
        for n in range(limit(settings, "login") + 1)
    ]

    assert statuses[-1] == 429
    assert set(statuses[:-1]) == {401}


def test_registration_is_rate_limited(settings, db):
    client = from_address("10.0.0.1")
    for n in range(limit(settings, "register")):
        user = {**NEW_USER, "username": f"carol{n}", "email": f"carol{n}@example.com"}
        assert client.post(REGISTER_URL, user).status_code == 201

    response = client.post(REGISTER_URL, NEW_USER)

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "code"}
    assert body["code"] == "throttled"
    assert body["detail"].startswith("Request was throttled.")
    assert int(response["Retry-After"]) > 0


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

    throttled = schema["paths"]["/api/auth/register/"]["post"]["responses"]["429"]
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
