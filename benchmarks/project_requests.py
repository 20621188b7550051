"""What authentication, throttling and the permission model cost per request, in one project.

``benchmarks/requests.py`` copies this module into a baked all-on project and runs it from
the project's root with the shared environment's Python; ``tests/test_benchmarks.py`` does
the same with tiny settings. It needs nothing but the project and its dependencies.

Requests go through Django's WSGI handler, the way a WSGI server calls the project, with
every middleware of the project's settings, in process: no socket, no server, so what is
timed is the project's own work. Each row is a view and a credential: a bare rest framework
view (the unit of every ratio), the libraries' own authentication classes, the project's
classes alone, the project's full default stack, its real endpoints, and the same document
endpoints built from library defaults. The rows take turns: every round times each row once,
in a fresh random order, and a row's figure is the median over rounds, so a slow moment of
the machine spreads over all rows instead of landing on one.

Prints one JSON document on stdout.
"""

import argparse
import contextlib
import gc
import importlib
import io
import json
import os
import platform
import random
import statistics
import sys
import time
import types
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

SETTINGS_MODULE = "benchmark_settings"
URLCONF_MODULE = "benchmark_urls"
# Far above anything a benchmark sends: the throttles count, and never refuse.
HUGE_RATE = "1000000000/min"
DOCUMENTS = 50
PASSWORD = "benchmark-password-not-a-secret"  # noqa: S105
# Cache methods a request may call; nested calls (get_or_set calling add) count once.
CACHE_METHODS = (
    "get",
    "set",
    "add",
    "incr",
    "decr",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "get_or_set",
    "touch",
    "has_key",
)
# SQL statements that change data: a plain read must send none.
WRITES = ("INSERT", "UPDATE", "DELETE")
# The statuses a row's request must answer, by method.
ANSWERED = {"GET": {200}, "POST": {200, 201}}


def define_settings():
    """Settings extending the project's test settings, registered as a module.

    An in-memory SQLite database unless ``DATABASE_URL`` names one (the project's settings
    read it), with persistent connections as a deployment keeps them; throttle rates too
    high to refuse anything, the throttle classes unchanged; JWTs that outlive the run;
    ``rest_framework.authtoken`` for the library's own token row; this module's URLconf.
    """
    project = importlib.import_module("config.settings.test")
    module = types.ModuleType(SETTINGS_MODULE)
    module.__dict__.update(
        {name: getattr(project, name) for name in dir(project) if name.isupper()}
    )
    if "DATABASE_URL" in os.environ:
        module.DATABASES = {"default": {**project.DATABASES["default"], "CONN_MAX_AGE": None}}
    else:
        module.DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    if os.environ.get("REDIS_URL"):
        prefix = f"benchmark-{uuid.uuid4().hex}"
        module.CACHES = {"default": {**project.CACHES["default"], "KEY_PREFIX": prefix}}
    module.INSTALLED_APPS = [*project.INSTALLED_APPS, "rest_framework.authtoken"]
    module.ROOT_URLCONF = URLCONF_MODULE
    rates = project.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    module.REST_FRAMEWORK = {
        **project.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": dict.fromkeys(rates, HUGE_RATE),
    }
    module.SIMPLE_JWT = {**project.SIMPLE_JWT, "ACCESS_TOKEN_LIFETIME": timedelta(hours=2)}
    sys.modules[SETTINGS_MODULE] = module
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE


