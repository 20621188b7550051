"""The token endpoint serves its grants only, and refuses the others before any check.

oauthlib checks a password grant's username and password through ``authenticate()``
before it refuses the grant, so a refusal that came after the check would tell a right
password from a wrong one to anyone holding a public client's id.
"""

import pytest
from django.contrib.auth.signals import user_login_failed
from django.test import Client

from .clients import TOKEN_URL, Application, basic, make_application

UNSUPPORTED = {"error": "unsupported_grant_type"}


@pytest.fixture(params=[Application.CLIENT_PUBLIC, Application.CLIENT_CONFIDENTIAL])
def application(request, other_user):
    """A client that asks for the password grant, public (its id only) or confidential."""
    return make_application(
        other_user, Application.GRANT_PASSWORD, client_type=request.param, redirect_uris=""
    )


def password_grant(application, username, password):
    fields = {"grant_type": "password", "username": username, "password": password}
    if application.client_type == Application.CLIENT_PUBLIC:
        return Client().post(TOKEN_URL, {**fields, "client_id": application.client_id})
    return Client().post(TOKEN_URL, fields, **basic(application))


def answer(response):
    return response.status_code, response["Content-Type"], response.content


def test_a_password_grant_answers_alike_whatever_the_password(application, user, password):
    right = password_grant(application, user.username, password)
    wrong = password_grant(application, user.username, "not-the-password")
    unknown = password_grant(application, "nobody-by-this-name", "not-the-password")

    assert answer(right) == answer(wrong) == answer(unknown)
    assert right.status_code == 400
    assert right.json() == UNSUPPORTED
    assert right["Cache-Control"] == "no-store"


def test_a_password_grant_checks_no_password(application, user):
    failures = []

    def count(sender, **kwargs):
        failures.append(kwargs["credentials"])

    user_login_failed.connect(count)
    try:
        password_grant(application, user.username, "not-the-password")
    finally:
        user_login_failed.disconnect(count)

    assert failures == []


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        pytest.param("", {}, id="no grant_type"),
        pytest.param("", {"grant_type": "implicit"}, id="implicit"),
        pytest.param("", {"grant_type": "urn:example:unknown"}, id="unknown"),
        pytest.param(
            "?grant_type=password", {"username": "alice", "password": "x"}, id="in the query"
        ),
        pytest.param(
            "?grant_type=password",
            {"grant_type": "client_credentials", "username": "alice", "password": "x"},
            id="twice",
        ),
    ],
)
def test_unserved_grants_are_refused_before_the_client_is_checked(other_user, query, fields):
    application = make_application(other_user, Application.GRANT_CLIENT_CREDENTIALS)
    wrong_secret = basic(application, secret="not-the-secret")

    response = Client().post(TOKEN_URL + query, fields, **wrong_secret)

    assert response.status_code == 400
    assert response.json() == UNSUPPORTED
