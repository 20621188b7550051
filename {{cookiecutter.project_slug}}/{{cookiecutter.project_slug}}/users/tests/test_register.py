import pytest
from django.db import IntegrityError
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.users.models import User

REGISTER_URL = "/api/auth/register/"
ME_URL = "/api/auth/me/"
NEW_USER = {"username": "carol", "email": "carol@example.com", "password": "a-long-unusual-phrase"}


@pytest.mark.django_db
def test_register_creates_a_usable_user_and_hides_the_password(api_client, login):
    response = api_client.post(REGISTER_URL, NEW_USER)

    assert response.status_code == 202
    assert set(response.json()) == {"detail"}
    user = User.objects.get(username="carol")
    assert user.check_password(NEW_USER["password"])
    assert user.password.startswith(("argon2", "md5"))  # hashed, never stored as sent
    assert login(user, NEW_USER["password"]).get(ME_URL).json()["id"] == str(user.pk)


@pytest.mark.parametrize(
    "taken",
    [
        {"username": "alice"},
        {"username": "Alice"},
        {"username": "ALICE", "email": "other@example.com"},
        {"email": "alice@example.com"},
        {"email": "Alice@Example.COM"},
    ],
)
def test_a_taken_username_or_email_answers_like_a_success(api_client, user, taken):
    fresh = api_client.post(REGISTER_URL, {**NEW_USER, "username": "dave", "email": "d@x.org"})

    response = api_client.post(REGISTER_URL, {**NEW_USER, **taken})

    assert (response.status_code, response.json()) == (fresh.status_code, fresh.json())
    assert User.objects.count() == 2
    user.refresh_from_db()
    assert (user.username, user.email) == ("alice", "alice@example.com")
    assert not user.check_password(NEW_USER["password"])


def test_alice_cannot_register_beside_alice(api_client, user):
    response = api_client.post(REGISTER_URL, {**NEW_USER, "username": "Alice"})

    assert response.status_code == 202
    assert list(User.objects.values_list("username", flat=True)) == ["alice"]


def test_a_username_is_taken_only_where_the_login_would_find_it(api_client, make_user):
    make_user("kite")

    api_client.post(REGISTER_URL, {**NEW_USER, "username": "KITE"})
    api_client.post(REGISTER_URL, {**NEW_USER, "username": "k\u0131te"})  # dotless i

    assert sorted(User.objects.values_list("username", flat=True)) == ["kite", "k\u0131te"]
    assert User.objects.get_by_natural_key("K\u0131TE").username == "k\u0131te"


def test_the_database_refuses_usernames_differing_only_in_case(make_user, user):
    with pytest.raises(IntegrityError):
        make_user("ALICE", email="other@example.com")


def test_login_by_username_ignores_case(password_strategy, api_client, db):
    api_client.post(REGISTER_URL, {**NEW_USER, "username": "Carol"})

    response = password_strategy.post_credentials(
        APIClient(enforce_csrf_checks=True), "cAROL", NEW_USER["password"]
    )

    assert response.status_code == 200, response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("password", "password"), ("password", "12345678"), ("password", "carol-ex"), ("email", "no")],
)
def test_register_rejects_weak_passwords_and_bad_emails(api_client, field, value):
    response = api_client.post(REGISTER_URL, {**NEW_USER, field: value})

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("missing", ["username", "email", "password"])
def test_register_requires_every_field(api_client, missing):
    data = {key: value for key, value in NEW_USER.items() if key != missing}

    response = api_client.post(REGISTER_URL, data)

    assert response.status_code == 400
    assert missing in response.json()["errors"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["caro l", "c" * 151, "carol!"])
def test_register_refuses_malformed_usernames(api_client, username):
    response = api_client.post(REGISTER_URL, {**NEW_USER, "username": username})

    assert response.status_code == 400
    assert "username" in response.json()["errors"]


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"username": ["x"]}'])
def test_register_answers_malformed_bodies_with_400(api_client, body):
    response = api_client.post(REGISTER_URL, body, content_type="application/json")

    assert response.status_code == 400


def test_the_schema_declares_only_the_answers_registration_can_give(api_client, db):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    statuses = set(schema["paths"][REGISTER_URL]["post"]["responses"])

    # Open to anyone and naming no object: accepted, invalid input or too many attempts.
    assert {"202", "400"} <= statuses
    assert not {"201", "401", "403", "404"} & statuses
