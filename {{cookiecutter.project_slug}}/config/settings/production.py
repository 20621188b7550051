"""Settings for production. Every value that must be right is read from the environment.

``manage.py check --deploy`` with these settings must report nothing.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, database, env

# REQUIRED ENVIRONMENT
# ------------------------------------------------------------------------------
# No default would be safe for these, and a silent fallback (the SQLite file, the local
# .env's development key) would be worse than refusing to start.
REQUIRED_VARIABLES = {
    "DJANGO_SECRET_KEY": "50+ random characters, e.g. the output of "
    "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'",
    "DJANGO_ALLOWED_HOSTS": "the host names the API answers to, comma-separated, "
    "e.g. api.example.com",
    "DATABASE_URL": "the production database, e.g. postgres://user:password@host:5432/name",
}
missing = [name for name in REQUIRED_VARIABLES if not env.str(name, default="").strip()]
if missing:
    raise ImproperlyConfigured(
        "The production settings need these environment variables (the .env file is "
        "read only with DJANGO_READ_DOT_ENV_FILE=True):\n"
        + "\n".join(f"- {name}: {REQUIRED_VARIABLES[name]}" for name in missing)
    )

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")

# DATABASES
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/databases/#persistent-connections
DATABASES = {"default": database(env("DATABASE_URL"))}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# SECURITY
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
# Set DJANGO_SECURE_PROXY_SSL_HEADER only behind a proxy that sets X-Forwarded-Proto.
if env.bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# https://docs.djangoproject.com/en/5.2/ref/middleware/#http-strict-transport-security
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)

# STATIC
# ------------------------------------------------------------------------------
# Served by the app itself, compressed and with far-future cache headers.
# https://whitenoise.readthedocs.io/en/stable/django.html
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
