{%- set password_login = cookiecutter.auth_session or cookiecutter.auth_token or cookiecutter.auth_jwt -%}
"""Fixtures shared by every test module.

``strategy`` is parametrized over the project's authentication strategies, so a test that
asks for it (or for ``login``) runs once per strategy, authenticating the way a client of
that strategy does.
"""

{% if cookiecutter.audit_log == "log" -%}
import json
{% endif -%}
{% if cookiecutter.audit_log == "log" -%}
import logging
{% endif -%}
import re
import shlex
{%- if cookiecutter.throttling %}
import threading
import time
import uuid
{%- endif %}
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO

import pytest
{%- if cookiecutter.throttling %}
import redis
import time_machine
{%- endif %}
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
{%- if cookiecutter.throttling %}
from django.db import connection
{%- endif %}
from django.test import override_settings
from rest_framework.test import APIClient

{% if cookiecutter.audit_log == "log" -%}
from {{ cookiecutter.project_slug }}.audit.log import LOGGER
{% endif -%}
{% if cookiecutter.auth_api_key -%}
from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey
{% endif -%}
{% if cookiecutter.auth_oauth2 -%}
from {{ cookiecutter.project_slug }}.auth_oauth2.tests.clients import issue_token
{% endif -%}
from {{ cookiecutter.project_slug }}.documents.models import Document
{% if cookiecutter.permission_model == "rbac" -%}
from {{ cookiecutter.project_slug }}.rbac.models import Role, RoleAssignment
{% endif -%}
{% if cookiecutter.permission_model == "multi_tenant" -%}
from {{ cookiecutter.project_slug }}.tenancy.models import Membership, Tenant
{% endif -%}
from {{ cookiecutter.project_slug }}.users.models import User
{%- if cookiecutter.audit_log != "none" %}

# Every test is swept for secrets in what it recorded (audit/tests/sweep.py).
pytest_plugins = ["{{ cookiecutter.project_slug }}.audit.tests.sweep"]
{%- endif %}

PASSWORD = "correct-horse-battery-staple"
# A fenced shell block of the README: a command to type as it stands.
SHELL_BLOCK = re.compile(r"^```bash\n(.*?)\n```$", re.MULTILINE | re.DOTALL)
{%- if cookiecutter.throttling %}
# Where the concurrency tests find Redis when REDIS_URL does not say.
LOCAL_REDIS = "redis://127.0.0.1:6379/0"
{%- endif %}
# Queries the permission model adds to a request that reads documents (README, Performance).
{%- if cookiecutter.permission_model in ["rbac", "multi_tenant"] %}
POLICY_QUERIES = 1
{%- else %}
POLICY_QUERIES = 0
{%- endif %}
{%- if password_login %}


def signed_in(post_credentials, send_credential):
    """Build a strategy's ``sign_in`` from its password login and how it sends the result."""

    def sign_in(client, user, password):
        response = post_credentials(client, user.username, password)
        assert response.status_code == 200, response.content
        send_credential(client, response)

    return sign_in
{%- endif %}
{%- if cookiecutter.auth_session %}


def session_post_credentials(client, username, password):
    token = client.get("/api/auth/session/csrf/").json()["csrf_token"]
    return client.post(
        "/api/auth/session/login/",
        {"username": username, "password": password},
        HTTP_X_CSRFTOKEN=token,
    )


def session_send_credential(client, response):
    # The browser keeps the cookie; logging in rotated the CSRF token, so send the new one.
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)


def session_log_out(client, response):
    return client.post("/api/auth/session/logout/")
{%- endif %}
{%- if cookiecutter.auth_token %}


def token_post_credentials(client, username, password):
    return client.post("/api/auth/token/login/", {"username": username, "password": password})


def token_send_credential(client, response):
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")


def token_log_out(client, response):
    return client.post("/api/auth/token/logout/")
{%- endif %}
{%- if cookiecutter.auth_jwt %}


def jwt_post_credentials(client, username, password):
    return client.post("/api/auth/jwt/login/", {"username": username, "password": password})


def jwt_send_credential(client, response):
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")


def jwt_log_out(client, response):
    return client.post("/api/auth/jwt/logout/", {"refresh": response.json()["refresh"]})
{%- endif %}
{%- if cookiecutter.auth_oauth2 %}


def oauth2_sign_in(client, user, password):
    # As if the user had approved an application asking for both scopes.
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_token(user, scope='read write')}")
{%- endif %}
{%- if cookiecutter.auth_api_key %}


def api_key_sign_in(client, user, password):
    # Keys have no password login: each is issued to a user, here as the shell does it.
    _api_key, key = UserAPIKey.objects.create_key(user=user, name="tests")
    client.credentials(HTTP_X_API_KEY=key)
{%- endif %}


