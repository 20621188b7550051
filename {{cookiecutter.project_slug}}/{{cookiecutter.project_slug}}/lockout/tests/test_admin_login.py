"""The admin's login form checks passwords too: it shares the lockout and has a per-IP rate."""

from django.test import Client
from django.urls import reverse

from {{ cookiecutter.project_slug }}.throttling.tests.rates import limit


def admin_login(username, password, address="10.0.0.1", **headers):
    client = Client(REMOTE_ADDR=address, **headers)
    response = client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}
    )
    return client, response


def test_the_admin_logs_in_with_the_right_password(admin_user, password):
    client, response = admin_login("root", password)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


def test_admin_failures_lock_the_username_even_for_the_right_password(
    settings, admin_user, password
):
    for _ in range(limit(settings, "login_failures")):
        assert admin_login("root", "wrong")[1].status_code == 200

    client, response = admin_login("root", password)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_admin_failures_from_one_address_are_limited_whatever_x_forwarded_for_says(settings, db):
    # Each attempt names another user (no lockout) and claims another forwarded address.
    for n in range(limit(settings, "admin_login")):
        response = admin_login(f"user{n}", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")[1]
        assert response.status_code == 200

    refused = admin_login("someone", "wrong", HTTP_X_FORWARDED_FOR="192.0.2.99")[1]
    elsewhere = admin_login("someone", "wrong", address="10.0.0.2")[1]

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert elsewhere.status_code == 200


def test_successful_admin_logins_do_not_use_up_the_rate(settings, admin_user, password):
    for _ in range(limit(settings, "admin_login") + 1):
        assert admin_login("root", password)[1].status_code == 302


def test_concurrent_admin_failures_pass_exactly_the_limit(
    settings, redis_cache, concurrently, transactional_db
):
    statuses = concurrently(64, lambda n: admin_login(f"user{n}", "wrong")[1].status_code)

    assert statuses.count(200) == limit(settings, "admin_login")
    assert statuses.count(429) == 64 - limit(settings, "admin_login")
