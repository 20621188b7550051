"""Token logouts and revocations, as the audit log records them."""

from rest_framework.test import APIClient

LOGIN_URL = "/api/auth/token/login/"


def token_client(password):
    response = APIClient().post(LOGIN_URL, {"username": "alice", "password": password})
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return client


def test_logging_out_everywhere_is_recorded(user, password, recorded):
    response = token_client(password).post("/api/auth/token/logout-all/")

    assert response.status_code == 204
    [event] = recorded("logout")
    assert (event["actor_username"], event["strategy"]) == ("alice", "token")


def test_a_password_change_records_the_tokens_it_revoked(user, password, recorded):
    token_client(password)
    token_client(password)

    user.set_password("a-brand-new-passphrase")
    user.save()

    [event] = recorded("credential.revoked")
    assert event["actor_username"] == "alice"
    assert event["details"] == {"kind": "token", "reason": "password_changed", "count": 2}
