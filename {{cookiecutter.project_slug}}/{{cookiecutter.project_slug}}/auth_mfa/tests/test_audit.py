"""The second factor's events, as the audit log records them."""

from io import StringIO

from django.core.management import call_command
from rest_framework.test import APIClient

from .conftest import app_code

SETUP_URL = "/api/auth/mfa/totp/setup/"
CONFIRM_URL = "/api/auth/mfa/totp/confirm/"
VERIFY_URL = "/api/auth/mfa/verify/"
DISABLE_URL = "/api/auth/mfa/disable/"


def names(recorded):
    return [event["event"] for event in recorded()]


def test_enrolment_records_the_authenticator_and_the_recovery_codes(signed_in, user, recorded):
    client = signed_in(user)
    client.post(SETUP_URL)

    assert client.post(CONFIRM_URL, {"code": app_code(user, confirmed=False)}).status_code == 201

    issued = recorded("credential.issued")
    assert [event["details"] for event in issued] == [
        {"kind": "totp_device"},
        {"kind": "recovery_codes", "count": 10},
    ]
    assert {event["actor_username"] for event in issued} == {"alice"}


def test_a_wrong_code_is_recorded_and_no_login(
    password_strategy, start_login, enrol, user, recorded
):
    enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    token = start_login(password_strategy, client, user).json()["mfa_token"]
    wrong = f"{(int(app_code(user)) + 1) % 1_000_000:06d}"

    assert client.post(VERIFY_URL, {"mfa_token": token, "code": wrong}).status_code == 401

    [event] = recorded("mfa.failed")
    assert (event["actor_username"], event["details"]) == ("alice", {"reason": "invalid_code"})
    assert recorded("login.succeeded") == []


def test_a_right_code_records_the_factor_then_the_login(
    password_strategy, start_login, enrol, user, recorded
):
    enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    token = start_login(password_strategy, client, user).json()["mfa_token"]

    assert client.post(VERIFY_URL, {"mfa_token": token, "code": app_code(user)}).status_code == 200

    assert names(recorded)[-2:] == ["mfa.succeeded", "login.succeeded"]
    assert recorded("mfa.succeeded")[0]["details"] == {"method": "totp"}
    assert recorded("login.succeeded")[0]["strategy"] == password_strategy.name


def test_a_recovery_code_is_recorded_as_such(password_strategy, start_login, enrol, user, recorded):
    codes = enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    token = start_login(password_strategy, client, user).json()["mfa_token"]

    assert client.post(VERIFY_URL, {"mfa_token": token, "code": codes[0]}).status_code == 200

    assert recorded("mfa.succeeded")[0]["details"] == {"method": "recovery_code"}


def test_turning_it_off_is_recorded(signed_in, enrol, user, password, recorded):
    client = signed_in(user)
    enrol(user)

    assert client.post(DISABLE_URL, {"password": password}).status_code == 204

    [event] = recorded("credential.revoked")
    assert (event["actor_username"], event["details"]) == ("alice", {"kind": "totp_device"})
    assert (event["target_type"], event["target_id"]) == ("users.user", str(user.pk))


def test_a_reset_from_the_shell_is_recorded(enrol, user, recorded):
    enrol(user)

    call_command("reset_mfa", "alice", stdout=StringIO())

    [event] = recorded("credential.revoked")
    assert (event["actor"], event["strategy"]) == (None, "command")
    assert event["target_id"] == str(user.pk)


def test_a_wrong_password_to_disable_is_a_failed_login(
    signed_in, password_strategy, user, enrol, recorded
):
    client = signed_in(user)
    enrol(user)

    assert client.post(DISABLE_URL, {"password": "not-the-password"}).status_code == 403

    [event] = recorded("login.failed")
    assert (event["actor_username"], event["strategy"]) == ("alice", password_strategy.name)
    assert event["details"] == {"username": "alice", "reason": "wrong_password"}