def wsgi_environ(method, path, headers, body=b""):
    """The environ a WSGI server hands the project for one request."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "testserver",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        **headers,
    }
    if body:
        environ["CONTENT_TYPE"] = "application/json"
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ


def send(handler, environ):
    """``(status, body)`` of one request, closed as a server closes it (which ends the
    request: ``request_finished`` and its connection handling)."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split()[0])

    chunks = handler(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        chunks.close()
    return answer["status"], body


def post_json(handler, path, data, headers=None):
    """The decoded answer to a JSON POST, which must succeed."""
    status, body = send(
        handler, wsgi_environ("POST", path, headers or {}, json.dumps(data).encode())
    )
    if status not in (200, 201):
        raise RuntimeError(f"POST {path} answered {status}: {body[:500]!r}")
    return json.loads(body)


@dataclass
class Row:
    """One timed line of the report: a request, and what it measured."""

    key: str
    group: str
    label: str
    path: str
    headers: dict
    # A JSON body makes the row a POST, which must answer 200 or 201.
    data: dict | None = None
    times: list = field(default_factory=list)

    @property
    def method(self):
        return "GET" if self.data is None else "POST"

    def environ(self):
        body = b"" if self.data is None else json.dumps(self.data).encode()
        return wsgi_environ(self.method, self.path, self.headers, body)


def minimal_view(**classes):
    """A rest framework view answering ``{"ok": true}`` with the given class lists
    (``authentication_classes``...), the project's defaults for the others."""
    from rest_framework.response import Response
    from rest_framework.views import APIView

    def get(self, request):
        return Response({"ok": True})

    return type("BenchmarkView", (APIView,), {"get": get, **classes}).as_view()


def library_documents_view():
    """The documents endpoints as the libraries' defaults build them.

    simplejwt's authentication, DRF's user and anonymous rate throttles, ``IsAuthenticated``
    and the caller's own documents, with the project's serializer and its relations loaded
    along (as anyone writing it would, to avoid a query per row), paged by number (DRF's
    default). New documents get the fields the project's policy sets (an owner, a tenant).
    """
    from django.apps import apps
    from django.conf import settings
    from django.utils.module_loading import import_string
    from rest_framework import pagination, permissions, throttling, viewsets
    from rest_framework_simplejwt.authentication import JWTAuthentication

    document = apps.get_model("documents", "Document")
    serializer = importlib.import_module("my_api.documents.serializers").DocumentSerializer
    relations = [field.name for field in document._meta.fields if field.is_relation]
    policy = import_string(settings.DOCUMENTS_ACCESS_POLICY)()

    class LibraryDocuments(viewsets.ModelViewSet):
        authentication_classes = (JWTAuthentication,)
        permission_classes = (permissions.IsAuthenticated,)
        throttle_classes = (throttling.UserRateThrottle, throttling.AnonRateThrottle)
        pagination_class = pagination.PageNumberPagination
        serializer_class = serializer

        def get_queryset(self):
            return document.objects.select_related(*relations).filter(owner=self.request.user)

        def perform_create(self, serializer):
            serializer.save(**policy.seed_fields(self.request.user))

    return LibraryDocuments


# The libraries' authentication classes, and the project's, by credential.
LIBRARY_AUTHENTICATION = {
    "session": ("DRF SessionAuthentication", "rest_framework.authentication.SessionAuthentication"),
    "drf_token": (
        "DRF authtoken TokenAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ),
    "token": ("knox TokenAuthentication", "knox.auth.TokenAuthentication"),
    "jwt": (
        "simplejwt JWTAuthentication",
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ),
    "oauth2": (
        "DOT OAuth2Authentication",
        "oauth2_provider.contrib.rest_framework.OAuth2Authentication",
    ),
}
PROJECT_AUTHENTICATION = {
    "session": "my_api.auth_session.authentication.SessionAuthentication",
    "token": "my_api.auth_token.authentication.TokenAuthentication",
    "jwt": "my_api.auth_jwt.authentication.JWTAuthentication",
    "oauth2": "my_api.auth_oauth2.authentication.OAuth2Authentication",
    "api_key": "my_api.auth_api_key.authentication.APIKeyAuthentication",
}
STRATEGIES = ("session", "token", "jwt", "oauth2", "api_key")


def benchmark_views():
    """``{name: view}``: the bare view and the minimal views with chosen classes."""
    from django.utils.module_loading import import_string
    from rest_framework.permissions import IsAuthenticated
    from rest_framework.throttling import AnonRateThrottle
    from rest_framework_api_key.permissions import HasAPIKey
    from rest_framework_simplejwt.views import TokenObtainPairView

    views = {
        "bare": minimal_view(authentication_classes=[], permission_classes=[], throttle_classes=[])
    }
    for name, (_label, path) in LIBRARY_AUTHENTICATION.items():
        views[f"library-{name}"] = minimal_view(
            authentication_classes=[import_string(path)],
            permission_classes=[IsAuthenticated],
            throttle_classes=[],
        )
    views["library-api_key"] = minimal_view(
        authentication_classes=[], permission_classes=[HasAPIKey], throttle_classes=[]
    )
    for name, path in PROJECT_AUTHENTICATION.items():
        views[f"ours-{name}"] = minimal_view(
            authentication_classes=[import_string(path)],
            permission_classes=[IsAuthenticated],
            throttle_classes=[],
        )
    views["full"] = minimal_view()
    views["library-jwt-login"] = TokenObtainPairView.as_view(throttle_classes=[AnonRateThrottle])
    return views


def define_urls():
    """The project's URLconf, then one path per benchmark view under ``/api/bench/``.

    Under ``/api/`` so that the middleware treats them as it treats the real endpoints.
    """
    from django.urls import include, path
    from rest_framework.routers import SimpleRouter

    router = SimpleRouter()
    router.register("library/documents", library_documents_view(), basename="library-document")
    bench = [path(f"{name}/", view) for name, view in benchmark_views().items()]
    module = types.ModuleType(URLCONF_MODULE)
    module.urlpatterns = [
        path("", include("config.urls")),
        path("api/bench/", include([*bench, *router.urls])),
    ]
    sys.modules[URLCONF_MODULE] = module


def session_cookie(user):
    """The cookie of a signed-in session, stored as a login stores it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = importlib.import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def credentials(handler, user):
    """Request headers per credential, each obtained as its clients obtain it: knox tokens
    and JWTs from the project's login endpoints, the others as the project's tests or an
    administrator create them."""
    from my_api.auth_api_key.models import UserAPIKey
    from my_api.auth_oauth2.tests.clients import issue_token
    from rest_framework.authtoken.models import Token
    from rest_framework_api_key.models import APIKey

    login = {"username": user.username, "password": PASSWORD}
    knox = post_json(handler, "/api/auth/token/login/", login)["token"]
    jwt = post_json(handler, "/api/auth/jwt/login/", login)["access"]
    oauth2 = issue_token(user, scope="read write", expires_in=timedelta(hours=2))
    _key, api_key = UserAPIKey.objects.create_key(user=user, name="benchmark")
    _key, library_api_key = APIKey.objects.create_key(name="benchmark")
    return {
        "session": {"HTTP_COOKIE": session_cookie(user)},
        "drf_token": {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"},
        "token": {"HTTP_AUTHORIZATION": f"Token {knox}"},
        "jwt": {"HTTP_AUTHORIZATION": f"Bearer {jwt}"},
        "oauth2": {"HTTP_AUTHORIZATION": f"Bearer {oauth2}"},
        "api_key": {"HTTP_X_API_KEY": api_key},
        "library_api_key": {"HTTP_AUTHORIZATION": f"Api-Key {library_api_key}"},
    }


def make_user():
    """The caller, given what the permission model requires to use the documents endpoints:
    the project's own ``prepare_demo_user`` (a group, a role, a tenant membership)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.utils.module_loading import import_string

    user = get_user_model().objects.create_user(
        username="benchmark", email="benchmark@example.com", password=PASSWORD
    )
    import_string(settings.DOCUMENTS_ACCESS_POLICY)().prepare_demo_user(user)
    return user


def create_documents(handler, headers, count):
    """``count`` documents created through the API, as the caller: the permission model
    sets whatever it scopes them by. Returns their ids."""
    return [
        post_json(
            handler, "/api/documents/", {"title": f"Document {n}", "body": "Text. " * 20}, headers
        )["id"]
        for n in range(count)
    ]


def rows(credential, document, username):
    """Every timed row, the bare view first."""
    bench = "/api/bench"
    table = [Row("bare", "bare", "bare APIView, no authentication", f"{bench}/bare/", {})]
    for name, (label, _path) in LIBRARY_AUTHENTICATION.items():
        table.append(
            Row(f"library-{name}", "library", label, f"{bench}/library-{name}/", credential[name])
        )
    table.append(
        Row(
            "library-api_key",
            "library",
            "HasAPIKey (permission only)",
            f"{bench}/library-api_key/",
            credential["library_api_key"],
        )
    )
    for name, path in PROJECT_AUTHENTICATION.items():
        label = path.removeprefix("my_api.")
        table.append(
            Row(
                f"ours-{name}",
                "ours",
                f"{name}: `{label}`",
                f"{bench}/ours-{name}/",
                credential[name],
            )
        )
    for name in STRATEGIES:
        table.append(
            Row(f"full-{name}", "full", f"{name} credential", f"{bench}/full/", credential[name])
        )
    jwt = credential["jwt"]
    table += [
        Row("endpoint-me", "endpoint", "GET /api/auth/me/", "/api/auth/me/", jwt),
        Row(
            "endpoint-detail",
            "endpoint",
            "GET /api/documents/<id>/",
            f"/api/documents/{document}/",
            jwt,
        ),
        Row(
            "endpoint-list", "endpoint", "GET /api/documents/ (first page)", "/api/documents/", jwt
        ),
        Row(
            "library-endpoint-detail",
            "library-endpoint",
            "document detail",
            f"{bench}/library/documents/{document}/",
            jwt,
        ),
        Row(
            "library-endpoint-list",
            "library-endpoint",
            "documents list (first page)",
            f"{bench}/library/documents/",
            jwt,
        ),
    ]
    login = {"username": username, "password": PASSWORD}
    new_document = {"title": "New", "body": "Text. " * 20}
    table += [
        Row(
            "write-login",
            "write",
            "POST /api/auth/jwt/login/ (lockout, second factor, audit)",
            "/api/auth/jwt/login/",
            {},
            login,
        ),
        Row(
            "library-write-login",
            "write",
            "simplejwt `TokenObtainPairView`",
            f"{bench}/library-jwt-login/",
            {},
            login,
        ),
        Row(
            "write-create",
            "write",
            "POST /api/documents/ (audit)",
            "/api/documents/",
            jwt,
            new_document,
        ),
        Row(
            "library-write-create",
            "write",
            "document create built from library defaults",
            f"{bench}/library/documents/",
            jwt,
            new_document,
        ),
    ]
    return table


@contextlib.contextmanager
def counting_cache_calls():
    """The cache operations made meanwhile, on every configured cache (the session cache
    among them): for Redis, the round trips to the server (a pipeline is one); for other
    backends, the outermost calls of their methods."""
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache
    from redis.connection import AbstractConnection

    calls = []
    depth = [0]
    patched = []

    def counted(backend, alias, name):
        original = getattr(backend, name)

        def call(*args, **kwargs):
            depth[0] += 1
            try:
                if depth[0] == 1:
                    calls.append(f"{alias}.{name}")
                return original(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    send = AbstractConnection.send_packed_command

    def round_trip(connection, *args, **kwargs):
        calls.append("redis")
        return send(connection, *args, **kwargs)

    for alias in settings.CACHES:
        backend = caches[alias]
        if isinstance(backend, RedisCache):
            continue
        for name in CACHE_METHODS:
            setattr(backend, name, counted(backend, alias, name))
            patched.append((backend, name))
    AbstractConnection.send_packed_command = round_trip
    try:
        yield calls
    finally:
        AbstractConnection.send_packed_command = send
        for backend, name in patched:
            delattr(backend, name)


def counts(handler, row):
    """Queries, writes and cache calls of one more request of ``row``, which must succeed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries, counting_cache_calls() as calls:
        status, body = send(handler, row.environ())
    if status not in ANSWERED[row.method]:
        raise RuntimeError(f"{row.key}: {row.method} {row.path} answered {status}: {body[:500]!r}")
    statements = [query["sql"].lstrip().upper() for query in queries.captured_queries]
    return {
        "method": row.method,
        "queries": len(statements),
        "writes": sum(statement.startswith(WRITES) for statement in statements),
        "cache_ops": len(calls),
        "cache_calls": calls,
    }


def time_row(handler, row, requests):
    """Seconds per request over ``requests`` requests of ``row`` in a row."""
    environs = [row.environ() for _ in range(requests)]
    started = time.perf_counter()
    for environ in environs:
        status, _body = send(handler, environ)
        if status not in ANSWERED[row.method]:
            raise RuntimeError(f"{row.key}: {row.method} {row.path} answered {status}")
    return (time.perf_counter() - started) / requests


def measure(handler, table, rounds, requests, seed=0):
    """Time every row once per round, in a new random order each round."""
    order = list(table)
    shuffler = random.Random(seed)  # noqa: S311 (an order, not a secret)
    for _round in range(rounds):
        shuffler.shuffle(order)
        # A collection lands on whichever row allocates past the threshold: collect
        # between rounds instead, so no row pays for another's garbage.
        gc.collect()
        gc.disable()
        try:
            for row in order:
                row.times.append(time_row(handler, row, requests))
        finally:
            gc.enable()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--requests", type=int, default=20, help="per row and round")
    arguments = parser.parse_args(argv)

    define_settings()
    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection

    define_urls()
    call_command("migrate", verbosity=0, interactive=False)
    handler = WSGIHandler()
    user = make_user()
    credential = credentials(handler, user)
    first = create_documents(handler, credential["jwt"], 1)[0]
    table = rows(credential, first, user.username)
    rows_by_key = {row.key: row for row in table}
    listing = rows_by_key["endpoint-list"]
    queries_by_documents = {"1": counts(handler, listing)["queries"]}
    create_documents(handler, credential["jwt"], DOCUMENTS - 1)
    queries_by_documents[str(DOCUMENTS)] = counts(handler, listing)["queries"]

    measured = {row.key: counts(handler, row) for row in table}
    measure(handler, table, arguments.rounds, arguments.requests)
    bare = statistics.median(rows_by_key["bare"].times)
    json.dump(
        {
            "python": platform.python_version(),
            "django": django.get_version(),
            "database": connection.vendor,
            "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[1],
            "rounds": arguments.rounds,
            "requests": arguments.requests,
            "documents": DOCUMENTS,
            "bare_us": bare * 1e6,
            "list_queries_by_documents": queries_by_documents,
            "rows": [
                {
                    "key": row.key,
                    "group": row.group,
                    "label": row.label,
                    "us": statistics.median(row.times) * 1e6,
                    "ratio": statistics.median(row.times) / bare,
                    "rounds_us": [seconds * 1e6 for seconds in row.times],
                    **measured[row.key],
                }
                for row in table
            ],
        },
        sys.stdout,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
