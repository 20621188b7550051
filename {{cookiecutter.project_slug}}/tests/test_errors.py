"""Every error under /api/ answers one JSON shape, DEBUG or not, and never leaks internals."""

import pytest

from {{ cookiecutter.project_slug }}.documents.views import DocumentViewSet

ME_URL = "/api/auth/me/"
DOCUMENTS_URL = "/api/documents/"
SECRET = "secret detail: /srv/app/settings.py SELECT password FROM users_user"


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def debug(request, settings):
    """Run the test with DEBUG off, then on: Django's detailed pages must not show."""
    settings.DEBUG = request.param


def error(response, status):
    """The body of a JSON error answer, checked for its status and its keys."""
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "code"}
    return body


def test_unknown_urls_answer_json_404(api_client, db, debug):
    response = api_client.get("/api/nowhere/")

    assert error(response, 404) == {"detail": "Not found.", "code": "not_found"}


def test_a_crash_answers_json_500_and_is_logged(login, author, debug, monkeypatch, caplog):
    def crash(*args, **kwargs):
        raise RuntimeError(SECRET)

    monkeypatch.setattr(DocumentViewSet, "list", crash)
    client = login(author)
    client.raise_request_exception = False

    response = client.get(DOCUMENTS_URL)

    assert error(response, 500) == {"detail": "A server error occurred.", "code": "server_error"}
    assert b"secret" not in response.content
    assert b"Traceback" not in response.content
    [record] = [r for r in caplog.records if r.name == "django.request" and r.levelname == "ERROR"]
    assert record.exc_info[0] is RuntimeError


def test_a_bad_host_header_answers_json_400(api_client, db, debug):
    response = api_client.get(ME_URL, HTTP_HOST="evil.example")

    assert error(response, 400) == {"detail": "Bad request.", "code": "bad_request"}
    assert b"evil" not in response.content


def test_pages_outside_the_api_keep_djangos_html(api_client, db):
    response = api_client.get("/nowhere/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_views_rendering_another_format_answer_json_errors(api_client, db, debug):
    response = api_client.post("/api/docs/")  # an HTML page

    assert error(response, 405)["code"] == "method_not_allowed"
    assert response["X-Frame-Options"] == "DENY"  # the other middleware's headers stay


def test_unsupported_methods_answer_405(login, author):
    response = login(author).delete(ME_URL)

    assert error(response, 405) == {
        "detail": 'Method "DELETE" not allowed.',
        "code": "method_not_allowed",
    }
    assert "GET" in response["Allow"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        ("{not json", "application/json", 400, "parse_error"),
        ("title=x", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ],
)
def test_malformed_or_unsupported_bodies_are_refused(
    login, author, body, content_type, status, code
):
    response = login(author).post(DOCUMENTS_URL, body, content_type=content_type)

    assert error(response, status)["code"] == code


def test_invalid_input_answers_the_errors_of_each_field(login, author):
    response = login(author).post(DOCUMENTS_URL, {"title": "", "body": ["x"]})

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "code": "invalid",
        "errors": {"title": ["This field may not be blank."], "body": ["Not a valid string."]},
    }


def test_errors_about_the_whole_body_are_non_field_errors(login, author):
    response = login(author).post(DOCUMENTS_URL, "[1, 2]", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "non_field_errors": ["Invalid data. Expected a dictionary, but got list."]
    }


def test_missing_credentials_answer_401_with_a_challenge(api_client, db):
    response = api_client.get(ME_URL)

    assert error(response, 401) == {
        "detail": "Authentication credentials were not provided.",
        "code": "not_authenticated",
    }
    assert response["WWW-Authenticate"]


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer x y z", "Basic !!!", "Token", "\u00e9\u00e9", "Bearer " + "x" * 10000],
)
def test_malformed_authorization_headers_answer_401(api_client, db, header):
    response = api_client.get(ME_URL, HTTP_AUTHORIZATION=header)

    error(response, 401)
