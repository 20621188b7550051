"""Settings for development on a workstation: debug on, SQLite and local memory by default."""

from .base import *  # noqa: F403
{%- set imported = [] %}
{%- if cookiecutter.auth_oauth2 %}{% set _ = imported.append("OAUTH2_PROVIDER") %}{% endif %}
{%- if cookiecutter.throttling %}{% set _ = imported.append("REST_FRAMEWORK") %}{% endif %}
{%- set _ = imported.append("env") %}
{%- if cookiecutter.throttling %}{% set _ = imported.append("throttle_rates") %}{% endif %}
from .base import {{ imported | join(", ") }}

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# The post-generation step wrote a fresh key into the git-ignored .env file.
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
{%- if cookiecutter.throttling %}

# Rates a developer exploring the API will not hit; the same variables still override them.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": throttle_rates(
        anon="10000/min",
        user="10000/min",
{%- if cookiecutter.auth_session or cookiecutter.auth_token or cookiecutter.auth_jwt %}
        login="1000/min",
        register="1000/hour",
{%- endif %}
        login_failures="1000/hour",
        login_failures_any_ip="10000/hour",
        admin_login="1000/hour",
    ),
}
{%- endif %}
{%- if cookiecutter.auth_oauth2 %}

# Callbacks on this workstation (Swagger UI on runserver, a native app's loopback) use http.
OAUTH2_PROVIDER = {**OAUTH2_PROVIDER, "ALLOWED_REDIRECT_URI_SCHEMES": ["http", "https"]}
{%- endif %}
