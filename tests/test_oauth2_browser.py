"""The OAuth2 authorization pages work in a real browser, with JavaScript turned off.

A project with ``auth_oauth2`` serves itself with ``manage.py runserver`` (the local
settings, which allow http callbacks) in the shared environment of ``project_python``.
Debian's Chromium, driven by Playwright with JavaScript disabled, opens the authorization
URL of a public application, is sent to the sign-in form, mistypes the password (the form
comes back with an error, and the browser goes nowhere else), signs in, approves the
consent page and is sent to the application's callback with a code. The test then trades
the code for a token, as the application would, and calls the API with it.

Without Chromium at ``/usr/bin/chromium`` or the ``playwright`` package the test is
skipped, unless ``TEMPLATE_TESTS_REQUIRE_BROWSER=1`` (set by ``.ci/run`` where Chromium
is there or can be installed) makes that a failure.
"""

import base64
import contextlib
import hashlib
import http.client
import json
import re
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.support import CHROMIUM
from tooling.combinations import default_combination
from tooling.commands import describe, isolated_environ, run, stop_process_group
from tooling.template import bake

pytestmark = pytest.mark.generated

APPLICATION = "Field Notes"
SCOPES = ("Read your data", "Change your data")
STATE = "xyz"
# The token type /o/token/ issues, and the scheme /api/ reads it in.
BEARER = "Bearer"
# Seconds Playwright waits for a page or an element, and the server has to start.
PAGE_TIMEOUT = 30
START_TIMEOUT = 120


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pkce_pair():
    """A PKCE code verifier and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def manage(python, project, *arguments):
    """Run ``manage.py`` with the local settings; its output."""
    result = run([python, "manage.py", *arguments], cwd=project, env=isolated_environ())
    assert result.returncode == 0, describe(result)
    return result.stdout


def answers(port):
    """Whether the server answers an HTTP request on ``port`` yet."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/.well-known/oauth-authorization-server")
        return connection.getresponse().status > 0
    except OSError:
        return False
    finally:
        connection.close()


@contextlib.contextmanager
def runserver(python, project, port):
    """``manage.py runserver`` on 127.0.0.1:``port`` until the block ends; yields its log."""
    log = project.parent / "runserver.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=project,
            env=isolated_environ(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not answers(port):
            assert process.poll() is None, f"runserver ended:\n{log.read_text()}"
            assert time.monotonic() < deadline, (
                f"no answer in {START_TIMEOUT} s:\n{log.read_text()}"
            )
            time.sleep(0.5)
        yield log
    finally:
        stop_process_group(process)


def request_json(url, data=None, headers=None):
    """Status and JSON body of a GET (or, with ``data``, a form POST) from the test itself."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def sign_in(page, username, password):
    """Fill in and submit the sign-in form; the response of the page it leads to."""
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Sign in").click()
    return navigation.value


def test_the_authorization_pages_need_no_javascript(browser_available, project_python, tmp_path):
    from playwright.sync_api import sync_playwright

    project = bake(tmp_path / "output", {**default_combination(), "auth_oauth2": True})
    manage(project_python, project, "migrate", "--noinput")
    password = re.search(
        r"^Password \(shown once\): (\S+)$",
        manage(project_python, project, "demo_user"),
        re.MULTILINE,
    )[1]
    # Nothing serves the callback: the browser only has to be sent there.
    callback = f"http://127.0.0.1:{free_port()}/callback"
    client_id = re.search(
        r"^client_id: (\S+)$",
        manage(
            project_python,
            project,
            "create_oauth2_application",
            APPLICATION,
            "--user",
            "demo",
            "--grant",
            "authorization-code",
            "--client-type",
            "public",
            "--redirect-uri",
            callback,
        ),
        re.MULTILINE,
    )[1]
    verifier, challenge = pkce_pair()
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    authorize = f"{site}/o/authorize/?" + urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": callback,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "scope": "read write",
            "state": STATE,
        },
        quote_via=urllib.parse.quote,
    )

    with runserver(project_python, project, port) as log, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            context = browser.new_context(java_script_enabled=False)
            context.set_default_timeout(PAGE_TIMEOUT * 1000)
            page = context.new_page()
            sent_back = []

            def is_callback(url):
                return url.startswith(f"{callback}?")

            def record(request):
                if is_callback(request.url):
                    origin = request.redirected_from
                    sent_back.append((origin and f"{origin.method} {origin.url}", request.url))

            page.on("request", record)
            # The callback answers from here, so that the browser's last page loads.
            page.route(is_callback, lambda route: route.fulfill(body="callback"))

            page.goto(authorize)
            assert page.url.startswith(f"{site}/o/login/?next="), page.url

            refused = sign_in(page, "demo", password + "-wrong")
            # The form itself answers, with no redirect to follow.
            assert (refused.request.method, refused.status) == ("POST", 200)
            assert refused.request.redirected_from is None
            assert page.url == f"{site}/o/login/", page.url
            assert "correct username and password" in page.get_by_role("alert").inner_text()
            assert page.get_by_role("button", name="Sign in").is_visible()
            assert sent_back == []

            signed_in = sign_in(page, "demo", password)
            assert signed_in.request.redirected_from.method == "POST"
            assert page.url.startswith(f"{site}/o/authorize/?"), page.url
            heading = page.get_by_role("heading", level=1)
            assert heading.inner_text() == f"Authorize {APPLICATION}?", page.content()
            for scope in SCOPES:
                assert page.get_by_text(scope, exact=True).is_visible(), page.content()
            assert page.get_by_role("button", name="Deny", exact=True).is_visible()

            page.get_by_role("button", name="Authorize", exact=True).click()
            page.wait_for_url(is_callback)
            landed = page.url
        finally:
            browser.close()

        # Playwright reports the intercepted request twice: as the redirect, then again
        # when it is fulfilled here.
        redirects = [(origin, url) for origin, url in sent_back if origin]
        assert redirects == [(f"POST {authorize}", landed)], (sent_back, log.read_text())
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(landed).query)
        assert set(params) == {"code", "state", "iss"}, landed
        assert params["state"] == [STATE]
        assert params["iss"] == [site]

        status, issued = request_json(
            f"{site}/o/token/",
            {
                "grant_type": "authorization_code",
                "client_id": client_id,
                "code": params["code"][0],
                "code_verifier": verifier,
                "redirect_uri": callback,
            },
        )
        assert status == 200, issued
        assert issued["token_type"] == BEARER
        assert set(issued["scope"].split()) == {"read", "write"}

        status, me = request_json(
            f"{site}/api/auth/me/", headers={"Authorization": f"{BEARER} {issued['access_token']}"}
        )
        assert status == 200, me
        assert me["username"] == "demo"
        assert me["authenticated_via"] == "oauth2"
