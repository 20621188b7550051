"""Generated projects pass Django's checks and their own test suite.

Django's checks (``check``, ``check --deploy`` with production settings,
``makemigrations --check``, ``spectacular --validate``) run for every valid combination,
batched in one warm process (``tests/project_checks.py``). The generated suites run for
the default combination plus a pairwise covering array of the valid ones, each suite in
a fresh bake, in the one shared environment of ``project_python``. ``--full`` runs both
for every combination, or for ``--shard``'s slice, or for ``--sample``'s draw.
"""

import json
import os
import resource
import secrets
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from tests.support import services_answer
from tooling.bakery import bake_all, scratch_folder
from tooling.combinations import (
    all_on_combination,
    combination_id,
    django_checked_combinations,
    pairwise_combinations,
    valid_combinations,
)
from tooling.commands import describe, isolated_environ, run
from tooling.services import SERVICES
from tooling.shards import load_costs, parse_shard, sample, shard
from tooling.template import TEMPLATE_DIR, bake

pytestmark = pytest.mark.generated


# What a real deployment sets: the production settings refuse to start without the
# allowed hosts, the database and the secret key (given per run), and throttling's deploy
# check wants a shared cache. The checks connect to neither service.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_ALLOWED_HOSTS": "api.example.com",
    "DATABASE_URL": "postgres://api:password@db.example.com:5432/api",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def selected_combinations(config):
    """The combinations whose generated suites this run executes."""
    if not config.getoption("--full"):
        return pairwise_combinations()
    combinations = valid_combinations()
    if config.getoption("--sample"):
        combinations = sample(
            combinations, config.getoption("--sample"), config.getoption("--sample-seed")
        )
    if config.getoption("--shard"):
        index, count = parse_shard(config.getoption("--shard"))
        combinations = shard(combinations, index, count, load_costs())
    return combinations


def checked_combinations(config):
    """The combinations whose projects this run puts through Django's checks."""
    if config.getoption("--full"):
        return selected_combinations(config)
    return django_checked_combinations()


def pytest_generate_tests(metafunc):
    if "combination" in metafunc.fixturenames:
        metafunc.parametrize(
            "combination", selected_combinations(metafunc.config), ids=combination_id
        )


def manage_py_checks(project):
    """The ``manage.py`` command lines a project must pass, with the environment of each."""
    return [
        {
            "env": {},
            "commands": [
                ["check", "--fail-level", "WARNING"],
                ["makemigrations", "--check", "--dry-run"],
                ["spectacular", "--validate", "--fail-on-warn", "--file", f"{project}.schema.yml"],
            ],
        },
        {
            "env": {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)},
            "commands": [["check", "--deploy", "--fail-level", "WARNING"]],
        },
    ]


@pytest.fixture(scope="session")
def checked_projects(request):
    """Project folder -> combination id of every checked combination, written in RAM
    where the system has it (from the run's bakery, or baked for a full run's slice)."""
    combinations = checked_combinations(request.config)
    if request.config.getoption("--full"):
        bakery = bake_all(combinations)
    else:
        bakery = request.getfixturevalue("bakery")
    folder = Path(tempfile.mkdtemp(dir=scratch_folder()))
    projects = {}
    for combination in combinations:
        name = combination_id(combination)
        projects[str(bakery.write(combination, folder / name))] = name
    yield projects
    shutil.rmtree(folder, ignore_errors=True)


def run_checks(project_python, work):
    """Run ``tests/project_checks.py`` over ``work``; its report per project folder."""
    result = run(
        [
            project_python,
            TEMPLATE_DIR / "tests" / "project_checks.py",
            "--jobs",
            os.cpu_count() or 1,
        ],
        cwd=TEMPLATE_DIR,
        env=isolated_environ(),
        timeout=7200,
        input_text=json.dumps(work),
    )
    assert result.returncode == 0, describe(result)
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {report["project"]: report["failures"] for report in reports}


