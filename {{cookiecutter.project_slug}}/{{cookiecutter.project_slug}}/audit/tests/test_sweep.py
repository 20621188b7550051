"""The secret sweep finds a secret sent or answered, wherever an event would hold it."""

import json

from {{ cookiecutter.project_slug }}.audit.tests.sweep import Secrets

EVENT = {"id": "1", "event": "login.failed", "details": {"username": "alice"}}


def test_a_secret_sent_in_a_body_or_a_header_is_found():
    secrets = Secrets()
    secrets.add_body(json.dumps({"username": "alice", "password": "hunter2-and-more"}))
    secrets.add_request({"HTTP_AUTHORIZATION": "Bearer eyJ.an-access-token"})

    leaked = {**EVENT, "details": {"username": "hunter2-and-more", "note": "eyJ.an-access-token"}}

    assert secrets.found_in(EVENT) == []
    assert secrets.found_in(leaked) == ["eyJ.an-access-token", "hunter2-and-more"]


def test_a_secret_answered_is_found_but_not_an_error_code():
    secrets = Secrets()
    secrets.add_body(json.dumps({"token": "a-token-answered-once"}), answer=True)
    secrets.add_body(json.dumps({"detail": "No.", "code": "permission_denied"}), answer=True)

    assert secrets.found_in({**EVENT, "details": {"reason": "permission_denied"}}) == []
    assert secrets.found_in({**EVENT, "details": {"x": "a-token-answered-once"}}) != []
