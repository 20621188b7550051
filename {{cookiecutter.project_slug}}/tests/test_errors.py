"""Errors answer JSON and never leak internals."""

import pytest

from {{ cookiecutter.project_slug }}.documents.views import DocumentViewSet


def test_unknown_urls_answer_json_404(api_client, db):
    response = api_client.get("/api/nowhere/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


def test_a_crash_answers_a_bare_json_500(login, author, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("secret detail: /srv/app/settings.py SELECT password FROM users")

    monkeypatch.setattr(DocumentViewSet, "list", crash)
    client = login(author)
    client.raise_request_exception = False

    response = client.get("/api/documents/")

    assert response.status_code == 500
    assert response.json() == {"error": "Server Error (500)"}
    assert b"secret" not in response.content
    assert b"Traceback" not in response.content


@pytest.mark.parametrize(
    ("body", "content_type"),
    [("{not json", "application/json"), ("title=x", "application/x-www-form-urlencoded")],
)
def test_malformed_or_unsupported_bodies_are_refused(login, author, body, content_type):
    response = login(author).post("/api/documents/", body, content_type=content_type)

    assert response.status_code in (400, 415)
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer x y z", "Basic !!!", "Token", "\u00e9\u00e9", "Bearer " + "x" * 10000],
)
def test_malformed_authorization_headers_answer_401(api_client, db, header):
    response = api_client.get("/api/auth/me/", HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
