"""The log sink: one line of JSON per event on standard output, and nothing in the database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import NoReverseMatch, reverse

PROJECT_ROOT = Path(settings.BASE_DIR)
IMPORT = "from {{ cookiecutter.project_slug }}.audit.recorder import record; "
RECORD = "record('shell.test', reason='checked', count=2)"


def test_each_event_is_one_json_line_on_standard_output():
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", IMPORT + RECORD],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    [line] = result.stdout.splitlines()
    event = json.loads(line)
    assert (event["event"], event["details"]) == ("shell.test", {"reason": "checked", "count": 2})
    assert event["actor"] is None


def test_no_table_and_no_endpoint(db):
    assert not any("audit" in table for table in connection.introspection.table_names())
    with pytest.raises(NoReverseMatch):
        reverse("audit:events")
