"""Production hardening that does not depend on the environment."""

from django.utils.module_loading import import_string

from config.settings import base
from {{ cookiecutter.project_slug }}.core.parsers import JSONParser


def test_argon2_hashes_passwords_first():
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_the_api_speaks_json_only():
    assert base.REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] == [
        "rest_framework.renderers.JSONRenderer"
    ]
    parsers = base.REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]
    assert [import_string(parser) for parser in parsers] == [JSONParser]


def test_responses_carry_the_security_headers(api_client, db):
    response = api_client.get("/api/auth/me/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
