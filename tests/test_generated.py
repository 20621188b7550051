"""Generated projects pass Django's checks and their own test suite.

These run for the default combination plus a pairwise covering array of the valid ones
(``--all-combinations`` for every one), in the one shared environment of
``project_python``. Each test bakes its own copy, since the commands write files (an
SQLite database, bytecode) into the project.
"""

import os
import secrets
import socket
import uuid

import pytest

from tests.combinations import (
    all_on_combination,
    combination_id,
    pairwise_combinations,
    valid_combinations,
)
from tests.template import bake, describe, isolated_environ, run

pytestmark = pytest.mark.generated

# Services on this machine the all-on combination's suite runs against when they answer.
SERVICES = {"PostgreSQL": 5432, "Redis": 6379}
# Set (by CI) to make unreachable services a failure instead of a skip.
REQUIRE_SERVICES = "TEMPLATE_TESTS_REQUIRE_SERVICES"

# What a real deployment sets: the production settings refuse to start without the
# allowed hosts, the database and the secret key (given per test), and throttling's deploy
# check wants a shared cache. The checks connect to neither service.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_ALLOWED_HOSTS": "api.example.com",
    "DATABASE_URL": "postgres://api:password@db.example.com:5432/api",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def pytest_generate_tests(metafunc):
    if "combination" in metafunc.fixturenames:
        every = metafunc.config.getoption("--all-combinations")
        combinations = valid_combinations() if every else pairwise_combinations()
        metafunc.parametrize("combination", combinations, ids=combination_id)


@pytest.fixture
def project(combination, tmp_path):
    return bake(tmp_path / "project", combination)


def run_in_project(project_python, project, *arguments, **env):
    """Run the shared environment's Python in the project; fail showing the output."""
    result = run(
        [project_python, *arguments], cwd=project, env=isolated_environ(**env), timeout=1800
    )
    assert result.returncode == 0, describe(result)
    return result


def test_system_checks(project_python, project):
    run_in_project(project_python, project, "manage.py", "check", "--fail-level", "WARNING")


def test_deploy_checks(project_python, project):
    run_in_project(
        project_python,
        project,
        *("manage.py", "check", "--deploy", "--fail-level", "WARNING"),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        **PRODUCTION_ENV,
    )


def test_migrations_are_complete(project_python, project):
    run_in_project(project_python, project, "manage.py", "makemigrations", "--check", "--dry-run")


def test_schema_is_valid(project_python, project, tmp_path):
    run_in_project(
        project_python,
        project,
        *("manage.py", "spectacular", "--validate", "--fail-on-warn"),
        *("--file", tmp_path / "schema.yml"),
    )


def test_generated_suite(project_python, project):
    run_in_project(project_python, project, "-m", "pytest", "-q", "-p", "no:cacheprovider")


def reachable(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def services():
    """Skip (or fail, when required) unless PostgreSQL and Redis both answer."""
    unreachable = [
        f"{name} (127.0.0.1:{port})" for name, port in SERVICES.items() if not reachable(port)
    ]
    if unreachable:
        reason = f"{' and '.join(unreachable)} not reachable"
        if os.environ.get(REQUIRE_SERVICES):
            pytest.fail(f"{reason}, and {REQUIRE_SERVICES} is set")
        pytest.skip(reason)


@pytest.mark.services
def test_generated_suite_on_postgresql_and_redis(services, project_python, tmp_path):
    """The all-on suite against real services, in a database of its own and a spare Redis db.

    pytest-django creates and drops ``test_<database>``; the suite clears its Redis db,
    so it gets one numbered 1-15, away from the 0 that other programs default to.
    """
    project = bake(tmp_path / "project", all_on_combination())
    database = f"template_{uuid.uuid4().hex[:12]}"
    redis_db = os.getpid() % 15 + 1
    run_in_project(
        project_python,
        project,
        *("-m", "pytest", "-q", "-p", "no:cacheprovider"),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{SERVICES['PostgreSQL']}/{database}",
        REDIS_URL=f"redis://127.0.0.1:{SERVICES['Redis']}/{redis_db}",
    )
