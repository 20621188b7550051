def test_the_schema_documents_the_role_endpoints(api_client, db):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    assert {
        "/api/rbac/roles/",
        "/api/rbac/roles/{name}/",
        "/api/rbac/assignments/",
        "/api/rbac/assignments/{id}/",
    } <= set(schema["paths"])
