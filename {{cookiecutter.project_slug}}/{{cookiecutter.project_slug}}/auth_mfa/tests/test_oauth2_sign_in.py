"""The OAuth2 authorization server's sign-in page takes the second factor too."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from .conftest import app_code

LOGIN_URL = "/o/login/"


def sign_in(client, user, password, code=None):
    data = {"username": user.username, "password": password, "next": "/o/authorize/"}
    if code is not None:
        data["otp_code"] = code
    return client.post(LOGIN_URL, data)


def test_the_page_asks_for_the_code(client, db):
    assert b'name="otp_code"' in client.get(LOGIN_URL).content


def test_an_enrolled_user_needs_the_code(client, user, password, enrol):
    codes = enrol(user)

    without = sign_in(client, user, password)
    wrong = sign_in(client, user, password, "000000" if app_code(user) != "000000" else "111111")

    assert without.status_code == 200
    assert b"Enter the code from your authenticator app" in without.content
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        assert sign_in(client, user, password, codes[0]).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_user_without_mfa_signs_in_with_the_password(client, user, password):
    assert sign_in(client, user, password).status_code == 302
