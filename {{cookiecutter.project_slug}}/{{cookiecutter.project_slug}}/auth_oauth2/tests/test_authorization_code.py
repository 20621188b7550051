"""The authorization code grant with PKCE, as a client and a user in a browser run it."""

import pytest
from oauth2_provider.models import get_grant_model

from .clients import (
    AUTHORIZE_URL,
    LOGIN_URL,
    REDIRECT_URI,
    Browser,
    bearer,
    exchange,
    make_application,
    pkce_pair,
    redirect_params,
)

ME_URL = "/api/auth/me/"


@pytest.fixture
def application(other_user):
    """A confidential client registered by someone other than the signing-in user."""
    return make_application(other_user)


@pytest.fixture
def browser(user, password):
    """A browser whose user is signed in to the authorization server."""
    browser = Browser()
    assert browser.sign_in(user.username, password).status_code == 302
    return browser


def test_the_full_flow_gives_a_token_that_calls_the_api(user, password, application):
    verifier, challenge = pkce_pair()
    browser = Browser()

    asked = browser.authorize(application, challenge)
    assert asked.status_code == 302
    assert asked["Location"].startswith(f"{LOGIN_URL}?next=")
    assert browser.sign_in(user.username, password, asked["Location"].split("next=")[1])[
        "Location"
    ].startswith(AUTHORIZE_URL)
    params = redirect_params(browser.authorize(application, challenge))
    assert params["state"] == "client-state"
    assert params["iss"] == "http://testserver"

    response = exchange(params["code"], verifier, application)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert set(body["scope"].split()) == {"read", "write"}
    assert body["refresh_token"]
    me = bearer(body["access_token"]).get(ME_URL)
    assert me.status_code == 200
    assert me.json()["username"] == user.username
    assert me.json()["authenticated_via"] == "oauth2"


def test_the_consent_page_names_the_application_and_the_scopes(browser, application):
    _verifier, challenge = pkce_pair()
    page = browser.client.get(
        AUTHORIZE_URL,
        {
            "response_type": "code",
            "client_id": application.client_id,
            "redirect_uri": REDIRECT_URI,
            "scope": "read write",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        },
    )

    assert page.status_code == 200
    html = page.content.decode()
    assert f"Authorize {application.name}?" in html
    assert "Read your data" in html
    assert "Change your data" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert page["X-Frame-Options"] == "DENY"


def test_denying_sends_the_client_an_error_and_no_code(browser, application):
    _verifier, challenge = pkce_pair()

    params = redirect_params(browser.authorize(application, challenge, allow=False))

    assert params["error"] == "access_denied"
    assert params["iss"] == "http://testserver"
    assert "code" not in params
    assert not get_grant_model().objects.exists()


def test_the_consent_form_needs_its_csrf_token(browser, application):
    _verifier, challenge = pkce_pair()
    browser.client.cookies.pop("csrftoken")

    response = browser.client.post(
        AUTHORIZE_URL,
        {
            "client_id": application.client_id,
            "redirect_uri": REDIRECT_URI,
            "response_type": "code",
            "scope": "read write",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "allow": "Authorize",
        },
    )

    assert response.status_code == 403
    assert not get_grant_model().objects.exists()


def test_the_login_form_needs_its_csrf_token(user, password):
    browser = Browser()

    response = browser.client.post(LOGIN_URL, {"username": user.username, "password": password})

    assert response.status_code == 403
    assert "_auth_user_id" not in browser.client.session


def test_a_wrong_password_shows_the_form_again(user):
    browser = Browser()

    response = browser.sign_in(user.username, "wrong-password", AUTHORIZE_URL)

    assert response.status_code == 200
    assert b'role="alert"' in response.content
    assert "_auth_user_id" not in browser.client.session


def test_login_sends_the_user_back_only_to_this_site(user, password):
    response = Browser().sign_in(user.username, password, "https://evil.example.com/")

    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example.com")


@pytest.mark.parametrize(
    "pkce",
    [
        pytest.param({"code_challenge": None, "code_challenge_method": None}, id="missing"),
        pytest.param({"code_challenge_method": "plain"}, id="plain"),
    ],
)
def test_a_request_without_s256_pkce_gets_no_code(browser, application, pkce):
    verifier, challenge = pkce_pair()
    if pkce.get("code_challenge_method") == "plain":
        pkce["code_challenge"] = verifier

    params = redirect_params(browser.authorize(application, challenge, **pkce))

    assert params["error"] == "invalid_request"
    assert params["iss"] == "http://testserver"
    assert "code" not in params
    assert not get_grant_model().objects.exists()


def test_a_wrong_verifier_gets_no_token(browser, application):
    _verifier, challenge = pkce_pair()
    params = redirect_params(browser.authorize(application, challenge))
    other_verifier, _challenge = pkce_pair()

    response = exchange(params["code"], other_verifier, application)

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    assert "access_token" not in response.json()


def test_a_code_works_once(browser, application):
    verifier, challenge = pkce_pair()
    code = redirect_params(browser.authorize(application, challenge))["code"]
    assert exchange(code, verifier, application).status_code == 200

    replayed = exchange(code, verifier, application)

    assert replayed.status_code == 400
    assert replayed.json()["error"] == "invalid_grant"


def test_a_redirect_uri_that_is_not_registered_is_never_redirected_to(browser, application):
    _verifier, challenge = pkce_pair()

    response = browser.authorize(
        application, challenge, redirect_uri="https://client.example.com/callback/../evil"
    )

    assert response.status_code == 400
    assert "Location" not in response
    assert not get_grant_model().objects.exists()


def test_the_code_exchange_needs_the_same_redirect_uri(browser, application):
    verifier, challenge = pkce_pair()
    code = redirect_params(browser.authorize(application, challenge))["code"]

    response = exchange(
        code, verifier, application, redirect_uri="https://client.example.com/other"
    )

    assert response.status_code == 400
    assert "access_token" not in response.json()


def test_a_public_client_exchanges_its_code_with_pkce_alone(browser, other_user):
    application = make_application(other_user, client_type="public")
    verifier, challenge = pkce_pair()
    code = redirect_params(browser.authorize(application, challenge))["code"]

    response = exchange(code, verifier, application, client_secret="")

    assert response.status_code == 200, response.content


def test_a_code_lives_a_minute_bound_to_its_s256_challenge(browser, application):
    _verifier, challenge = pkce_pair()
    redirect_params(browser.authorize(application, challenge))

    grant = get_grant_model().objects.get()

    assert grant.code_challenge_method == "S256"
    assert (grant.expires - grant.created).total_seconds() <= 61
