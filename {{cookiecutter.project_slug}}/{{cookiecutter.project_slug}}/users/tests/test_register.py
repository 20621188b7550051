import pytest

from {{ cookiecutter.project_slug }}.users.models import User

REGISTER_URL = "/api/auth/register/"
NEW_USER = {"username": "carol", "email": "carol@example.com", "password": "a-long-unusual-phrase"}


@pytest.mark.django_db
def test_register_creates_a_user_and_hides_the_password(api_client):
    response = api_client.post(REGISTER_URL, NEW_USER)

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "username", "email"}
    assert body["username"] == "carol"
    user = User.objects.get(pk=body["id"])
    assert user.check_password(NEW_USER["password"])
    assert user.password.startswith(("argon2", "md5"))  # hashed, never stored as sent


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


def test_register_refuses_a_taken_username_or_email(api_client, user):
    taken_name = api_client.post(REGISTER_URL, {**NEW_USER, "username": user.username})
    taken_email = api_client.post(REGISTER_URL, {**NEW_USER, "email": user.email.upper()})

    assert taken_name.status_code == 400
    assert "username" in taken_name.json()["errors"]
    assert taken_email.status_code == 400
    assert "email" in taken_email.json()["errors"]


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"username": ["x"]}'])
def test_register_answers_malformed_bodies_with_400(api_client, body):
    response = api_client.post(REGISTER_URL, body, content_type="application/json")

    assert response.status_code == 400


def test_the_schema_declares_only_the_errors_registration_can_answer(api_client, db):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    statuses = set(schema["paths"][REGISTER_URL]["post"]["responses"])

    # Open to anyone and naming no object: invalid input or too many attempts, nothing else.
    assert "400" in statuses
    assert not {"401", "403", "404"} & statuses
