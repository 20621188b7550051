"""What every event carries, when it is written, and what is never written."""

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from {{ cookiecutter.project_slug }}.audit import recorder


def admin_login(username, password, **environ):
    client = Client(**environ)
    response = client.post(reverse("admin:login"), {"username": username, "password": password})
    return client, response


def test_a_plain_read_records_nothing_and_writes_nothing(strategy, login, author, recorded):
    client = login(author)
    before = recorded()

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/auth/me/").status_code == 200
        assert client.get("/api/documents/").status_code == 200

    assert [query["sql"] for query in queries if not query["sql"].startswith("SELECT")] == []
    assert recorded() == before


def test_document_changes_are_recorded_with_who_how_and_which_fields(
    strategy, login, author, recorded
):
    client = login(author)

    created = client.post("/api/documents/", {"title": "Plans", "body": "Kept out of the record."})
    url = f"/api/documents/{created.json()['id']}/"
    updated = client.patch(url, {"title": "Plans", "body": "Changed, and kept out too."})
    deleted = client.delete(url)

    assert (created.status_code, updated.status_code, deleted.status_code) == (201, 200, 204)
    events = [event for event in recorded() if event["event"].startswith("document.")]
    assert [event["event"] for event in events] == [
        "document.created",
        "document.updated",
        "document.deleted",
    ]
    for event, response in zip(events, [created, updated, deleted], strict=True):
        assert event["actor"] == str(author.pk)
        assert event["actor_username"] == "alice"
        assert event["strategy"] == strategy.name
        assert event["ip"] == "127.0.0.1"
        assert event["request_id"] == response["X-Request-ID"]
        assert event["target_type"] == "documents.document"
        assert event["target_id"] == created.json()["id"]
    assert events[1]["details"] == {"fields": ["body"]}
    assert "kept out" not in json.dumps(events).lower()


def test_a_failed_admin_login_names_the_username_never_the_password(user, recorded):
    _client, response = admin_login("alice", "not-the-password")

    assert response.status_code == 200
    [event] = recorded("login.failed")
    assert event["actor"] is None
    assert event["strategy"] == "admin"
    assert event["details"] == {"username": "alice", "reason": "invalid_credentials"}


def test_an_admin_login_and_logout_are_recorded(admin_user, password, recorded):
    client, response = admin_login("root", password)
    assert response.status_code == 302
    assert client.post(reverse("admin:logout")).status_code == 200

    assert [(event["event"], event["actor_username"]) for event in recorded()] == [
        ("login.succeeded", "root"),
        ("logout", "root"),
    ]
    assert recorded("login.succeeded")[0]["strategy"] == "admin"


def test_the_client_ip_is_the_peer_when_no_proxy_is_trusted(user, recorded):
    admin_login("alice", "wrong", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert recorded("login.failed")[0]["ip"] == "10.0.0.1"


def test_the_client_ip_is_what_the_trusted_proxy_saw(settings, user, recorded):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}

    admin_login(
        "alice", "wrong", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9"
    )

    # The proxy appended the address it saw; what came before it, the client wrote.
    assert recorded("login.failed")[0]["ip"] == "203.0.113.9"


def test_a_request_id_from_the_proxy_is_kept_and_returned(user, recorded):
    _client, response = admin_login("alice", "wrong", HTTP_X_REQUEST_ID="edge-4f2a.17")

    assert response["X-Request-ID"] == "edge-4f2a.17"
    assert recorded("login.failed")[0]["request_id"] == "edge-4f2a.17"


def test_a_malformed_request_id_is_replaced(user, recorded):
    _client, response = admin_login("alice", "wrong", HTTP_X_REQUEST_ID="two words")

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert recorded("login.failed")[0]["request_id"] == response["X-Request-ID"]


@pytest.mark.urls("{{ cookiecutter.project_slug }}.audit.tests.urls")
def test_a_refused_request_is_recorded(strategy, login, user, recorded):
    response = login(user).get("/api/tests/refused/")

    assert response.status_code == 403
    [event] = recorded("permission.denied")
    assert (event["actor_username"], event["strategy"]) == ("alice", strategy.name)
    assert event["details"] == {"method": "GET", "path": "/api/tests/refused/"}


@pytest.mark.urls("{{ cookiecutter.project_slug }}.audit.tests.urls")
def test_a_too_many_requests_answer_is_recorded(client, db, recorded):
    response = client.get("/api/tests/throttled/")

    assert response.status_code == 429
    [event] = recorded("request.throttled")
    assert event["actor"] is None
    assert event["details"] == {"method": "GET", "path": "/api/tests/throttled/"}


def test_a_failing_sink_never_breaks_the_request(monkeypatch, caplog, login, strategy, author):
    class BrokenSink:
        def write(self, entries):
            raise ConnectionError("the sink is down")

    monkeypatch.setattr(recorder, "sink", BrokenSink)

    response = login(author).post("/api/documents/", {"title": "Still saved"})

    assert response.status_code == 201
    assert "Could not record 1 audit events." in caplog.text


def test_outside_a_request_an_event_is_written_at_once_without_secret_details(db, recorded):
    recorder.record("shell.test", reason="checked", password="hunter2-hunter2", access_key="k" * 40)

    [event] = recorded("shell.test")
    assert event["details"] == {"reason": "checked"}
    assert (event["request_id"], event["ip"], event["actor"]) == ("", None, None)
