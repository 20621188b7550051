def test_the_schema_documents_the_tenant_header_and_endpoints(api_client, db):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    paths = schema["paths"]
    for operation in [*paths["/api/documents/"].values(), *paths["/api/documents/{id}/"].values()]:
        assert "X-Tenant" in [p["name"] for p in operation["parameters"] if p["in"] == "header"]
    assert {"/api/tenants/", "/api/tenants/{tenant_slug}/members/{username}/"} <= set(paths)
