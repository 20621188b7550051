"""The API's password logins, as recorded: each strategy's success, failure and logout."""

from rest_framework.test import APIClient


def test_a_login_is_recorded_with_its_strategy(password_strategy, user, password, recorded):
    client = APIClient(enforce_csrf_checks=True)

    assert password_strategy.post_credentials(client, "alice", password).status_code == 200

    [event] = recorded("login.succeeded")
    assert (event["actor"], event["strategy"]) == (str(user.pk), password_strategy.name)


def test_a_failed_login_names_the_username_and_the_reason(password_strategy, user, recorded):
    client = APIClient(enforce_csrf_checks=True)

    response = password_strategy.post_credentials(client, "alice", "not-the-password")

    assert response.status_code == 401
    [event] = recorded("login.failed")
    assert (event["actor"], event["strategy"]) == (None, password_strategy.name)
    assert event["details"] == {"username": "alice", "reason": "invalid_credentials"}


def test_a_login_with_an_unknown_username_is_recorded_as_typed(password_strategy, db, recorded):
    client = APIClient(enforce_csrf_checks=True)

    password_strategy.post_credentials(client, "Nobody", "not-the-password")

    assert recorded("login.failed")[0]["details"]["username"] == "Nobody"


def test_a_logout_is_recorded(password_strategy, user, password, recorded):
    client = APIClient(enforce_csrf_checks=True)
    response = password_strategy.post_credentials(client, "alice", password)
    password_strategy.send_credential(client, response)

    assert password_strategy.log_out(client, response).status_code == 204

    [event] = recorded("logout")
    assert (event["actor"], event["strategy"]) == (str(user.pk), password_strategy.name)
