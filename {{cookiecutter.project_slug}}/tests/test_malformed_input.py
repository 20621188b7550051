"""Malformed input is the client's error: 400 or 404, never a 500.

The NUL cases matter on PostgreSQL, which refuses NUL in text and would fail the query;
the suite runs there when ``DATABASE_URL`` points to it. The cases are generated from the
OpenAPI schema, so every operation is covered, those added later included.
"""

import json
import re

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.parsers import NUL

PARSE_ERROR = "parse_error"
DEEP_JSON = "[" * 100_000
WRITES = {"post", "put", "patch"}


def openapi_schema():
    client = APIClient()
    return client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


def with_nul_in_path(path):
    return re.sub(r"\{\w+\}", f"x{NUL}y", path)


def headers_read(schema_operations, schemes):
    """Every request header the schema names, with those any credential or browser sends."""
    named = {scheme["name"] for scheme in schemes if scheme.get("in") == "header"}
    for _method, _path, operation in schema_operations:
        named.update(p["name"] for p in operation.get("parameters", []) if p["in"] == "header")
    return sorted(named | {"Authorization", "Cookie"})


def body_fields(operation):
    """The top-level fields of an operation's JSON request body, as the schema names them."""
    content = operation.get("requestBody", {}).get("content", {})
    return sorted(content.get("application/json", {}).get("schema", {}).get("properties", {}))


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        return openapi_schema()


@pytest.fixture(scope="module")
def schema_operations(schema):
    """(method, path template, operation) for every operation in the schema."""
    return [
        (method, path, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]


@pytest.fixture
def sign_in(author, enabled_strategies):
    """Return ``sign_in() -> APIClient``: a new client, signed in as a superuser author.

    Sign-ins are few (a strategy may cap its live credentials per user): one client serves
    every operation but those that end the sign-in (logouts), which get a new one.
    """
    password = "a-long-unusual-phrase"
    author.set_password(password)
    author.is_staff = author.is_superuser = True
    author.save()
    strategy = next(iter(enabled_strategies.values()))

    def signed_in_client():
        cache.clear()  # the rate-limit counters: this test signs in many times
        client = APIClient(enforce_csrf_checks=True)
        strategy.sign_in(client, author, password)
        return client

    return signed_in_client


@pytest.fixture
def client(sign_in):
    return sign_in()


def assert_refused(response, status, code=None):
    assert response.status_code == status, response.content
    if code is not None:
        assert response.json()["code"] == code


def test_deeply_nested_json_is_a_parse_error(client):
    response = client.post("/api/documents/", DEEP_JSON, content_type="application/json")

    assert_refused(response, 400, PARSE_ERROR)


@pytest.mark.parametrize("text", [NUL, f"a{NUL}b", f"\\u0000{NUL}"])
def test_a_nul_character_anywhere_in_json_is_a_parse_error(client, text):
    for body in ({"title": text}, {text: "title"}, [[{"title": [text]}]]):
        response = client.post("/api/documents/", body, format="json")

        assert_refused(response, 400, PARSE_ERROR)


def test_an_escaped_backslash_before_u0000_is_no_nul(client):
    response = client.post("/api/documents/", {"title": "C:\\u0000"}, format="json")

    assert response.status_code == 201, response.content


def test_a_nul_in_any_header_the_api_reads_is_a_bad_request(db, schema, schema_operations):
    """Credentials among them: a client sending none, so that the header sent is the one read."""
    headers = headers_read(schema_operations, schema["components"]["securitySchemes"].values())
    answers = {}
    for header in headers:
        meta = f"HTTP_{header.upper().replace('-', '_')}"
        response = APIClient().get("/api/documents/", **{meta: f"ab{NUL}cd.efgh"})
        answers[header] = (response.status_code, response.json()["code"])

    assert set(answers.values()) == {(400, "bad_request")}, answers


@pytest.mark.parametrize("query", ["page=%00", "title=a%00b", "a%00b=1"])
def test_a_nul_in_the_query_string_is_a_bad_request(client, query):
    response = client.get(f"/api/documents/?{query}")

    assert_refused(response, 400, "bad_request")


def test_every_operation_answers_404_to_a_nul_in_its_path(client, schema_operations):
    answers = {
        (method, path): client.generic(method.upper(), with_nul_in_path(path)).status_code
        for method, path, _operation in schema_operations
        if "{" in path
    }

    assert answers
    assert set(answers.values()) == {404}, answers


def test_every_request_body_refuses_a_nul_or_deep_json(sign_in, schema_operations):
    """Each answer is a parse error, or a refusal made before the body was read."""
    answers = {}
    shared = sign_in()
    for method, path, operation in schema_operations:
        if method not in WRITES or "requestBody" not in operation:
            continue
        client = sign_in() if "logout" in path else shared
        url = path.replace("{", "").replace("}", "")
        bodies = {field: json.dumps({field: NUL}) for field in body_fields(operation)}
        for name, body in {**bodies, "deep": DEEP_JSON}.items():
            response = client.generic(method.upper(), url, body, "application/json")
            code = response.json()["code"] if response.status_code == 400 else None
            answers[method, path, name] = (response.status_code, code)

    assert answers
    assert set(answers.values()) <= {(400, PARSE_ERROR), (403, None), (404, None)}, answers
