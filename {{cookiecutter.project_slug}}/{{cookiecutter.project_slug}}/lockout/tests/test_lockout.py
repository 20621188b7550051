from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.throttling.tests.rates import limit


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
