import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.auth_mfa import factors


def app_code(user, confirmed=True):
    """The code the user's authenticator app shows now."""
    device = TOTPDevice.objects.get(user=user, confirmed=confirmed)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def enrol(db):
    """Return ``enrol(user) -> recovery codes``: the user has a confirmed authenticator."""

    def make(user):
        device = factors.start_totp(user)
        device.confirmed = True
        device.save()
        return factors.new_recovery_codes(user)

    return make


@pytest.fixture
def signed_in(password_strategy, password):
    """Return ``signed_in(user) -> APIClient`` logged in through the password strategy.

    Call it before ``enrol``: a user with a second factor gets an mfa_token instead.
    """

    def sign_in(user):
        client = APIClient(enforce_csrf_checks=True)
        password_strategy.sign_in(client, user, password)
        return client

    return sign_in


@pytest.fixture
def start_login(password):
    """Return ``start(strategy, client, user) -> response``: a password login, CSRF ready."""

    def start(strategy, client, user):
        response = strategy.post_credentials(client, user.username, password)
        if "csrftoken" in client.cookies:
            client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
        return response

    return start
