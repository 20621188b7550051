import pytest
from rest_framework.test import APIClient

CSRF_URL = "/api/auth/session/csrf/"
LOGIN_URL = "/api/auth/session/login/"
LOGOUT_URL = "/api/auth/session/logout/"
ME_URL = "/api/auth/me/"


@pytest.fixture
def client():
    return APIClient(enforce_csrf_checks=True)


def csrf_token(client):
    response = client.get(CSRF_URL)
    assert response.status_code == 200
    assert response.cookies["csrftoken"].value
    return response.json()["csrf_token"]


def log_in(client, username, password):
    return client.post(
        LOGIN_URL, {"username": username, "password": password}, HTTP_X_CSRFTOKEN=csrf_token(client)
    )


def test_login_sets_an_http_only_session_cookie(client, user, password):
    response = log_in(client, "alice", password)

    assert response.status_code == 200
    assert response.json()["username"] == "alice"
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert client.get(ME_URL).json()["authenticated_via"] == "session"


@pytest.mark.parametrize(
    ("username", "password", "status"),
    [("alice", "wrong-password", 401), ("nobody", "wrong-password", 401), ("alice", "", 400)],
)
def test_wrong_credentials_are_refused(client, user, username, password, status):
    response = log_in(client, username, password)

    assert response.status_code == status
    assert "sessionid" not in response.cookies
    assert client.get(ME_URL).status_code == 401


def test_an_inactive_user_cannot_log_in(client, user, password):
    user.is_active = False
    user.save()

    assert log_in(client, "alice", password).status_code == 401


def test_login_requires_the_csrf_token(client, user):
    response = client.post(LOGIN_URL, {"username": "alice", "password": "anything"})

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert "CSRF" in response.json()["detail"]


def test_unsafe_requests_need_the_csrf_token_after_login(client, author, password):
    log_in(client, "alice", password)

    without = client.post("/api/documents/", {"title": "x"})
    with_token = client.post(
        "/api/documents/", {"title": "x"}, HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value
    )

    assert without.status_code == 403
    assert with_token.status_code == 201


def test_logout_ends_the_session(client, user, password):
    log_in(client, "alice", password)
    cookie = client.cookies["sessionid"].value

    response = client.post(LOGOUT_URL, HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)

    assert response.status_code == 204
    replay = APIClient()
    replay.cookies["sessionid"] = cookie
    assert replay.get(ME_URL).status_code == 401


def test_logout_needs_a_session(client, db):
    assert client.post(LOGOUT_URL).status_code == 401


def test_a_password_change_ends_existing_sessions(client, user, password):
    log_in(client, "alice", password)

    user.set_password("a-brand-new-passphrase")
    user.save()

    assert client.get(ME_URL).status_code == 401


@pytest.mark.parametrize("cookie", ["garbage", "x" * 500, "ünïcode"])
def test_a_forged_session_cookie_is_401(client, db, cookie):
    client.cookies["sessionid"] = cookie

    assert client.get(ME_URL).status_code == 401
