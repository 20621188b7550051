"""Only configured origins get CORS headers, only on the API, and credentials are allowed
only when the API authenticates browsers by a cookie."""

import pytest
from django.conf import settings

ALLOWED = "https://app.example.com"


@pytest.fixture
def preflight(api_client):
    def send(path, origin, headers="content-type"):
        return api_client.options(
            path,
            HTTP_ORIGIN=origin,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
        )

    return send


def test_an_allowed_origin_gets_cors_headers(preflight, enabled_strategies):
    assert ALLOWED in settings.CORS_ALLOWED_ORIGINS

    response = preflight("/api/documents/", ALLOWED)

    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert (response.get("Access-Control-Allow-Credentials") == "true") == (
        "session" in enabled_strategies
    )


def headers_clients_send(schema):
    """The request headers the OpenAPI schema tells clients to send, lowercased."""
    schemes = schema["components"]["securitySchemes"].values()
    operations = [op for operations in schema["paths"].values() for op in operations.values()]
    return {
        *(scheme["name"].lower() for scheme in schemes if scheme.get("in") == "header"),
        *(
            parameter["name"].lower()
            for operation in operations
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "header"
        ),
    }


def test_a_browser_may_send_every_header_the_api_reads(api_client, preflight, db):
    """Without it, a browser app could not send the credential or the header it needs."""
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    wanted = headers_clients_send(schema.json()) | {"authorization", "content-type"}

    response = preflight("/api/documents/", ALLOWED, headers=", ".join(sorted(wanted)))

    allowed = {header.strip() for header in response["Access-Control-Allow-Headers"].split(",")}
    assert wanted <= allowed


@pytest.mark.parametrize("origin", ["https://evil.example.com", "null", "http://app.example.com"])
def test_other_origins_get_no_cors_headers(preflight, origin):
    response = preflight("/api/documents/", origin)

    assert "Access-Control-Allow-Origin" not in response


def test_paths_outside_the_api_get_no_cors_headers(preflight):
    response = preflight("/admin/login/", ALLOWED)

    assert "Access-Control-Allow-Origin" not in response


def test_simple_requests_from_an_allowed_origin_are_marked(api_client, db):
    response = api_client.get("/api/auth/me/", HTTP_ORIGIN=ALLOWED)

    assert response.status_code == 401
    assert response["Access-Control-Allow-Origin"] == ALLOWED


def test_error_pages_from_outside_the_api_views_keep_their_cors_headers(api_client, db):
    response = api_client.get("/api/nowhere/", HTTP_ORIGIN=ALLOWED)

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response["Access-Control-Allow-Origin"] == ALLOWED
