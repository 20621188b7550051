from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.throttling.tests.rates import limit

REGISTER_URL = "/api/auth/register/"
NEW_USER = {"username": "carol", "email": "carol@example.com", "password": "a-long-unusual-phrase"}


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


def test_concurrent_logins_pass_exactly_the_limit(
    settings, redis_cache, concurrently, password_strategy, transactional_db
):
    """64 wrong passwords at once from one address: the limit passes, the rest are refused."""
    # The login rate is under test, not the general rates, which every request of an
    # attempt also counts against.
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "anon": "1000/min", "user": "1000/min"},
    }

    def attempt(n):
        client = APIClient(REMOTE_ADDR="10.0.0.1")
        return password_strategy.post_credentials(client, f"user{n}", "wrong").status_code

    statuses = concurrently(64, attempt)

    assert statuses.count(401) == limit(settings, "login")
    assert statuses.count(429) == 64 - limit(settings, "login")


def test_registration_is_rate_limited(settings, db):
    client = APIClient(enforce_csrf_checks=True, REMOTE_ADDR="10.0.0.1")
    for n in range(limit(settings, "register")):
        user = {**NEW_USER, "username": f"carol{n}", "email": f"carol{n}@example.com"}
        assert client.post(REGISTER_URL, user).status_code == 202

    response = client.post(REGISTER_URL, NEW_USER)

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "code"}
    assert body["code"] == "throttled"
    assert body["detail"].startswith("Request was throttled.")
    assert int(response["Retry-After"]) > 0
