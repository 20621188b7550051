"""Settings shared by every environment.

Each environment module (local, test, production) imports everything from here and
overrides what differs. Values that vary between deployments are read from the
environment; see ``.env.example`` for the full list.
"""

{% set password_login = cookiecutter.auth_session or cookiecutter.auth_token or cookiecutter.auth_jwt -%}
{% set custom_cors_headers = cookiecutter.cors and (cookiecutter.auth_api_key or cookiecutter.permission_model == "multi_tenant") -%}
import os
{% if cookiecutter.auth_jwt or cookiecutter.auth_token -%}
from datetime import timedelta
{% endif -%}
from pathlib import Path

import environ
{%- if custom_cors_headers %}
from corsheaders.defaults import default_headers
{%- endif %}

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# The git-ignored .env file holds values for development on a workstation, so only the
# local settings read it; production and the tests see the real environment alone unless
# DJANGO_READ_DOT_ENV_FILE=True says otherwise. Values already in the environment win.
# https://django-environ.readthedocs.io/en/latest/tips.html#multiple-env-files
LOCAL_SETTINGS_MODULE = "config.settings.local"
READ_DOT_ENV_FILE = env.bool(
    "DJANGO_READ_DOT_ENV_FILE",
    default=os.environ.get("DJANGO_SETTINGS_MODULE") == LOCAL_SETTINGS_MODULE,
)
if READ_DOT_ENV_FILE and (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

# GENERAL
# ------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
TIME_ZONE = "{{ cookiecutter.timezone }}"
LANGUAGE_CODE = "en-us"
USE_I18N = True
USE_TZ = True

# DATABASES
# ------------------------------------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
# SQLite runs one writer at a time. Each transaction takes the write lock as it begins
# (IMMEDIATE), so a writer that finds it taken waits up to `timeout` seconds instead of
# failing with "database is locked" at its first write; in WAL mode readers go on meanwhile.
# https://docs.djangoproject.com/en/5.2/ref/databases/#database-is-locked-errors
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def database(url):
    """The database the URL names, with the options SQLite needs under concurrent use."""
    config = env.db_url_config(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**config.get("OPTIONS", {}), **SQLITE_OPTIONS}
    return config


DATABASES = {
    "default": database(env("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHES
# ------------------------------------------------------------------------------
{%- if cookiecutter.throttling %}
# Rate-limit counters live in the cache, so every worker process must share it:
# production sets REDIS_URL. Local development and tests fall back to process memory.
{%- else %}
# REDIS_URL shares the cache between worker processes; without it, each process keeps its
# own in memory.
{%- endif %}
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# SESSIONS
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/http/sessions/#using-cached-sessions
# With a shared cache, sessions are read from it (no query per request) and written through
# to the database, so a cache restart logs nobody out (``core/sessions.py``: Django's
# cached_db engine). Logout deletes both copies, and a password change still ends other
# sessions (Django checks each session's password hash against the user's). A per-process
# cache would keep serving a session another process ended, so without Redis sessions stay
# in the database alone.
if REDIS_URL:
    SESSION_ENGINE = "{{ cookiecutter.project_slug }}.core.sessions"

# URLS
# ------------------------------------------------------------------------------
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ADMIN_URL = env("DJANGO_ADMIN_URL", default="admin/")

# APPS
# ------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
THIRD_PARTY_APPS = [
{%- if cookiecutter.cors %}
    "corsheaders",
{%- endif %}
    "rest_framework",
{%- if cookiecutter.auth_token %}
    "knox",
{%- endif %}
{%- if cookiecutter.auth_jwt %}
    "rest_framework_simplejwt.token_blacklist",
{%- endif %}
{%- if cookiecutter.auth_oauth2 %}
    "oauth2_provider",
{%- endif %}
{%- if cookiecutter.auth_api_key %}
    "rest_framework_api_key",
{%- endif %}
{%- if cookiecutter.auth_mfa %}
    "django_otp",
    "django_otp.plugins.otp_totp",
{%- endif %}
    "drf_spectacular",
    "drf_spectacular_sidecar",
]
LOCAL_APPS = [
    "{{ cookiecutter.project_slug }}.core",
    "{{ cookiecutter.project_slug }}.users",
    "{{ cookiecutter.project_slug }}.documents",
{%- if cookiecutter.auth_session %}
    "{{ cookiecutter.project_slug }}.auth_session",
{%- endif %}
{%- if cookiecutter.auth_token %}
    "{{ cookiecutter.project_slug }}.auth_token",
{%- endif %}
{%- if cookiecutter.auth_jwt %}
    "{{ cookiecutter.project_slug }}.auth_jwt",
{%- endif %}
{%- if cookiecutter.auth_oauth2 %}
    "{{ cookiecutter.project_slug }}.auth_oauth2",
{%- endif %}
{%- if cookiecutter.auth_api_key %}
    "{{ cookiecutter.project_slug }}.auth_api_key",
{%- endif %}
{%- if cookiecutter.auth_mfa %}
    "{{ cookiecutter.project_slug }}.auth_mfa",
{%- endif %}
{%- if cookiecutter.permission_model == "rbac" %}
    "{{ cookiecutter.project_slug }}.rbac",
{%- elif cookiecutter.permission_model == "multi_tenant" %}
    "{{ cookiecutter.project_slug }}.tenancy",
{%- endif %}
{%- if cookiecutter.throttling %}
    "{{ cookiecutter.project_slug }}.throttling",
    "{{ cookiecutter.project_slug }}.lockout",
{%- endif %}
{%- if cookiecutter.audit_log != "none" %}
    "{{ cookiecutter.project_slug }}.audit",
{%- endif %}
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# AUTHENTICATION
# ------------------------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
# https://docs.djangoproject.com/en/5.2/topics/auth/passwords/#using-argon2-with-django
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
{%- if cookiecutter.throttling %}
# Every password check ({% if password_login %}the API logins, {% endif %}the admin) counts failures and honours the lockout.
AUTHENTICATION_BACKENDS = ["{{ cookiecutter.project_slug }}.lockout.backends.LockoutBackend"]
{%- endif %}
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# MIDDLEWARE
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    # Outermost, so that every error answer under /api/ leaves in the API's JSON shape.
    "{{ cookiecutter.project_slug }}.core.middleware.APIErrorMiddleware",
{%- if cookiecutter.audit_log != "none" %}
    # Records each request's events once its answer is decided, whatever answered it.
    "{{ cookiecutter.project_slug }}.audit.middleware.AuditMiddleware",
{%- endif %}
    "django.middleware.security.SecurityMiddleware",
{%- if cookiecutter.cors %}
    "corsheaders.middleware.CorsMiddleware",
{%- endif %}
    # Before anything reads the request: PostgreSQL cannot compare text holding NUL.
    "{{ cookiecutter.project_slug }}.core.middleware.RefuseNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
{%- if cookiecutter.throttling %}
    "{{ cookiecutter.project_slug }}.lockout.middleware.LoginFormRateMiddleware",
    # Tells API clients where they stand against the rates their requests counted against.
    "{{ cookiecutter.project_slug }}.throttling.middleware.RateLimitHeadersMiddleware",
{%- endif %}
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# STATIC
# ------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# TEMPLATES (admin and the API docs page)
# ------------------------------------------------------------------------------
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SECURITY
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.security
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

{% if cookiecutter.throttling -%}
# THROTTLE RATES
# ------------------------------------------------------------------------------
# https://www.django-rest-framework.org/api-guide/throttling/#setting-the-throttling-policy


def throttle_rates(**defaults):
    """DRF throttle rates by scope, each from ``DJANGO_THROTTLE_<SCOPE>`` or its default.

    Every settings module that sets rates goes through here, so one variable overrides a
    scope's rate whichever defaults apply.
    """
    return {
        scope: env(f"DJANGO_THROTTLE_{scope.upper()}", default=rate)
        for scope, rate in defaults.items()
    }


{% endif -%}
# DJANGO REST FRAMEWORK
# ------------------------------------------------------------------------------
# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    # The first class answers unauthenticated requests with its WWW-Authenticate header.
    "DEFAULT_AUTHENTICATION_CLASSES": [
{%- if cookiecutter.auth_jwt %}
        "{{ cookiecutter.project_slug }}.auth_jwt.authentication.JWTAuthentication",
{%- endif %}
{%- if cookiecutter.auth_oauth2 %}
        "{{ cookiecutter.project_slug }}.auth_oauth2.authentication.OAuth2Authentication",
{%- endif %}
{%- if cookiecutter.auth_token %}
        "{{ cookiecutter.project_slug }}.auth_token.authentication.TokenAuthentication",
{%- endif %}
{%- if cookiecutter.auth_api_key %}
        "{{ cookiecutter.project_slug }}.auth_api_key.authentication.APIKeyAuthentication",
{%- endif %}
{%- if cookiecutter.auth_session %}
        "{{ cookiecutter.project_slug }}.auth_session.authentication.SessionAuthentication",
{%- endif %}
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["{{ cookiecutter.project_slug }}.core.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": env.int("DJANGO_API_PAGE_SIZE", default=20),
    "EXCEPTION_HANDLER": "{{ cookiecutter.project_slug }}.core.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "{{ cookiecutter.project_slug }}.core.schema.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
{%- if cookiecutter.throttling or cookiecutter.audit_log != "none" %}
    # Client IPs come from REMOTE_ADDR, or from X-Forwarded-For as written by this many
    # trusted proxies in front of the app; never from a header the client controls.
    # https://www.django-rest-framework.org/api-guide/throttling/#how-clients-are-identified
    "NUM_PROXIES": env.int("DJANGO_NUM_PROXIES", default=0),
{%- endif %}
{%- if cookiecutter.throttling %}
    "DEFAULT_THROTTLE_CLASSES": [
        "{{ cookiecutter.project_slug }}.throttling.throttles.AnonRateThrottle",
{%- if cookiecutter.auth_oauth2 %}
        # Per user, and per client application for a client credentials token.
        "{{ cookiecutter.project_slug }}.auth_oauth2.throttles.ClientRateThrottle",
{%- else %}
        "{{ cookiecutter.project_slug }}.throttling.throttles.UserRateThrottle",
{%- endif %}
{%- if password_login %}
        "{{ cookiecutter.project_slug }}.throttling.scoped.ScopedRateThrottle",
{%- endif %}
    ],
    # Strict, for production; the local settings relax them.
    "DEFAULT_THROTTLE_RATES": throttle_rates(
        anon="100/min",
        user="1000/min",
{%- if password_login %}
        login="10/min",
        register="5/hour",
{%- endif %}
        # Failed logins per username from one client IP, then per username whatever the
        # IP: an attacker's address is locked out long before the owner's.
        login_failures="10/hour",
        login_failures_any_ip="100/hour",
        # Failed logins on the HTML login forms (LOGIN_FORMS) per client IP.
        admin_login="10/hour",
    ),
{%- endif %}
}
{%- if cookiecutter.throttling %}
# The HTML pages where people sign in with a password, limited per client IP.
LOGIN_FORMS = ["admin:login"{% if cookiecutter.auth_oauth2 %}, "oauth2_provider:login"{% endif %}]
{%- endif %}

# OPENAPI
# ------------------------------------------------------------------------------
# https://drf-spectacular.readthedocs.io/en/latest/settings.html
SPECTACULAR_SETTINGS = {
    "TITLE": {{ cookiecutter.project_name | tojson }},
    "DESCRIPTION": {{ cookiecutter.description | tojson }},
    "VERSION": {{ cookiecutter.version | tojson }},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI is served from this project's static files, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
{%- if cookiecutter.auth_oauth2 %}
    # Swagger UI's Authorize dialog runs the authorization code flow with PKCE; register
    # its callback, <site>/api/docs/oauth2-redirect.html, on a public application.
    "OAUTH2_FLOWS": ["authorizationCode", "clientCredentials"],
    "OAUTH2_AUTHORIZATION_URL": "/o/authorize/",
    "OAUTH2_TOKEN_URL": "/o/token/",
    "OAUTH2_REFRESH_URL": "/o/token/",
    "SWAGGER_UI_OAUTH2_CONFIG": {"usePkceWithAuthorizationCodeGrant": True},
{%- endif %}
}
{%- if cookiecutter.auth_jwt %}

# JWT
# ------------------------------------------------------------------------------
# https://django-rest-framework-simplejwt.readthedocs.io/en/latest/settings.html
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(
        minutes=env.int("DJANGO_JWT_ACCESS_MINUTES", default=5),
    ),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("DJANGO_JWT_REFRESH_DAYS", default=1)),
    # A refresh token works once: refreshing returns a new one and blacklists the old.
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "ALGORITHM": "HS256",
    "AUTH_HEADER_TYPES": ("Bearer",),
    "TOKEN_REFRESH_SERIALIZER": "{{ cookiecutter.project_slug }}.auth_jwt.serializers.RefreshSerializer",
    "TOKEN_VERIFY_SERIALIZER": "{{ cookiecutter.project_slug }}.auth_jwt.serializers.VerifySerializer",
    "TOKEN_BLACKLIST_SERIALIZER": "{{ cookiecutter.project_slug }}.auth_jwt.serializers.LogoutSerializer",
}
{%- endif %}
{%- if cookiecutter.auth_oauth2 %}

# OAUTH2 (django-oauth-toolkit)
# ------------------------------------------------------------------------------
# https://django-oauth-toolkit.readthedocs.io/en/latest/settings.html
# The authorization page sends users who are not signed in to this server's login form.
LOGIN_URL = "oauth2_provider:login"
OAUTH2_PROVIDER = {
    "OAUTH2_VALIDATOR_CLASS": "{{ cookiecutter.project_slug }}.auth_oauth2.validators.OAuth2Validator",
    # A token allows the safe methods with `read`, the others with `write`.
    "SCOPES": {"read": "Read your data", "write": "Change your data"},
    "DEFAULT_SCOPES": ["read"],
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("DJANGO_OAUTH2_ACCESS_MINUTES", default=10) * 60,
    "REFRESH_TOKEN_EXPIRE_SECONDS": env.int("DJANGO_OAUTH2_REFRESH_DAYS", default=14) * 86400,
    "AUTHORIZATION_CODE_EXPIRE_SECONDS": 60,
    # A refresh token works once; presenting a used one revokes its whole family.
    "ROTATE_REFRESH_TOKEN": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "PKCE_REQUIRED": True,
    # Redirect URIs match exactly and use https; local settings allow http for loopback.
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
    "ALLOW_URI_WILDCARDS": False,
    # RFC 9700 (OAuth 2.0 Security Best Current Practice), every gate enforced: no implicit
    # or password grant, PKCE with S256 only, tokens never in URLs, the `iss` parameter in
    # authorization responses, tokens stored as SHA-256 checksums only.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_MATCHING": True,
    "COMPLIANT_BCP_RFC9700_PKCE_REQUIRED": True,
    # What the server metadata (RFC 8414) advertises: what the endpoints accept.
    "OAUTH2_RESPONSE_TYPES_SUPPORTED": ["code"],
    "OAUTH2_GRANT_TYPES_SUPPORTED": ["authorization_code", "client_credentials", "refresh_token"],
}
{%- endif %}
{%- if cookiecutter.auth_mfa %}

# TWO-FACTOR AUTHENTICATION (django-otp)
# ------------------------------------------------------------------------------
# https://django-otp-official.readthedocs.io/en/stable/overview.html#settings
# The name authenticator apps show next to the account.
OTP_TOTP_ISSUER = {{ cookiecutter.project_name | tojson }}
# Wrong codes make a user wait 1 s, then 2, 4, 8...: per user, on the device row.
OTP_TOTP_THROTTLE_FACTOR = 1
# Minutes a login's mfa_token can be exchanged for the credential.
MFA_TOKEN_MINUTES = env.int("DJANGO_MFA_TOKEN_MINUTES", default=5)
# Who must sign in with a second factor: none, staff or all. Their logins answer with
# an enrolment requirement until they set one up.
MFA_REQUIRED = env("DJANGO_MFA_REQUIRED", default="none")
{%- endif %}
{%- if cookiecutter.auth_token %}

# TOKENS (knox)
# ------------------------------------------------------------------------------
# https://jazzband.github.io/django-rest-knox/settings/
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env.int("DJANGO_TOKEN_TTL_HOURS", default=10)),
    "TOKEN_LIMIT_PER_USER": env.int("DJANGO_TOKEN_LIMIT_PER_USER", default=10),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
    "USER_SERIALIZER": "{{ cookiecutter.project_slug }}.users.serializers.UserSerializer",
}
{%- endif %}
{%- if cookiecutter.cors %}

# CORS
# ------------------------------------------------------------------------------
# https://github.com/adamchainz/django-cors-headers#configuration
CORS_ALLOWED_ORIGINS = env.list("DJANGO_CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
{%- if custom_cors_headers %}
# Request headers a browser may send cross-origin: the usual ones and those the API reads.
CORS_ALLOW_HEADERS = (
    *default_headers,
{%- if cookiecutter.permission_model == "multi_tenant" %}
    "x-tenant",
{%- endif %}
{%- if cookiecutter.auth_api_key %}
    "x-api-key",
{%- endif %}
)
{%- endif %}
{%- if cookiecutter.throttling or cookiecutter.audit_log != "none" %}
# Response headers cross-origin scripts may read.
CORS_EXPOSE_HEADERS = [
{%- if cookiecutter.throttling %}
    "RateLimit",
    "RateLimit-Policy",
    "Retry-After",
{%- endif %}
{%- if cookiecutter.audit_log != "none" %}
    "X-Request-ID",
{%- endif %}
]
{%- endif %}
{%- if cookiecutter.auth_session %}
# Browsers send the session cookie cross-origin only to origins allowed here.
CORS_ALLOW_CREDENTIALS = True
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=CORS_ALLOWED_ORIGINS)
{%- else %}
CORS_ALLOW_CREDENTIALS = False
{%- endif %}
{%- endif %}

# DOCUMENTS (the example resource)
# ------------------------------------------------------------------------------
# The rule deciding who sees and changes which documents.
{%- if cookiecutter.permission_model == "owner" %}
DOCUMENTS_ACCESS_POLICY = "{{ cookiecutter.project_slug }}.access.owner.OwnerPolicy"
{%- elif cookiecutter.permission_model == "group" %}
DOCUMENTS_ACCESS_POLICY = "{{ cookiecutter.project_slug }}.access.group.GroupPolicy"
{%- elif cookiecutter.permission_model == "rbac" %}
DOCUMENTS_ACCESS_POLICY = "{{ cookiecutter.project_slug }}.rbac.policy.RolePolicy"
{%- elif cookiecutter.permission_model == "multi_tenant" %}
DOCUMENTS_ACCESS_POLICY = "{{ cookiecutter.project_slug }}.tenancy.policy.TenantPolicy"
{%- endif %}
{%- if cookiecutter.permission_model == "multi_tenant" %}

# TENANCY
# ------------------------------------------------------------------------------
# Days an invitation to join a tenant can be accepted.
TENANCY_INVITATION_DAYS = env.int("DJANGO_TENANCY_INVITATION_DAYS", default=7)
{%- endif %}

{%- if cookiecutter.audit_log != "none" %}

# AUDIT LOG
# ------------------------------------------------------------------------------
# Where events are recorded: sign-ins, credentials, refusals, changes of access and data.
{%- if cookiecutter.audit_log == "database" %}
AUDIT_LOG_SINK = "{{ cookiecutter.project_slug }}.audit.database.DatabaseSink"
# Days of events `manage.py purge_audit_events` keeps.
AUDIT_LOG_RETENTION_DAYS = env.int("DJANGO_AUDIT_LOG_RETENTION_DAYS", default=365)
{%- else %}
# One line of JSON per event on the `audit` logger (standard output), for a log shipper.
AUDIT_LOG_SINK = "{{ cookiecutter.project_slug }}.audit.log.LogSink"
{%- endif %}
{%- endif %}

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "verbose": {"format": "%(levelname)s %(asctime)s %(name)s %(message)s"},
{%- if cookiecutter.audit_log == "log" %}
        "bare": {"format": "%(message)s"},
{%- endif %}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "verbose"},
{%- if cookiecutter.audit_log == "log" %}
        "audit": {
            "class": "logging.StreamHandler",
            "formatter": "bare",
            "stream": "ext://sys.stdout",
        },
{%- endif %}
    },
    "root": {"level": "INFO", "handlers": ["console"]},
{%- if cookiecutter.audit_log == "log" %}
    # Events only, each line a JSON object, kept apart from the other logs.
    "loggers": {"audit": {"level": "INFO", "handlers": ["audit"], "propagate": False}},
{%- endif %}
}
