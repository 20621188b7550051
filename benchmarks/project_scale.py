"""What reading and writing documents costs as the table grows, in one project on PostgreSQL.

``benchmarks/scale.py`` copies this module into a baked all-on project, next to
``project_requests.py`` (whose settings, WSGI calls and throttle rates it shares), and runs
it from the project's root with ``DATABASE_URL`` naming an empty PostgreSQL database.

One user sees every document (the access policy's demo grants: a role, a tenant, a group);
``manage.py seed_documents`` gives them 1,000, then 10,000, then 100,000, as a user seeds
their own load tests. At each size, requests through Django's WSGI handler read the first
page of the list, a page halfway down it, one document, and create one, taking turns as in
``project_requests.py``; the same list paged by number (DRF's ``PageNumberPagination``,
the library default: a COUNT and an OFFSET) runs alongside for comparison.

Prints one JSON document on stdout.
"""

import argparse
import base64
import json
import random
import statistics
import sys
import time
import types
from urllib.parse import urlencode

from benchmark_requests import PASSWORD, define_settings, post_json, send, wsgi_environ

SIZES = (1_000, 10_000, 100_000)
URLCONF_MODULE = "benchmark_scale_urls"
LIST_URL = "/api/documents/"
NUMBERED_URL = "/api/bench/numbered/"


def define_urls():
    """The project's URLconf, and the documents endpoint paged by number beside it."""
    from django.urls import include, path
    from my_api.documents.views import DocumentViewSet
    from rest_framework.pagination import PageNumberPagination
    from rest_framework.routers import SimpleRouter

    class NumberedDocuments(DocumentViewSet):
        pagination_class = PageNumberPagination

    router = SimpleRouter()
    router.register("numbered", NumberedDocuments, basename="numbered-document")
    module = types.ModuleType(URLCONF_MODULE)
    module.urlpatterns = [
        path("", include("config.urls")),
        path("api/bench/", include(router.urls)),
    ]
    sys.modules[URLCONF_MODULE] = module


def cursor_at(document):
    """The ``?cursor=`` of the page that starts after ``document``, as DRF encodes it."""
    token = urlencode({"p": str(document.created_at)})
    return base64.b64encode(token.encode("ascii")).decode("ascii")


def requests_at(size, documents, page_size):
    """``{name: (method, path, query, body)}``: the requests timed at one table size."""
    middle = documents.order_by("-created_at", "id")[size // 2]
    return {
        "first page": ("GET", LIST_URL, "", b""),
        "deep page": ("GET", LIST_URL, f"cursor={cursor_at(middle)}", b""),
        "first page, numbered": ("GET", NUMBERED_URL, "", b""),
        "deep page, numbered": ("GET", NUMBERED_URL, f"page={size // 2 // page_size + 1}", b""),
        "detail": ("GET", f"{LIST_URL}{middle.pk}/", "", b""),
        "create": ("POST", LIST_URL, "", json.dumps({"title": "New", "body": "text"}).encode()),
    }


def call(handler, headers, request):
    method, path, query, body = request
    environ = wsgi_environ(method, path, headers, body)
    environ["QUERY_STRING"] = query
    status, answer = send(handler, environ)
    if status not in (200, 201):
        raise RuntimeError(f"{method} {path}?{query} answered {status}: {answer[:300]!r}")


def measure(handler, headers, requests, rounds, repeat):
    """``{name: [seconds per request, one per round]}``, the requests taking turns."""
    times = {name: [] for name in requests}
    for _ in range(rounds):
        order = list(requests)
        random.shuffle(order)
        for name in order:
            start = time.perf_counter()
            for _ in range(repeat):
                call(handler, headers, requests[name])
            times[name].append((time.perf_counter() - start) / repeat)
    return times


def queries(handler, headers, request):
    """The SQL statements of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call(handler, headers, request)
    return [query["sql"] for query in captured]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--requests", type=int, default=5, help="per row and round")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    arguments = parser.parse_args(argv)

    define_settings()
    sys.modules["benchmark_settings"].ROOT_URLCONF = URLCONF_MODULE
    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection
    from django.utils.module_loading import import_string
    from my_api.documents.models import Document
    from my_api.users.models import User

    if connection.vendor != "postgresql":
        raise SystemExit("the scale benchmark needs DATABASE_URL to name a PostgreSQL database")
    define_urls()
    call_command("migrate", verbosity=0, interactive=False)
    handler = WSGIHandler()
    user = User.objects.create_user("reader", "reader@example.com", PASSWORD)
    import_string(settings.DOCUMENTS_ACCESS_POLICY)().prepare_demo_user(user)
    login = {"username": "reader", "password": PASSWORD}
    access = post_json(handler, "/api/auth/jwt/login/", login)["access"]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {access}"}
    page_size = settings.REST_FRAMEWORK["PAGE_SIZE"]

    results = []
    for size in sorted(arguments.sizes):
        missing = size - Document.objects.count()
        if missing > 0:
            call_command("seed_documents", "reader", "--count", str(missing), stdout=sys.stderr)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE documents_document")  # as autovacuum would, in time
        requests = requests_at(size, Document.objects.all(), page_size)
        counted = {
            name: len(queries(handler, headers, request)) for name, request in requests.items()
        }
        times = measure(handler, headers, requests, arguments.rounds, arguments.requests)
        results.append(
            {
                "documents": size,
                "rows": {
                    name: {"us": statistics.median(times[name]) * 1e6, "queries": counted[name]}
                    for name in requests
                },
            }
        )
    json.dump(
        {
            "django": django.get_version(),
            "postgresql": connection.cursor().connection.info.server_version,
            "rounds": arguments.rounds,
            "requests": arguments.requests,
            "page_size": page_size,
            "sizes": results,
        },
        sys.stdout,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
