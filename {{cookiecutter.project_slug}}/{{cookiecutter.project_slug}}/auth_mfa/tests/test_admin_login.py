from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from .conftest import app_code

ADMIN_LOGIN_URL = "/admin/login/"


@pytest.fixture
def admin_user(make_user):
    return make_user("root", is_staff=True, is_superuser=True)


def sign_in(client, user, password, code=None):
    data = {"username": user.username, "password": password, "next": "/admin/"}
    if code is not None:
        data["otp_code"] = code
    return client.post(ADMIN_LOGIN_URL, data)


def test_the_admin_asks_an_enrolled_user_for_the_code(client, admin_user, password, enrol):
    codes = enrol(admin_user)

    without = sign_in(client, admin_user, password)
    wrong = sign_in(client, admin_user, password, "not-a-code")

    assert without.status_code == 200
    assert b"Enter the code from your authenticator app" in without.content
    assert b'name="otp_code"' in without.content
    assert wrong.status_code == 200
    assert b"Invalid two-factor code" in wrong.content
    assert "_auth_user_id" not in client.session
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        assert sign_in(client, admin_user, password, codes[0]).status_code == 302


def test_the_admin_signs_in_with_password_and_code(client, admin_user, password, enrol):
    enrol(admin_user)

    response = sign_in(client, admin_user, password, app_code(admin_user))

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_admin_needs_no_code_without_mfa(client, admin_user, password):
    assert sign_in(client, admin_user, password).status_code == 302


def test_the_admin_refuses_staff_who_must_enrol(client, admin_user, password, settings):
    settings.MFA_REQUIRED = "staff"

    response = sign_in(client, admin_user, password)

    assert response.status_code == 200
    assert b"Set up two-factor authentication" in response.content
