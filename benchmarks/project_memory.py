"""How much memory a worker process of one project holds, next to a bare Django + DRF one.

``benchmarks/memory.py`` copies this module into a baked project, next to
``project_requests.py`` (whose settings and WSGI calls it shares), and runs it three ways
from the project's root, each in a new interpreter, with ``DATABASE_URL`` naming a SQLite
file:

- ``prepare``: migrates the database and creates the user the worker signs in as;
- ``project``: a worker of the project: its settings, URLs and middleware, serving a JWT
  login, ``me``, the documents list and a missing document, a few times each;
- ``bare``: a worker of Django and rest framework alone, as ``startproject`` sets them up
  plus rest framework, serving one ``APIView`` as many times.

The last two print one JSON document: the resident set size after the requests and its
peak, in KiB, from ``/proc/self/status``.
"""

import json
import sys
import types

from benchmark_requests import PASSWORD, define_settings, post_json, send, wsgi_environ

REPEAT = 5
USERNAME = "worker"
BARE_URLCONF = "benchmark_bare_urls"


def memory():
    """``{"rss_kib": ..., "peak_kib": ...}`` of this process."""
    fields = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            fields[name] = int(value.split()[0]) if value.strip().endswith("kB") else None
    return {"rss_kib": fields["VmRSS"], "peak_kib": fields["VmHWM"]}


def get(handler, path, headers):
    send(handler, wsgi_environ("GET", path, headers))


def prepare():
    define_settings()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    get_user_model().objects.create_user(USERNAME, f"{USERNAME}@example.com", PASSWORD)


def project():
    define_settings()
    sys.modules["benchmark_settings"].ROOT_URLCONF = "config.urls"
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    for _ in range(REPEAT):
        login = {"username": USERNAME, "password": PASSWORD}
        access = post_json(handler, "/api/auth/jwt/login/", login)["access"]
        headers = {"HTTP_AUTHORIZATION": f"Bearer {access}"}
        get(handler, "/api/auth/me/", headers)
        get(handler, "/api/documents/", headers)
        get(handler, "/api/documents/00000000-0000-0000-0000-000000000000/", headers)


def bare():
    from django.conf import settings

    settings.configure(
        SECRET_KEY="a-benchmark-key-of-enough-length-0123456789-abcdefghijklmnop",  # noqa: S106
        ALLOWED_HOSTS=["testserver"],
        INSTALLED_APPS=[
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "rest_framework",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        ROOT_URLCONF=BARE_URLCONF,
        USE_TZ=True,
    )
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.urls import path
    from rest_framework.response import Response
    from rest_framework.views import APIView

    class Hello(APIView):
        def get(self, request):
            return Response({"ok": True})

    urls = types.ModuleType(BARE_URLCONF)
    urls.urlpatterns = [path("api/hello/", Hello.as_view())]
    sys.modules[BARE_URLCONF] = urls
    handler = WSGIHandler()
    for _ in range(REPEAT * 4):
        get(handler, "/api/hello/", {})


def main(argv=None):
    mode = (argv or sys.argv[1:])[0]
    {"prepare": prepare, "project": project, "bare": bare}[mode]()
    if mode != "prepare":
        json.dump(memory(), sys.stdout)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
