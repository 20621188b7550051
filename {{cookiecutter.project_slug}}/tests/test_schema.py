"""The OpenAPI schema is served, declares every enabled authentication scheme and documents
the error answers of each operation."""

import re

import pytest

ERROR = {"$ref": "#/components/schemas/Error"}


@pytest.fixture
def schema(api_client, db):
    response = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def responses(schema, path, method):
    return schema["paths"][path][method]["responses"]


def error_statuses(schema, path, method):
    """The statuses an operation declares with the ``Error`` body."""
    return {
        status
        for status, response in responses(schema, path, method).items()
        if response.get("content", {}).get("application/json", {}).get("schema") == ERROR
    }


def test_the_schema_declares_each_enabled_scheme(schema, enabled_strategies):
    schemes = schema["components"]["securitySchemes"]

    assert set(schemes) == {strategy.scheme for strategy in enabled_strategies.values()}


def test_the_docs_page_loads_nothing_from_another_site(api_client, db):
    response = api_client.get("/api/docs/")

    assert response.status_code == 200
    assert re.findall(rb"""(?:src|href)=["']?(?:https?:)?//""", response.content) == []


def test_the_schema_describes_the_error_shape(schema):
    error = schema["components"]["schemas"]["Error"]

    assert set(error["properties"]) == {"detail", "code", "errors"}
    assert set(error["required"]) == {"detail", "code"}


def test_operations_declare_their_error_answers(schema):
    assert "400" in error_statuses(schema, "/api/documents/", "post")
    assert "401" in error_statuses(schema, "/api/auth/me/", "get")
    assert "404" in error_statuses(schema, "/api/documents/{id}/", "get")
    assert {"400", "401", "404"} <= error_statuses(schema, "/api/documents/{id}/", "patch")
    assert "WWW-Authenticate" in responses(schema, "/api/auth/me/", "get")["401"]["headers"]


def test_errors_are_declared_only_where_they_can_happen(schema):
    # Reading oneself sends no body, names no object and needs nothing beyond being
    # authenticated.
    assert not {"400", "403", "404"} & error_statuses(schema, "/api/auth/me/", "get")


def test_declared_success_answers_are_kept(schema):
    assert "204" in responses(schema, "/api/documents/{id}/", "delete")