@pytest.mark.full
def test_django_checks_pass(project_python, checked_projects):
    """Every checked project passes ``check``, ``check --deploy``, ``makemigrations
    --check`` and ``spectacular --validate --fail-on-warn``, run as ``manage.py`` runs them."""
    work = [{"project": project, "runs": manage_py_checks(project)} for project in checked_projects]
    reports = run_checks(project_python, work)
    assert sorted(reports) == sorted(checked_projects)
    failures = [
        f"{checked_projects[project]}: manage.py {' '.join(failure['command'] or ['?'])} "
        f"exited {failure['status']}\n{failure['output'][-3000:]}"
        for project, failed in reports.items()
        for failure in failed
    ]
    assert failures == [], "\n\n".join(failures)


# A stand-in for a project's manage.py: fails or crashes when asked to.
FAKE_MANAGE_PY = """\
import os
import sys

print("ran", sys.argv[1:], os.environ.get("CHECK_MARKER"))
if sys.argv[1] == "fail":
    sys.exit(3)
if sys.argv[1] == "crash":
    os._exit(9)
"""


def test_the_check_runner_reports_each_failure_with_its_output(project_python, tmp_path):
    """The warm runner can fail: a failing command is named with its status and output,
    the commands after it still run, and a child that dies is reported too."""
    projects = {name: tmp_path / name for name in ("clean", "failing", "crashing")}
    for folder in projects.values():
        folder.mkdir()
        (folder / "manage.py").write_text(FAKE_MANAGE_PY, encoding="utf-8")
    runs = {
        "clean": [["fine"]],
        "failing": [["fail"], ["fine"]],
        "crashing": [["crash"]],
    }
    work = [
        {
            "project": str(projects[name]),
            "runs": [{"env": {"CHECK_MARKER": name}, "commands": commands}],
        }
        for name, commands in runs.items()
    ]

    reports = run_checks(project_python, work)

    assert reports[str(projects["clean"])] == []
    (failing,) = reports[str(projects["failing"])]
    assert (failing["command"], failing["status"]) == (["fail"], 3)
    assert "ran ['fail'] failing" in failing["output"]
    assert "ran ['fine'] failing" in failing["output"]
    (crashing,) = reports[str(projects["crashing"])]
    assert (crashing["command"], crashing["status"]) == (None, 9)


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


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def service_urls(worker_id):
    """A database of its own and a spare Redis database (1-15, one per worker: the suites
    clear theirs) for one suite; pytest-django creates and drops ``test_<database>``."""
    worker = int(worker_id.removeprefix("gw")) if worker_id.startswith("gw") else 0
    database = f"template_{uuid.uuid4().hex[:12]}"
    return {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{SERVICES['PostgreSQL']}/{database}",
        "REDIS_URL": f"redis://127.0.0.1:{SERVICES['Redis']}/{worker % 15 + 1}",
    }


@pytest.mark.full
def test_generated_suite(request, project_python, project, combination, worker_id):
    """The project's own suite; in a full run, on PostgreSQL and Redis when they answer."""
    env = {}
    if request.config.getoption("--full"):
        env = service_urls(worker_id) if services_answer() else {}
    started, cpu = time.perf_counter(), children_cpu_seconds()
    result = run(
        [project_python, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        env=isolated_environ(**env),
        timeout=3600,
    )
    summary = request.config.getoption("--full-summary")
    if summary:
        line = {
            "combination": combination_id(combination),
            "options": combination,
            "outcome": "passed" if result.returncode == 0 else "failed",
            "seconds": round(time.perf_counter() - started, 2),
            "cpu_seconds": round(children_cpu_seconds() - cpu, 2),
            "services": bool(env),
        }
        with open(summary, "a", encoding="utf-8") as lines:
            lines.write(json.dumps(line) + "\n")
    assert result.returncode == 0, describe(result)


@pytest.mark.services
def test_generated_suite_on_postgresql_and_redis(services, project_python, tmp_path, worker_id):
    """The all-on suite against real services, in a database of its own and a spare Redis db.

    pytest-django creates and drops ``test_<database>``; the suite clears its Redis db,
    so it gets one numbered 1-15, away from the 0 that other programs default to.
    """
    project = bake(tmp_path / "project", all_on_combination())
    run_in_project(
        project_python,
        project,
        *("-m", "pytest", "-q", "-p", "no:cacheprovider"),
        **service_urls(worker_id),
    )
