"""Every test swept: no event it recorded holds a secret it sent or was sent.

While a test runs, the test clients' traffic is watched for secrets: the values of the
fields and headers whose names say they hold one (a password, a token, a key, a code, a
client secret), the credentials of ``Authorization`` headers, the cookie of a sign-in and the
parameters of redirects. Every event recorded meanwhile, whatever the sink, is then
searched for each of them; one found fails the test that recorded it.
"""

import base64
import binascii
import contextlib
import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from {{ cookiecutter.project_slug }}.audit import recorder

# Fields and headers whose values are secrets, by what their names say: passwords, tokens
# (access and refresh ones too), keys, codes, client secrets. An answer's ``code`` is an
# error code, not a secret.
SECRET_NAME = re.compile(r"pass|secret|token|key|code|access|refresh", re.IGNORECASE)
ERROR_CODE = "code"
# The parts of a multipart body (Django's test client posts forms so).
MULTIPART_PART = re.compile(r'name="([^"]+)"\r\n\r\n(.*?)\r\n--', re.DOTALL)
# Shorter values (an empty field, a short wrong guess) would match by chance.
MIN_LENGTH = 6
# Fields of an event that cannot hold a secret and are left out of the search.
GENERATED_FIELDS = ("id", "occurred_at", "request_id")


class Secrets:
    """The secrets seen in a test's traffic."""

    def __init__(self):
        self.values = set()

    def add(self, value):
        if isinstance(value, list | tuple):
            for item in value:
                self.add(item)
        elif isinstance(value, str) and len(value) >= MIN_LENGTH:
            self.values.add(value)

    def add_fields(self, data, answer=False):
        """The secret fields of parsed JSON or form data, however deeply nested."""
        pending = [data]
        while pending:
            item = pending.pop()
            if isinstance(item, dict):
                for name, value in item.items():
                    if SECRET_NAME.search(name) and not (answer and name == ERROR_CODE):
                        self.add(value)
                    pending.append(value)
            elif isinstance(item, list):
                pending.extend(item)

    def add_body(self, body, answer=False):
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        if not isinstance(body, str) or not body:
            return
        try:
            self.add_fields(json.loads(body), answer)
        except (ValueError, RecursionError):
            self.add_fields(dict(parse_qsl(body)), answer)
            self.add_fields(dict(MULTIPART_PART.findall(body)), answer)

    def add_credential(self, value):
        scheme, _, credential = str(value).partition(" ")
        if not credential:
            self.add(scheme)
            return
        self.add(credential)
        if scheme.lower() == "basic":
            with contextlib.suppress(binascii.Error, UnicodeDecodeError):
                # client_id:client_secret; the id is not a secret.
                self.add(base64.b64decode(credential).decode().partition(":")[2])

    def add_request(self, headers):
        """The credentials in headers: ``Authorization``, and any named like a secret."""
        for name, value in headers.items():
            if name.lower() in ("http_authorization", "authorization") or SECRET_NAME.search(name):
                self.add_credential(value)

    def add_response(self, response):
        if not response.streaming:
            self.add_body(response.content, answer=True)
        location = response.get("Location", "")
        self.add_fields(dict(parse_qsl(urlsplit(location).query)))
        self.add_fields(dict(parse_qsl(urlsplit(location).fragment)))
        cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
        if cookie is not None:
            self.add(cookie.value)

    def found_in(self, event):
        text = json.dumps(
            {name: value for name, value in event.items() if name not in GENERATED_FIELDS},
            default=str,
        )
        return sorted(secret for secret in self.values if secret in text)


@pytest.fixture(autouse=True)
def _no_secret_is_recorded(monkeypatch):
    secrets = Secrets()
    written = []
    generic, request, write = RequestFactory.generic, Client.request, recorder.write

    def watched_generic(self, method, path, data="", *args, headers=None, **extra):
        secrets.add_body(data)
        secrets.add_fields(dict(parse_qsl(urlsplit(path).query)))
        secrets.add_request(headers or {})
        secrets.add_request(extra)
        return generic(self, method, path, data, *args, headers=headers, **extra)

    def watched_request(self, **environ):
        secrets.add_request(environ)
        response = request(self, **environ)
        secrets.add_response(response)
        return response

    def watched_write(entries):
        written.extend(entries)
        write(entries)

    monkeypatch.setattr(RequestFactory, "generic", watched_generic)
    monkeypatch.setattr(Client, "request", watched_request)
    monkeypatch.setattr(recorder, "write", watched_write)
    yield
    leaks = [(entry["event"], secrets.found_in(entry)) for entry in written]
    assert [leak for leak in leaks if leak[1]] == [], "an event holds a secret"