@dataclass(frozen=True)
class Strategy:
    """One way to authenticate, as a client uses it."""

    name: str
    # The security scheme the OpenAPI schema declares for it.
    scheme: str
    # Database queries that authenticating one request costs (README, Performance).
    auth_queries: int
    # Makes ``client`` authenticate as ``user``: sign_in(client, user, password).
    sign_in: Callable
    # Cache reads it costs: a session kept in the shared cache is one.
    auth_cache_reads: int = 0
{%- if password_login %}
    # Sends a username and password to the strategy's login endpoint, if it has one.
    post_credentials: Callable | None = None
    # Makes ``client`` send the credential of a login's answer: (client, response).
    send_credential: Callable | None = None
    # Ends the login of that answer, with the client sending its credential: (client, response).
    log_out: Callable | None = None
{%- endif %}
{%- if cookiecutter.auth_session %}


CACHED_SESSIONS = settings.SESSION_ENGINE == "{{ cookiecutter.project_slug }}.core.sessions"
{%- endif %}


STRATEGIES = {
    strategy.name: strategy
    for strategy in [
{%- if cookiecutter.auth_session %}
        Strategy(
            name="session",
            scheme="cookieAuth",
            # The user, and the session unless the shared cache holds it (base settings).
            auth_queries=1 if CACHED_SESSIONS else 2,
            auth_cache_reads=1 if CACHED_SESSIONS else 0,
            sign_in=signed_in(session_post_credentials, session_send_credential),
            post_credentials=session_post_credentials,
            send_credential=session_send_credential,
            log_out=session_log_out,
        ),
{%- endif %}
{%- if cookiecutter.auth_token %}
        Strategy(
            name="token",
            scheme="knoxApiToken",
            auth_queries=1,
            sign_in=signed_in(token_post_credentials, token_send_credential),
            post_credentials=token_post_credentials,
            send_credential=token_send_credential,
            log_out=token_log_out,
        ),
{%- endif %}
{%- if cookiecutter.auth_jwt %}
        Strategy(
            name="jwt",
            scheme="jwtAuth",
            auth_queries=1,
            sign_in=signed_in(jwt_post_credentials, jwt_send_credential),
            post_credentials=jwt_post_credentials,
            send_credential=jwt_send_credential,
            log_out=jwt_log_out,
        ),
{%- endif %}
{%- if cookiecutter.auth_oauth2 %}
        Strategy(name="oauth2", scheme="oauth2", auth_queries=1, sign_in=oauth2_sign_in),
{%- endif %}
{%- if cookiecutter.auth_api_key %}
        Strategy(name="api_key", scheme="apiKeyAuth", auth_queries=1, sign_in=api_key_sign_in),
{%- endif %}
    ]
}
{%- if password_login %}
PASSWORD_STRATEGIES = sorted(name for name, s in STRATEGIES.items() if s.post_credentials)
{%- endif %}


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every test starts and ends with an empty cache (counters live there)."""
    cache.clear()
    yield
    cache.clear()


{%- if cookiecutter.throttling %}


@pytest.fixture(autouse=True)
def _start_as_rate_windows_begin():
    """Every test runs from the start of an hour, the longest window of the test rates.

    Rate windows follow the clock (``throttling/counters.py``), so a test that spends a
    whole limit would see it renewed, and no 429, if its requests straddled two windows.
    """
    hour = 3600
    with time_machine.travel((int(time.time()) // hour + 1) * hour):
        yield


@pytest.fixture
def redis_cache(settings):
    """The default cache in Redis, shared by threads as production shares it between workers.

    ``REDIS_URL``, or a Redis on this machine; keys get a prefix of their own, so nothing
    else stored there is read or cleared.
    """
    location = settings.REDIS_URL or LOCAL_REDIS
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"tests-{uuid.uuid4().hex}",
        }
    }
    try:
        cache.get("ping")
    except redis.ConnectionError as error:
        pytest.skip(f"no Redis at {location} (set REDIS_URL): {error}")
    return cache


@pytest.fixture
def concurrently():
    """Return ``run(n, call) -> results``: ``call(i)`` in ``n`` threads released at once."""

    def run(n, call):
        barrier = threading.Barrier(n)
        results = [None] * n

        def worker(i):
            try:
                barrier.wait()
                results[i] = call(i)
            finally:
                connection.close()

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results

    return run
{%- endif %}


@pytest.fixture
def api_client():
    return APIClient(enforce_csrf_checks=True)


@pytest.fixture
def password():
    """The password every test user is created with."""
    return PASSWORD


@pytest.fixture
def make_user(db):
    def make(username="alice", **fields):
        fields.setdefault("email", f"{username}@example.com")
        return User.objects.create_user(username=username, password=PASSWORD, **fields)

    return make


@pytest.fixture
def user(make_user):
    return make_user("alice")


@pytest.fixture
def other_user(make_user):
    return make_user("bob")


@pytest.fixture
def admin_user(make_user):
    """``root``, a superuser who signs in to the admin."""
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.fixture(scope="session")
def enabled_strategies():
    """The authentication strategies this project was generated with, by name."""
    return STRATEGIES


@pytest.fixture(params=sorted(STRATEGIES))
def strategy(request):
    return STRATEGIES[request.param]


{%- if password_login %}


@pytest.fixture(params=PASSWORD_STRATEGIES)
def password_strategy(request):
    """Like ``strategy``, over the strategies that log in with a username and password."""
    return STRATEGIES[request.param]
{%- endif %}


@pytest.fixture
def login(strategy):
    """Return ``login(user) -> APIClient`` authenticated through the strategy under test."""

    def login_as(user, password=PASSWORD):
        client = APIClient(enforce_csrf_checks=True)
        strategy.sign_in(client, user, password)
        return client

    return login_as


@dataclass(frozen=True)
class DemoUser:
    """What a run of ``manage.py demo_user`` left: the account, its password, the output."""

    user: User
    password: str
    output: str


@pytest.fixture
def run_demo_user(db):
    """Return ``run() -> DemoUser``: ``manage.py demo_user`` as a developer runs it locally."""

    def run():
        output = StringIO()
        with override_settings(DEBUG=True):
            call_command("demo_user", stdout=output)
        printed = output.getvalue()
        password = re.search(r"^Password \(shown once\): (\S+)$", printed, re.MULTILINE)[1]
        return DemoUser(User.objects.get(username="demo"), password, printed)

    return run


@dataclass(frozen=True)
class Administrator:
    """The superuser the README's ``createsuperuser`` step made, and its password."""

    user: User
    password: str


