"""Run Django's checks for many generated projects from one Python process.

Each project's ``manage.py`` costs a second or more to start: the interpreter, Django and
the project's libraries are imported anew every time. This script, run by the shared
environment's Python (it imports nothing of the template's tests), imports Django once,
then forks one child per project and settings: the child starts from that warm process,
enters the project and runs its ``manage.py`` commands in sequence, exactly as typed,
through ``runpy``. The children of one project share nothing with another's: each is a
fresh copy of the parent, which never loads any project.

Input, on standard input: a JSON list of ``{"project": dir, "runs": [{"env": {...},
"commands": [[arg, ...], ...]}]}``. Output: one JSON line per project on standard
output, ``{"project": dir, "failures": [{"command": [...], "status": n, "output": text}]}``.
``--jobs N`` keeps up to N children running at once.
"""

import argparse
import importlib
import json
import os
import runpy
import sys
import tempfile
import traceback
from pathlib import Path

# The heaviest imports every child would repeat (Django's ORM and forms, DRF's fields, the
# schema validator, the Redis client), imported once here. Only modules that read no
# setting at import time: each child configures its own project's settings.
PRELOADED = (
    "django.core.management",
    "django.db.models",
    "django.test",
    "django.views.generic",
    "drf_spectacular.validation",
    "redis",
    "rest_framework.fields",
    "rest_framework.serializers",
)


def run_commands(project, env, commands):
    """In the child: enter the project, then run each command as ``manage.py`` would."""
    os.chdir(project)
    sys.path.insert(0, project)
    os.environ.update(env)
    failures = []
    for command in commands:
        sys.argv = ["manage.py", *command]
        status = 0
        try:
            runpy.run_path("manage.py", run_name="__main__")
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else 1
        except Exception:
            traceback.print_exc()
            status = 1
        sys.stdout.flush()
        sys.stderr.flush()
        if status:
            failures.append({"command": command, "status": status})
    return failures


def start(project, run, output, report):
    """Fork a child for one run of a project: its output goes to ``output``, the failures
    it saw to ``report``; return its pid."""
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(descriptor, 1)
        os.dup2(descriptor, 2)
        failures = run_commands(project, run["env"], run["commands"])
        Path(report).write_text(json.dumps(failures), encoding="utf-8")
        code = 0
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def collect(output, report, status):
    """The failures of a finished child, each with the child's whole output."""
    text = output.read_text(encoding="utf-8", errors="replace") if output.exists() else ""
    if status != 0 or not report.exists():
        return [{"command": None, "status": status or 1, "output": text}]
    return [
        {**failure, "output": text} for failure in json.loads(report.read_text(encoding="utf-8"))
    ]


def main():
    for module in PRELOADED:
        importlib.import_module(module)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    jobs = parser.parse_args().jobs
    work = [(item["project"], run) for item in json.load(sys.stdin) for run in item["runs"]]
    failures = {project: [] for project, _run in work}
    remaining = {project: 0 for project, _run in work}
    for project, _run in work:
        remaining[project] += 1
    running = {}
    started = 0
    with tempfile.TemporaryDirectory() as scratch:
        while work or running:
            while work and len(running) < jobs:
                project, run = work.pop(0)
                started += 1
                output = Path(scratch) / f"{started}.out"
                report = Path(scratch) / f"{started}.json"
                running[start(project, run, output, report)] = (project, output, report)
            pid, wait_status = os.wait()
            project, output, report = running.pop(pid)
            failures[project] += collect(output, report, os.waitstatus_to_exitcode(wait_status))
            remaining[project] -= 1
            if remaining[project] == 0:
                print(json.dumps({"project": project, "failures": failures[project]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
