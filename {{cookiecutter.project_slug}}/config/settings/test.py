"""Settings for the test suite: fast, isolated and independent of the local .env file."""

from .base import *  # noqa: F403
{%- set overridden = ["BASE_DIR", "DATABASES"] %}
{%- if cookiecutter.throttling %}{% set _ = overridden.append("REST_FRAMEWORK") %}{% endif %}
{%- if cookiecutter.auth_token %}{% set _ = overridden.append("REST_KNOX") %}{% endif %}
from .base import {{ overridden | join(", ") }}

DEBUG = False
# Not a secret: used only by the test suite, never by a running server.
SECRET_KEY = "test-only-key-not-used-by-any-running-server-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["testserver"]

# SQLite tests run on a file, configured as the server's (base.py): requests from several
# threads then wait for each other's writes as a server's workers do. In memory they would
# share one cache and lock whole tables instead.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}

# Hashing with Argon2 on every created user would dominate the run time.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
{%- if cookiecutter.throttling %}

# Low, fixed limits so the tests reach them quickly whatever the environment says.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "anon": "60/min",
        "user": "60/min",
{%- if cookiecutter.auth_session or cookiecutter.auth_token or cookiecutter.auth_jwt %}
        "login": "10/min",
        "register": "5/min",
{%- endif %}
        "login_failures": "3/hour",
        "login_failures_any_ip": "6/hour",
        "admin_login": "5/hour",
    },
}
{%- endif %}
{%- if cookiecutter.auth_token %}

# Low, so that the tests reach it{% if cookiecutter.throttling %} before the login rate limit{% endif %}.
REST_KNOX = {**REST_KNOX, "TOKEN_LIMIT_PER_USER": 5}
{%- endif %}
{%- if cookiecutter.cors %}

CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
{%- endif %}
