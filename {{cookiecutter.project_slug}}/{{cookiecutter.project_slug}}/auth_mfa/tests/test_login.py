from datetime import timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.auth_mfa.models import Challenge, RecoveryCode, digest
from {{ cookiecutter.project_slug }}.users import steps

from .conftest import app_code

VERIFY_URL = "/api/auth/mfa/verify/"
CREDENTIAL_KEYS = {"token", "access", "refresh", "expiry", "user", "id"}


def verify(client, mfa_token, code):
    return client.post(VERIFY_URL, {"mfa_token": mfa_token, "code": code})


def test_a_login_answers_a_challenge_and_issues_no_credential(
    password_strategy, start_login, user, enrol
):
    enrol(user)
    client = APIClient(enforce_csrf_checks=True)

    response = start_login(password_strategy, client, user)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"mfa_required", "mfa_token", "expires_in", "enrolment_required"}
    assert body["mfa_required"] is True
    assert body["enrolment_required"] is False
    assert body["expires_in"] == 300
    assert not CREDENTIAL_KEYS & set(body)
    assert "sessionid" not in response.cookies
    assert client.get("/api/auth/me/").status_code == 401


def test_a_user_without_mfa_logs_in_as_before(password_strategy, start_login, user):
    response = start_login(password_strategy, APIClient(enforce_csrf_checks=True), user)

    assert response.status_code == 200
    assert "mfa_required" not in response.json()


def test_verify_answers_the_credential_of_the_login(password_strategy, start_login, user, enrol):
    enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, client, user).json()["mfa_token"]

    response = verify(client, mfa_token, app_code(user))

    assert response.status_code == 200, response.content
    password_strategy.send_credential(client, response)
    me = client.get("/api/auth/me/")
    assert me.status_code == 200
    assert me.json()["authenticated_via"] == password_strategy.name
    assert me.json()["mfa"] == {"enabled": True}


def test_an_mfa_token_gives_the_credential_of_its_own_login_only(
    password_strategy, start_login, user, other_user, enrol
):
    """Whatever the client hoped for, the answer is the credential of the login that asked."""
    enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, client, user).json()["mfa_token"]
    plain = start_login(password_strategy, APIClient(enforce_csrf_checks=True), other_user)

    response = verify(client, mfa_token, app_code(user))

    assert set(response.json()) == set(plain.json())
    assert ("sessionid" in response.cookies) == ("sessionid" in plain.cookies)


def test_an_mfa_token_works_once(password_strategy, start_login, user, enrol):
    codes = enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, client, user).json()["mfa_token"]
    assert verify(client, mfa_token, codes[0]).status_code == 200

    response = verify(APIClient(enforce_csrf_checks=True), mfa_token, codes[1])

    assert response.status_code == 401
    assert "mfa_token" in response.json()["detail"]


def test_a_wrong_code_is_refused_and_five_spend_the_token(
    password_strategy, start_login, user, enrol
):
    enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, client, user).json()["mfa_token"]
    now = timezone.now()

    for attempt in range(5):
        # Each guess after django-otp's back-off has passed, so only the token's limit counts.
        with time_machine.travel(now + timedelta(minutes=attempt / 2), tick=False):
            response = verify(
                client, mfa_token, "000000" if app_code(user) != "000000" else "111111"
            )
        assert response.status_code == 401
        assert response.json()["detail"] == "Invalid code."

    with time_machine.travel(now + timedelta(minutes=3), tick=False):
        assert verify(client, mfa_token, app_code(user)).status_code == 401
    assert not Challenge.objects.exists()


def test_a_code_works_once(password_strategy, start_login, user, enrol):
    enrol(user)
    code = app_code(user)
    first, second = APIClient(enforce_csrf_checks=True), APIClient(enforce_csrf_checks=True)
    first_token = start_login(password_strategy, first, user).json()["mfa_token"]
    second_token = start_login(password_strategy, second, user).json()["mfa_token"]
    assert verify(first, first_token, code).status_code == 200

    assert verify(second, second_token, code).status_code == 401


def test_an_expired_mfa_token_is_refused(password_strategy, start_login, user, enrol):
    codes = enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, client, user).json()["mfa_token"]

    with time_machine.travel(timezone.now() + timedelta(minutes=5, seconds=1)):
        response = verify(client, mfa_token, codes[0])

    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_recovery_code_works_once(password_strategy, start_login, user, enrol):
    codes = enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    first = start_login(password_strategy, client, user).json()["mfa_token"]
    # As people type it: lower case, without dashes.
    assert verify(client, first, codes[0].replace("-", "").lower()).status_code == 200

    client = APIClient(enforce_csrf_checks=True)
    second = start_login(password_strategy, client, user).json()["mfa_token"]
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        assert verify(client, second, codes[0]).status_code == 401
    assert RecoveryCode.objects.count() == 9


def test_wrong_codes_back_off_per_user(password_strategy, start_login, user, enrol):
    enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, client, user).json()["mfa_token"]
    wrong = "000000" if app_code(user) != "000000" else "111111"
    assert verify(client, mfa_token, wrong).status_code == 401

    # Even the right code waits for the back-off, from another login too.
    other = APIClient(enforce_csrf_checks=True)
    other_token = start_login(password_strategy, other, user).json()["mfa_token"]
    response = verify(other, other_token, app_code(user))

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1


def test_only_digests_are_stored(password_strategy, start_login, user, enrol):
    codes = enrol(user)
    mfa_token = start_login(password_strategy, APIClient(), user).json()["mfa_token"]

    assert Challenge.objects.get().digest == digest(mfa_token)
    stored = set(RecoveryCode.objects.values_list("digest", flat=True))
    assert not stored & set(codes)
    assert len(stored) == 10


def test_a_password_change_cancels_a_pending_login(password_strategy, start_login, user, enrol):
    codes = enrol(user)
    client = APIClient(enforce_csrf_checks=True)
    mfa_token = start_login(password_strategy, client, user).json()["mfa_token"]

    user.set_password("another-long-unusual-phrase")
    user.save()

    assert verify(client, mfa_token, codes[0]).status_code == 401


def test_the_second_factor_costs_a_login_one_query(
    password_strategy, start_login, user, monkeypatch
):
    def queries_of_a_login():
        with CaptureQueriesContext(connection) as queries:
            response = start_login(password_strategy, APIClient(), user)
        assert response.status_code == 200
        return len(queries)

    with_step = queries_of_a_login()
    monkeypatch.setattr(steps, "_steps", [])

    assert with_step == queries_of_a_login() + 1
