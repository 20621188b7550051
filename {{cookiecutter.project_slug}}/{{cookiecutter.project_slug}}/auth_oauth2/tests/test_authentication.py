"""Calling the API with an OAuth2 access token: scopes, failures, cost, discovery."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from .clients import bearer, issue_token

ME_URL = "/api/auth/me/"
DOCUMENTS_URL = "/api/documents/"


@pytest.mark.parametrize(
    ("scope", "read", "write"),
    [("read", 200, 403), ("write", 403, 201), ("read write", 200, 201)],
)
def test_the_scopes_gate_safe_and_unsafe_methods(author, scope, read, write):
    client = bearer(issue_token(author, scope=scope))

    listed = client.get(DOCUMENTS_URL)
    created = client.post(DOCUMENTS_URL, {"title": "Scoped"})

    assert listed.status_code == read
    assert created.status_code == write
    if write == 403:
        assert created.json()["detail"] == "This token lacks the 'write' scope."


def test_a_read_token_cannot_change_or_delete(author, make_document):
    document = make_document(author)
    client = bearer(issue_token(author, scope="read"))
    url = f"{DOCUMENTS_URL}{document.pk}/"

    assert client.get(url).status_code == 200
    assert client.patch(url, {"title": "Changed"}).status_code == 403
    assert client.delete(url).status_code == 403
    document.refresh_from_db()
    assert document.title == "A document"


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Bearer not-a-token",
        "Bearer a b",
        "Bearer \u00e9\u00e8",
        "Bearer " + "x" * 5000,
        "bearer lowercase-scheme",
        "Bearer a.b.c",
    ],
)
def test_a_malformed_bearer_is_refused_never_a_crash(db, header):
    client = Client()

    response = client.get(ME_URL, HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert response.json()["detail"]


def test_an_inactive_user_token_is_refused(user):
    client = bearer(issue_token(user))
    user.is_active = False
    user.save()

    assert client.get(ME_URL).status_code == 401


def statements(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"].split()[0].upper() for query in queries]


def test_authenticating_costs_one_query_and_no_write(user):
    already_authenticated = APIClient()
    already_authenticated.force_authenticate(user)

    with_token = statements(bearer(issue_token(user)), ME_URL)

    # The token with its user and application, then what `me` itself reads.
    assert with_token == ["SELECT", *statements(already_authenticated, ME_URL)]
    assert set(with_token) == {"SELECT"}


def test_the_server_metadata_describes_what_is_served(db):
    response = Client().get("/.well-known/oauth-authorization-server")

    assert response.status_code == 200
    metadata = response.json()
    assert metadata["issuer"] == "http://testserver"
    assert metadata["authorization_endpoint"] == "http://testserver/o/authorize/"
    assert metadata["token_endpoint"] == "http://testserver/o/token/"
    assert metadata["revocation_endpoint"] == "http://testserver/o/revoke_token/"
    assert metadata["introspection_endpoint"] == "http://testserver/o/introspect/"
    assert metadata["response_types_supported"] == ["code"]
    assert set(metadata["grant_types_supported"]) == {
        "authorization_code",
        "client_credentials",
        "refresh_token",
    }
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert metadata["scopes_supported"] == ["read", "write"]
    assert metadata["authorization_response_iss_parameter_supported"] is True


def test_the_schema_declares_the_flows_and_scopes(user):
    schema = bearer(issue_token(user)).get("/api/schema/", HTTP_ACCEPT="application/json")

    scheme = schema.json()["components"]["securitySchemes"]["oauth2"]
    code_flow = scheme["flows"]["authorizationCode"]
    assert code_flow["authorizationUrl"] == "/o/authorize/"
    assert code_flow["tokenUrl"] == "/o/token/"
    assert set(code_flow["scopes"]) == {"read", "write"}
    assert scheme["flows"]["clientCredentials"]["tokenUrl"] == "/o/token/"
    documents = schema.json()["paths"]["/api/documents/"]
    assert {"oauth2": ["read"]} in documents["get"]["security"]
    assert {"oauth2": ["write"]} in documents["post"]["security"]


def test_swagger_ui_authorizes_with_pkce(user):
    page = bearer(issue_token(user)).get("/api/docs/")

    assert page.status_code == 200
    assert b'"usePkceWithAuthorizationCodeGrant": true' in page.content
    callback = Client().get("/api/docs/oauth2-redirect.html?code=abc&state=xyz")
    assert callback.status_code == 302
    assert "oauth2-redirect.html?code=abc&state=xyz" in callback["Location"]
