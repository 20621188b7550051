from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.auth_mfa.models import RecoveryCode

from .conftest import app_code

MFA_URL = "/api/auth/mfa/"
SETUP_URL = "/api/auth/mfa/totp/setup/"
CONFIRM_URL = "/api/auth/mfa/totp/confirm/"
# Credentials lent to software may not change the second factor of their user: their
# authenticators say so.
LENT_CREDENTIALS = {
    authenticator.strategy
    for authenticator in api_settings.DEFAULT_AUTHENTICATION_CLASSES
    if not getattr(authenticator, "manages_credentials", True)
}


def later():
    """A moment in the next TOTP step, when the authenticator shows a new code."""
    return time_machine.travel(timezone.now() + timedelta(seconds=31))


def test_setup_then_confirm_turns_mfa_on_with_ten_recovery_codes(login, strategy, user):
    client = login(user)

    setup = client.post(SETUP_URL)

    if strategy.name in LENT_CREDENTIALS:
        assert setup.status_code == 403
        return
    assert setup.status_code == 200
    secret = setup.json()
    assert secret["otpauth_uri"].startswith("otpauth://totp/")
    assert f"secret={secret['secret']}" in secret["otpauth_uri"]
    assert secret["qr_code"].startswith("data:image/svg+xml")
    assert client.get(MFA_URL).json()["enabled"] is False

    confirm = client.post(CONFIRM_URL, {"code": app_code(user, confirmed=False)})

    assert confirm.status_code == 201
    codes = confirm.json()["recovery_codes"]
    assert len(set(codes)) == 10
    assert all(len(code) == 19 for code in codes)
    assert client.get(MFA_URL).json() == {
        "enabled": True,
        "required": False,
        "recovery_codes_left": 10,
    }


def test_a_wrong_code_does_not_turn_mfa_on(signed_in, user):
    client = signed_in(user)
    client.post(SETUP_URL)
    wrong = "000000" if app_code(user, confirmed=False) != "000000" else "111111"

    response = client.post(CONFIRM_URL, {"code": wrong})

    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert not RecoveryCode.objects.exists()


def test_setup_is_refused_while_mfa_is_on(signed_in, user, enrol):
    client = signed_in(user)
    enrol(user)

    assert client.post(SETUP_URL).status_code == 400


def test_confirm_needs_a_setup_first(signed_in, user):
    assert signed_in(user).post(CONFIRM_URL, {"code": "123456"}).status_code == 400


def test_enrolment_needs_a_credential(api_client, db):
    assert api_client.post(SETUP_URL).status_code == 401
    assert api_client.post(SETUP_URL, {"mfa_token": "made-up"}).status_code == 401


def test_new_recovery_codes_replace_the_old_set(
    signed_in, password_strategy, start_login, user, enrol, password
):
    client = signed_in(user)
    old = enrol(user)

    response = client.post(f"{MFA_URL}recovery-codes/", {"password": password})

    assert response.status_code == 200
    new = response.json()["recovery_codes"]
    assert not set(new) & set(old)
    other = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, other, user).json()["mfa_token"]
    verify = other.post(f"{MFA_URL}verify/", {"mfa_token": mfa_token, "code": old[0]})
    assert verify.status_code == 401


def test_disable_needs_a_code_or_the_password(signed_in, password_strategy, user, enrol, password):
    client = signed_in(user)
    codes = enrol(user)

    assert client.post(f"{MFA_URL}disable/", {}).status_code == 400
    assert client.post(f"{MFA_URL}disable/", {"password": "wrong"}).status_code == 403
    assert client.get(MFA_URL).json()["enabled"] is True
    response = client.post(f"{MFA_URL}disable/", {"code": codes[0]})

    assert response.status_code == 204
    assert client.get(MFA_URL).json()["enabled"] is False
    login_answer = password_strategy.post_credentials(APIClient(), user.username, password)
    assert "mfa_required" not in login_answer.json()


def test_disable_with_the_current_code(signed_in, user, enrol):
    client = signed_in(user)
    enrol(user)

    with later():
        response = client.post(f"{MFA_URL}disable/", {"code": app_code(user)})

    assert response.status_code == 204


def test_reset_mfa_removes_a_users_factors(user, enrol):
    enrol(user)
    output = StringIO()

    call_command("reset_mfa", user.username, stdout=output)

    assert "off for alice" in output.getvalue()
    assert not TOTPDevice.objects.exists()
    assert not RecoveryCode.objects.exists()
    with pytest.raises(CommandError, match="username: 'alice' has no second factor"):
        call_command("reset_mfa", user.username)
    with pytest.raises(CommandError, match="username: no user named 'nobody'"):
        call_command("reset_mfa", "nobody")


def test_reset_mfa_finds_the_user_as_the_login_does(user, other_user, enrol):
    enrol(user)
    enrol(other_user)
    output = StringIO()

    call_command("reset_mfa", "ALICE", stdout=output)

    assert output.getvalue() == "Two-factor authentication is off for alice.\n"
    assert list(TOTPDevice.objects.values_list("user__username", flat=True)) == ["bob"]
    with pytest.raises(CommandError) as refused:
        call_command("reset_mfa", "Alice")
    assert str(refused.value) == "username: 'alice' has no second factor to remove."
    with pytest.raises(CommandError) as refused:
        call_command("reset_mfa", "nobody")
    assert str(refused.value) == (
        "username: no user named 'nobody': check the name (case does not matter)."
    )
