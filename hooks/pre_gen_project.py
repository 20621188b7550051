"""Validate the answers before Cookiecutter writes the project.

Cookiecutter renders this file before running it, so the answers reach it through the
placeholder in ``RENDERED_CONTEXT`` (a raw string: JSON never contains three quotes in a
row), and the template's absolute location through ``TEMPLATE_DIR`` (given by the
template's Jinja extension, ``local_extensions.py``: Cookiecutter's own ``_repo_dir`` is
relative to a directory the hook does not run in). Everything else is plain Python, which
keeps the module importable and testable.

Each problem is reported on one line naming the option, the bad value and the fix; any
problem makes the hook exit with status 1, and Cookiecutter then removes the half-made
project directory.
"""

import json
import keyword
import re
import sys
import zoneinfo
from pathlib import Path

RENDERED_CONTEXT = r"""{{ cookiecutter | jsonify }}"""
TEMPLATE_DIR = r"""{{ template_dir }}"""

# Options that turn on a way to authenticate; at least one is required.
AUTH_OPTIONS = ("auth_session", "auth_token", "auth_jwt", "auth_oauth2", "auth_api_key")
# The logins that check a password through the API; a second factor needs one of them.
PASSWORD_LOGINS = ("auth_session", "auth_token", "auth_jwt")

# Top-level modules a generated project imports or ships next to its package. A slug with
# one of these names would shadow it (or be shadowed) on the import path.
PROJECT_MODULES = frozenset(
    {
        "argon2",
        "config",
        "conftest",
        "corsheaders",
        "django",
        "drf_spectacular",
        "drf_spectacular_sidecar",
        "django_otp",
        "environ",
        "gunicorn",
        "knox",
        "manage",
        "oauth2_provider",
        "oauthlib",
        "psycopg",
        "pytest",
        "pytest_django",
        "redis",
        "rest_framework",
        "rest_framework_api_key",
        "rest_framework_simplejwt",
        "ruff",
        "segno",
        "test",
        "tests",
        "time_machine",
        "whitenoise",
    }
)

# Each pattern must match a whole answer (``fullmatch``): ``$`` would also match before a
# trailing newline, letting ``my_api\n`` through.
SLUG_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# A PEP 440 version, as the specification's appendix spells it (without the local part,
# which a published package may not carry): pip refuses to install a project whose
# pyproject.toml names anything else.
# https://packaging.python.org/en/latest/specifications/version-specifiers/#appendix-parsing-version-strings-with-regular-expressions
VERSION_PATTERN = re.compile(
    r"""
    v?
    (?:[0-9]+!)?                                      # epoch
    [0-9]+(?:\.[0-9]+)*                               # release
    (?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?  # pre-release
    (?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?     # post-release
    (?:[-_.]?dev[-_.]?[0-9]*)?                        # development release
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Free text that lands in one-line places (a README heading, pyproject.toml, the schema's
# title): printable, on one line. The name must also say something.
TEXT_OPTIONS = ("project_name", "description", "author_name")
REQUIRED_TEXT_OPTIONS = ("project_name",)


def problem(option, value, what, fix):
    """Format one problem as a single line: option, bad value, what is wrong, the fix."""
    return f"{option}={value!r}: {what}. Fix: {fix}."


def check_slug(slug):
    if not isinstance(slug, str) or not SLUG_PATTERN.fullmatch(slug):
        return problem(
            "project_slug",
            slug,
            "not a lowercase Python identifier",
            "use lowercase letters, digits and underscores, starting with a letter (e.g. my_api)",
        )
    if keyword.iskeyword(slug) or keyword.issoftkeyword(slug):
        return problem(
            "project_slug", slug, "is a Python keyword", "choose another name (e.g. my_api)"
        )
    if slug in PROJECT_MODULES or slug in sys.stdlib_module_names:
        return problem(
            "project_slug",
            slug,
            "shadows a module the project imports",
            f"choose a name of your own (e.g. {slug}_api)",
        )
    return None


def check_email(email):
    if isinstance(email, str) and EMAIL_PATTERN.fullmatch(email):
        return None
    return problem("email", email, "does not look like an email", "use name@example.com")


def check_version(version):
    if isinstance(version, str) and VERSION_PATTERN.fullmatch(version):
        return None
    return problem(
        "version",
        version,
        "is not a PEP 440 public version",
        "use a version such as 0.1.0 or 1.0rc1",
    )


def check_text(option, text):
    said = isinstance(text, str) and (text.strip() or option not in REQUIRED_TEXT_OPTIONS)
    if said and text.isprintable():
        return None
    return problem(
        option,
        text,
        "is not one line of printable text",
        "use letters, digits, spaces and punctuation, without line breaks or tabs",
    )


def check_timezone(name):
    if isinstance(name, str) and name in zoneinfo.available_timezones():
        return None
    return problem(
        "timezone", name, "is not an IANA time zone", "use a name such as UTC or Europe/Paris"
    )


def check_auth(context):
    if any(context.get(option) is True for option in AUTH_OPTIONS):
        return None
    names = ", ".join(AUTH_OPTIONS)
    return problem(
        "auth_*", "all off", "no authentication strategy is enabled", f"turn on one of {names}"
    )


def check_mfa(context):
    if context.get("auth_mfa") is not True or any(
        context.get(option) is True for option in PASSWORD_LOGINS
    ):
        return None
    names = ", ".join(PASSWORD_LOGINS)
    return problem(
        "auth_mfa", True, "a second factor needs a password login", f"turn on one of {names}"
    )


def check_option_values(context, defaults):
    """Booleans must be booleans and choices one of the listed values.

    Cookiecutter checks this for prompted answers, but not for a replay file.
    """
    problems = []
    for option, default in defaults.items():
        if option.startswith("_") or option not in context:
            continue
        value = context[option]
        if isinstance(default, bool) and not isinstance(value, bool):
            problems.append(problem(option, value, "is not a boolean", "answer yes or no"))
        elif isinstance(default, list) and value not in default:
            choices = ", ".join(default)
            problems.append(
                problem(option, value, "is not a valid choice", f"use one of {choices}")
            )
    return problems


def validate(context, defaults):
    """Return every problem with the answers in ``context`` (an empty list when valid).

    ``defaults`` is the template's ``cookiecutter.json``: it says which options are
    booleans and which are choices.
    """
    problems = check_option_values(context, defaults)
    problems += [
        found
        for found in (
            check_slug(context.get("project_slug")),
            check_email(context.get("email")),
            check_version(context.get("version")),
            *(check_text(option, context.get(option)) for option in TEXT_OPTIONS),
            check_timezone(context.get("timezone")),
            check_auth(context),
            check_mfa(context),
        )
        if found
    ]
    return problems


def load_defaults(template_dir):
    return json.loads((Path(template_dir) / "cookiecutter.json").read_text(encoding="utf-8"))


def main():
    context = json.loads(RENDERED_CONTEXT)
    problems = validate(context, load_defaults(TEMPLATE_DIR))
    for line in problems:
        print(f"ERROR: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
