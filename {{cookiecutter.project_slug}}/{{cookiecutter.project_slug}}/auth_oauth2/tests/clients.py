"""OAuth2 clients as the tests need them: applications, tokens, PKCE pairs."""

import base64
import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone
from oauth2_provider.models import get_access_token_model, get_application_model, set_token_value
from oauthlib.common import generate_token
from rest_framework.test import APIClient

AccessToken = get_access_token_model()
Application = get_application_model()

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
