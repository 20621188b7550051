"""The README's two-factor walkthrough, run as written: its curl commands, in a fresh shell,
against a live server, with the shell variables it tells the reader to set."""

import json
import os
import re
import subprocess

import pytest
from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.auth_mfa.models import Challenge

pytestmark = pytest.mark.django_db(transaction=True)

SHELL_BLOCK = re.compile(r"^```bash\n(.*?)\n```$", re.MULTILINE | re.DOTALL)


def walkthrough():
    """The shell commands of the README's two-factor section, in order."""
    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Two-factor authentication\n", 1)[1].split("\n## ", 1)[0]
    return SHELL_BLOCK.findall(section)


def run(command, **variables):
    """``command`` in bash with nothing but ``PATH`` and the README's variables set."""
    result = subprocess.run(
        ["/bin/bash", "-c", command],
        env={"PATH": os.environ["PATH"], **variables},
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return json.loads(result.stdout)


def app_code(user):
    """The code the user's authenticator app shows now."""
    device = TOTPDevice.objects.get(user=user)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def test_the_readme_walkthrough_turns_mfa_on_and_logs_in(live_server, user, other_user, password):
    setup, confirm, login, verify = walkthrough()
    login_url = re.search(r"/api/auth/\w+/login/", login)[0]
    credentials = {"username": user.username, "password": password}
    first = APIClient().post(login_url, credentials).json()
    variables = {"API": live_server.url, "TOKEN": first.get("access") or first.get("token")}

    secret = run(setup, **variables)
    assert secret["otpauth_uri"].startswith("otpauth://totp/")

    codes = run(confirm, **variables, CODE=app_code(user))
    assert len(codes["recovery_codes"]) == 10

    answer = run(login, **variables, USERNAME=user.username, PASSWORD=password)
    assert answer["mfa_required"] is True
    assert set(answer) == {"mfa_required", "mfa_token", "expires_in", "enrolment_required"}

    logged_in = run(
        verify, **variables, MFA_TOKEN=answer["mfa_token"], CODE=codes["recovery_codes"][0]
    )
    # What the same login answers a user without a second factor.
    plain = APIClient().post(login_url, {**credentials, "username": other_user.username})
    assert set(logged_in) == set(plain.json())
    assert not Challenge.objects.exists()
