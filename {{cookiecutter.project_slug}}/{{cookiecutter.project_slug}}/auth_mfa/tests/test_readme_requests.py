"""The README's two-factor walkthrough for sessions, sent request for request.

The requests are read from the section's ``http`` blocks; the placeholders (codes, the
mfa_token) are filled in as a client would.
"""

import json
import re

from django.conf import settings
from rest_framework.test import APIClient

from .conftest import app_code

HTTP_BLOCK = re.compile(r"^```http\n(?P<request>.*?)^```$", re.MULTILINE | re.DOTALL)


def readme_requests():
    """(method, path, body) of each ``http`` block of the two-factor section."""
    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Two-factor authentication\n", 1)[1].split("\n## ", 1)[0]
    requests = []
    for block in HTTP_BLOCK.finditer(section):
        head, _, body = block["request"].partition("\n\n")
        method, path, _version = head.splitlines()[0].split()
        requests.append((method, path, json.loads(body) if body.strip() else {}))
    return requests


def signed_in(client, user, password):
    token = client.get("/api/auth/session/csrf/").json()["csrf_token"]
    response = client.post(
        "/api/auth/session/login/",
        {"username": user.username, "password": password},
        HTTP_X_CSRFTOKEN=token,
    )
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    return response


def send(client, request, **body):
    method, path, shown = request
    return getattr(client, method.lower())(path, {**shown, **body}, format="json")


def test_the_readme_walkthrough_turns_mfa_on_and_logs_in(user, password):
    setup, confirm, verify = readme_requests()
    client = APIClient(enforce_csrf_checks=True)
    assert signed_in(client, user, password).status_code == 200

    assert send(client, setup).status_code == 200
    confirmed = send(client, confirm, code=app_code(user, confirmed=False))
    assert confirmed.status_code == 201
    recovery_codes = confirmed.json()["recovery_codes"]

    browser = APIClient(enforce_csrf_checks=True)
    answer = signed_in(browser, user, password)
    assert answer.json()["mfa_required"] is True
    assert "sessionid" not in browser.cookies

    logged_in = send(browser, verify, mfa_token=answer.json()["mfa_token"], code=recovery_codes[0])

    assert logged_in.status_code == 200
    assert logged_in.json()["username"] == user.username
    assert browser.get("/api/auth/me/").json()["authenticated_via"] == "session"
