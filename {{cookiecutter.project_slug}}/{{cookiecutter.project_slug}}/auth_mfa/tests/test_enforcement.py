from types import SimpleNamespace

import pytest
from rest_framework.test import APIClient

from .conftest import app_code


@pytest.fixture
def staff(make_user, settings):
    settings.MFA_REQUIRED = "staff"
    return make_user("sam", is_staff=True)


def test_staff_without_mfa_must_enrol_before_any_credential(password_strategy, start_login, staff):
    client = APIClient(enforce_csrf_checks=True)

    answer = start_login(password_strategy, client, staff).json()

    assert answer["mfa_required"] is True
    assert answer["enrolment_required"] is True
    assert "sessionid" not in client.cookies
    setup = client.post("/api/auth/mfa/totp/setup/", {"mfa_token": answer["mfa_token"]})
    assert setup.status_code == 200
    confirm = client.post(
        "/api/auth/mfa/totp/confirm/",
        {"mfa_token": answer["mfa_token"], "code": app_code(staff, confirmed=False)},
    )
    assert confirm.status_code == 201, confirm.content
    body = confirm.json()
    assert len(body["recovery_codes"]) == 10
    # The login finishes with the enrolment: its credential, once.
    password_strategy.send_credential(client, SimpleNamespace(json=lambda: body["login"]))
    me = client.get("/api/auth/me/")
    assert me.status_code == 200
    assert me.json()["username"] == "sam"
    again = client.post("/api/auth/mfa/totp/setup/", {"mfa_token": answer["mfa_token"]})
    assert again.status_code == 401


def test_a_verify_token_cannot_enrol(password_strategy, start_login, user, enrol):
    enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, client, user).json()["mfa_token"]

    response = client.post("/api/auth/mfa/totp/setup/", {"mfa_token": mfa_token})

    assert response.status_code == 401


def test_others_are_not_required_to_enrol(password_strategy, start_login, staff, user):
    answer = start_login(password_strategy, APIClient(enforce_csrf_checks=True), user)

    assert "mfa_required" not in answer.json()


def test_a_required_second_factor_cannot_be_turned_off(signed_in, staff, enrol, settings):
    settings.MFA_REQUIRED = "none"
    client = signed_in(staff)
    codes = enrol(staff)
    settings.MFA_REQUIRED = "staff"

    response = client.post("/api/auth/mfa/disable/", {"code": codes[0]})

    assert response.status_code == 403


def test_everyone_can_be_required_to_enrol(password_strategy, start_login, user, settings):
    settings.MFA_REQUIRED = "all"

    answer = start_login(password_strategy, APIClient(enforce_csrf_checks=True), user).json()

    assert answer["enrolment_required"] is True
