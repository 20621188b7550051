"""The OpenAPI schema is served and declares every enabled authentication scheme."""

SCHEME_NAMES = {
    "session": "cookieAuth",
    "token": "knoxApiToken",
    "jwt": "jwtAuth",
    "api_key": "apiKeyAuth",
}


def test_the_schema_declares_each_enabled_scheme(api_client, db, enabled_strategies):
    response = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    schemes = response.json()["components"]["securitySchemes"]
    assert set(schemes) == {SCHEME_NAMES[name] for name in enabled_strategies}


def test_the_docs_page_is_served_without_a_cdn(api_client, db):
    response = api_client.get("/api/docs/")

    assert response.status_code == 200
    assert b"cdn" not in response.content.lower()
