"""The login step every password strategy shares: one answer to a failure, exact passwords."""

import pytest
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.users.models import User

LOGIN_FAILURE = b'{"detail":"Invalid username or password.","code":"authentication_failed"}'


@pytest.mark.parametrize("username", ["alice", "nobody"])
def test_login_failures_answer_alike_whatever_the_strategy(password_strategy, user, username):
    """Same status and bytes for a wrong password and an unknown user, on every strategy."""
    client = APIClient(enforce_csrf_checks=True)

    response = password_strategy.post_credentials(client, username, "wrong-password")

    assert response.status_code == 401
    assert response.content == LOGIN_FAILURE


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("  spaced out  ", "spaced out"), ("spaced out", " spaced out "), ("   ", "")],
)
def test_passwords_are_compared_as_typed(password_strategy, make_user, stored, typed):
    user = make_user("alice")
    user.set_password(stored)
    user.save()
    client = APIClient(enforce_csrf_checks=True)

    refused = password_strategy.post_credentials(client, "alice", typed)
    accepted = password_strategy.post_credentials(
        APIClient(enforce_csrf_checks=True), "alice", stored
    )

    assert refused.status_code in (400, 401)
    assert accepted.status_code == 200, accepted.content


def test_a_password_registers_and_logs_in_with_its_spaces(password_strategy, api_client, db):
    """Registration keeps the spaces the logins compare: the trimmed password is another."""
    spaced = "  a-long-unusual-phrase  "
    registered = api_client.post(
        "/api/auth/register/",
        {"username": "carol", "email": "carol@example.com", "password": spaced},
    )

    refused = password_strategy.post_credentials(APIClient(), "carol", spaced.strip())
    accepted = password_strategy.post_credentials(APIClient(), "carol", spaced)

    assert registered.status_code == 202, registered.content
    assert User.objects.get(username="carol").check_password(spaced)
    assert refused.status_code == 401
    assert accepted.status_code == 200, accepted.content
