"""OAuth2 clients as the tests need them: applications, tokens, PKCE pairs."""

import base64
import hashlib
import secrets
from datetime import timedelta
from urllib.parse import parse_qsl, urlsplit

from django.test import Client
from django.utils import timezone
from oauth2_provider.models import get_access_token_model, get_application_model, set_token_value
from oauthlib.common import generate_token
from rest_framework.test import APIClient

AccessToken = get_access_token_model()
Application = get_application_model()

LOGIN_URL = "/o/login/"
AUTHORIZE_URL = "/o/authorize/"
TOKEN_URL = "/o/token/"
REVOKE_URL = "/o/revoke_token/"
INTROSPECT_URL = "/o/introspect/"
REDIRECT_URI = "https://client.example.com/callback"
CLIENT_SECRET = "a-client-secret-only-the-tests-know"


def make_application(user, grant=Application.GRANT_AUTHORIZATION_CODE, **fields):
    """An application owned by ``user``: confidential, with ``CLIENT_SECRET`` as secret."""
    fields.setdefault("client_type", Application.CLIENT_CONFIDENTIAL)
    if grant == Application.GRANT_AUTHORIZATION_CODE:
        fields.setdefault("redirect_uris", REDIRECT_URI)
    return Application.objects.create(
        name="Example client",
        user=user,
        authorization_grant_type=grant,
        client_secret=CLIENT_SECRET,
        **fields,
    )


def issue_token(user, scope="read write", application=None, expires_in=timedelta(minutes=10)):
    """A raw access token, stored as the server stores it: its checksum only."""
    token = AccessToken(
        user=user,
        application=application or make_application(user),
        scope=scope,
        expires=timezone.now() + expires_in,
    )
    raw = generate_token()
    set_token_value(token, raw)
    token.save()
    return raw


def bearer(token):
    """A client that sends ``token`` with every request."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def pkce_pair():
    """``(verifier, S256 challenge)`` as RFC 7636 defines them."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class Browser:
    """A user agent on the authorization pages: cookies, CSRF tokens in forms, redirects."""

    def __init__(self):
        self.client = Client(enforce_csrf_checks=True)

    def form_token(self, url):
        self.client.get(url)
        return self.client.cookies["csrftoken"].value

    def sign_in(self, username, password, next_url=""):
        """Post the login form; the response redirects to ``next_url`` on success."""
        return self.client.post(
            LOGIN_URL,
            {
                "username": username,
                "password": password,
                "next": next_url,
                "csrfmiddlewaretoken": self.form_token(LOGIN_URL),
            },
        )

    def authorize(self, application, challenge, allow=True, **params):
        """Ask for a code as a client would, and answer the consent form.

        Returns the final response: a redirect to the client (with a code or an error),
        or the page shown instead.
        """
        query = {
            "response_type": "code",
            "client_id": application.client_id,
            "redirect_uri": REDIRECT_URI,
            "scope": "read write",
            "state": "client-state",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            **params,
        }
        query = {name: value for name, value in query.items() if value is not None}
        page = self.client.get(AUTHORIZE_URL, query)
        if page.status_code != 200 or "form" not in page.context:
            return page
        form = {
            name: value for name, value in page.context["form"].initial.items() if value is not None
        }
        if allow:
            form["allow"] = "Authorize"
        form["csrfmiddlewaretoken"] = self.client.cookies["csrftoken"].value
        return self.client.post(AUTHORIZE_URL, form)


def redirect_params(response):
    """The query of the redirect back to the client."""
    assert response.status_code == 302, response.content
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT_URI
    return dict(parse_qsl(location.query))


def exchange(code, verifier, application, **fields):
    """The token endpoint's answer to an authorization code."""
    return Client().post(
        TOKEN_URL,
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
            "client_id": application.client_id,
            "client_secret": CLIENT_SECRET,
            "code_verifier": verifier,
            **fields,
        },
    )


def basic(application, secret=CLIENT_SECRET):
    """The HTTP Basic header a confidential client authenticates with."""
    credentials = base64.b64encode(f"{application.client_id}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {credentials}"}


def client_credentials(application, secret=CLIENT_SECRET, **fields):
    """The token endpoint's answer to the client credentials grant."""
    return Client().post(
        TOKEN_URL, {"grant_type": "client_credentials", **fields}, **basic(application, secret)
    )


def refresh(application, refresh_token):
    """The token endpoint's answer to a refresh."""
    return Client().post(
        TOKEN_URL,
        {"grant_type": "refresh_token", "refresh_token": refresh_token},
        **basic(application),
    )
