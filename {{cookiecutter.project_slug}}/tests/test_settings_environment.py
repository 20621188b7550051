"""Which settings read the local .env file, and what production refuses to start without.

Settings are read once per process, so each case loads them in a fresh interpreter, from a
copy of ``config/`` next to a ``.env`` file of the test's own: the project's real ``.env``
is never read or touched.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
REQUIRED = {
    "DJANGO_SECRET_KEY": "a-production-secret-key-of-enough-length-0123456789-abcdef",
    "DJANGO_ALLOWED_HOSTS": "api.example.com",
    "DATABASE_URL": "postgres://api:password@db.example.com:5432/api",
}
DEVELOPMENT_KEY = "the-development-key-from-the-local-env-file-0123456789-abcdef"
READ_SETTINGS = (
    "import json; from django.conf import settings; "
    "print(json.dumps([settings.SECRET_KEY, settings.DATABASES['default']['ENGINE']]))"
)


@pytest.fixture
def project_copy(tmp_path):
    """``config/`` alone, with a local .env that holds a development key."""
    shutil.copytree(PROJECT_DIR / "config", tmp_path / "config")
    (tmp_path / ".env").write_text(f"DJANGO_SECRET_KEY={DEVELOPMENT_KEY}\n", encoding="utf-8")
    return tmp_path


def load_settings(folder, module, code=READ_SETTINGS, **variables):
    """Run ``code`` with ``module`` in a new interpreter with only ``variables`` set."""
    environ = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in {"DATABASE_URL", "REDIS_URL"}
    }
    environ.update(variables, DJANGO_SETTINGS_MODULE=f"config.settings.{module}")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )


def test_local_settings_read_the_env_file(project_copy):
    result = load_settings(project_copy, "local")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0] == DEVELOPMENT_KEY


def test_production_refuses_to_start_without_its_environment(project_copy):
    """The .env file's development key is not picked up, and SQLite is no fallback."""
    result = load_settings(project_copy, "production")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    for name in REQUIRED:
        assert f"- {name}: " in result.stderr
    assert DEVELOPMENT_KEY not in result.stderr


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_names_each_missing_variable(project_copy, missing):
    present = {name: value for name, value in REQUIRED.items() if name != missing}

    result = load_settings(project_copy, "production", **present)

    assert result.returncode != 0
    assert f"- {missing}: " in result.stderr
    assert [name for name in present if f"- {name}: " in result.stderr] == []


def test_production_starts_with_its_environment(project_copy):
    result = load_settings(project_copy, "production", **REQUIRED)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        REQUIRED["DJANGO_SECRET_KEY"],
        "django.db.backends.postgresql",
    ]


def test_production_reads_the_env_file_only_when_told_to(project_copy):
    told = {**REQUIRED, "DJANGO_READ_DOT_ENV_FILE": "True"}
    del told["DJANGO_SECRET_KEY"]

    result = load_settings(project_copy, "production", **told)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0] == DEVELOPMENT_KEY


def test_test_settings_ignore_the_env_file(project_copy):
    result = load_settings(project_copy, "test")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0] != DEVELOPMENT_KEY


@pytest.mark.parametrize(
    ("redis_url", "engine"),
    [
        ("", "django.contrib.sessions.backends.db"),
        ("redis://cache.example.com:6379/0", "{{ cookiecutter.project_slug }}.core.sessions"),
    ],
)
def test_sessions_are_read_from_the_cache_only_when_it_is_shared(project_copy, redis_url, engine):
    code = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    result = load_settings(project_copy, "local", code=code, REDIS_URL=redis_url)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == engine