@pytest.fixture
def run_admin_step(db, monkeypatch):
    """Return ``run() -> Administrator``: the README's step that creates an administrator.

    Its command is read from the README and run with the arguments and the variable it is
    written with, in-process, so that the account lands in the test database and signs in
    through the test client: the README and what the tests prove cannot drift apart.
    """

    def run():
        readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
        [line] = [
            block
            for block in SHELL_BLOCK.findall(readme)
            if "createsuperuser" in block and "uv run" not in block
        ]
        words = shlex.split(line)
        script = words.index("manage.py")
        # Before the program that runs manage.py: the variables the shell sets for it.
        variables = dict(word.split("=", 1) for word in words[: script - 1])
        command, *arguments = words[script + 1 :]
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        call_command(command, *arguments, stdout=StringIO())
        username = arguments[arguments.index("--username") + 1]
        return Administrator(
            User.objects.get_by_username(username), variables["DJANGO_SUPERUSER_PASSWORD"]
        )

    return run


@pytest.fixture
def policy_queries():
    return POLICY_QUERIES


@pytest.fixture
def author(user):
    """``user``, allowed to create documents and to change and delete their own."""
{%- if cookiecutter.permission_model == "rbac" %}
    RoleAssignment.objects.create(user=user, role=Role.objects.get(name="admin"))
{%- elif cookiecutter.permission_model == "multi_tenant" %}
    tenant = Tenant.objects.create(slug="acme", name="Acme")
    Membership.objects.create(user=user, tenant=tenant, role=Membership.Role.MEMBER)
{%- endif %}
    return user


@pytest.fixture
def make_document(db):
    """Return ``make(owner, **fields) -> Document``{% if cookiecutter.permission_model == "multi_tenant" %}, in the owner's only tenant unless given{% endif %}."""

    def make(owner, **fields):
{%- if cookiecutter.permission_model == "multi_tenant" %}
        if "tenant" not in fields:
            fields["tenant"] = owner.memberships.get().tenant
{%- endif %}
        fields.setdefault("title", "A document")
        return Document.objects.create(owner=owner, **fields)

    return make

{%- if cookiecutter.audit_log != "none" %}


@pytest.fixture
{%- if cookiecutter.audit_log == "database" %}
def recorded(db):
    """Return ``events(name=None) -> [event]``: what was recorded so far, oldest first.

    Read as staff read them, from ``GET /api/audit/events/``, every page; only the events
    named ``name`` when given.
    """
    reader = APIClient()
    reader.force_authenticate(User(username="auditor", is_staff=True))

    def events(name=None):
        page = reader.get("/api/audit/events/", {} if name is None else {"event": name}).json()
        found = page["results"]
        while page["next"]:
            page = reader.get(page["next"]).json()
            found += page["results"]
        return found[::-1]

    return events
{%- else %}
def recorded(caplog):
    """Return ``events(name=None) -> [event]``: what was recorded so far, oldest first.

    Each event as its log line gives it; only those named ``name`` when given.
    """
    logger = logging.getLogger(LOGGER)
    logger.addHandler(caplog.handler)

    def events(name=None):
        lines = [
            json.loads(record.getMessage()) for record in caplog.records if record.name == LOGGER
        ]
        return [line for line in lines if name is None or line["event"] == name]

    yield events
    logger.removeHandler(caplog.handler)
{%- endif %}
{%- endif %}
