"""What the template's test modules share beyond ``tooling/``: the slugs the template must
refuse, and the services and browser some tests need, skipped without them or failed when
a run requires them.

It calls pytest, so it stays here rather than in the shared tooling. Only ``tests/``
imports it.
"""

import importlib.util
import os
from pathlib import Path

import pytest

from tooling.services import unreachable_services

# Set (by CI) to make unreachable services a failure instead of a skip.
REQUIRE_SERVICES = "TEMPLATE_TESTS_REQUIRE_SERVICES"
# Debian's Chromium, which the browser tests drive; Playwright's own downloads are never used.
CHROMIUM = Path("/usr/bin/chromium")
# Set (by CI) to make a missing browser a failure instead of a skip.
REQUIRE_BROWSER = "TEMPLATE_TESTS_REQUIRE_BROWSER"

# Slugs the template must refuse: not lowercase identifiers (whole: a trailing newline
# too), keywords (hard and soft), and names that shadow a module the generated project
# imports or ships.
BAD_SLUGS = (
    "My-API",
    "my_api\n",
    "1api",
    "my api",
    "MyApi",
    "class",
    "match",
    "django",
    "rest_framework",
    "config",
    "test",
    "tests",
    "site",
)


def missing_browser():
    """What this machine lacks to run the browser tests, as sentences (none: it can run)."""
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright package is not installed (requirements-test.txt)")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"Chromium is not at {CHROMIUM} (Debian package: chromium)")
    return missing


def services_answer():
    """Whether PostgreSQL and Redis both answer; when they are required (CI) and do not,
    the calling test fails, naming them."""
    unreachable = unreachable_services()
    if unreachable and os.environ.get(REQUIRE_SERVICES):
        pytest.fail(f"{' and '.join(unreachable)} not reachable, and {REQUIRE_SERVICES} is set")
    return not unreachable
