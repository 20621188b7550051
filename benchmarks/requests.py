"""What a request costs in a generated project: authentication, throttling, permissions.

    .venv/bin/python -m benchmarks.requests [--rounds 21] [--requests 6]
        [--services auto|on|off] [--write]

Bakes the all-on combination (every authentication strategy, MFA, throttling, CORS, the
audit log in the database) once per permission model, and runs
``benchmarks/project_requests.py`` in each, in the shared environment of the template's
tests (``tooling/environments.py``; built on first use). Prints markdown tables of each row's
time per request as a ratio to a bare rest framework view, with the queries and cache
calls of one request, and the comparisons DESIGN.md's budgets name. With PostgreSQL and
Redis on 127.0.0.1 (``--services auto`` finds them, ``on`` requires them), a second set
runs on them, in a database created for the run and dropped after. ``--write`` puts the
tables into ``docs/performance.md``.
"""

import argparse
import contextlib
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from tooling.combinations import all_on_combination, option_values
from tooling.commands import describe, isolated_environ, run
from tooling.environments import PROJECT_ENVS_DIR, project_environment
from tooling.services import reachable
from tooling.template import TEMPLATE_DIR, bake, quiet, write_cookiecutter_config

PROJECT_MODULE = Path(__file__).with_name("project_requests.py")
# Its name inside a baked project, run from the project's root.
PROJECT_SCRIPT = "benchmark_requests.py"
PERFORMANCE_DOC = TEMPLATE_DIR / "docs" / "performance.md"
BEGIN, END = "<!-- requests:begin -->", "<!-- requests:end -->"
POSTGRES_PORT, REDIS_PORT = 5432, 6379
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/0"
# Run by the environment's Python, which has psycopg: ``python -c SQL url statement``.
SQL = "import sys, psycopg; psycopg.connect(sys.argv[1], autocommit=True).execute(sys.argv[2])"
MODELS = option_values()["permission_model"]

# Row groups of the report, in order, with the heading each one gets.
GROUPS = {
    "library": "Library defaults: the library's class and `IsAuthenticated`, nothing else",
    "ours": "Ours, authentication only: the project's class and `IsAuthenticated`",
    "full": "Ours, full stack: the project's default authenticators, throttles, permission",
    "endpoint": "Real endpoints, JWT, the project's full settings",
    "library-endpoint": "The document endpoints built from library defaults, JWT",
    "write": "Writes, ours and built from library defaults (a fast password hasher, as in tests)",
}
# (label, ours, theirs, target): the ratios DESIGN.md budgets.
COMPARISONS = [
    ("session: ours / DRF SessionAuthentication", "ours-session", "library-session", 1.0),
    ("token: ours / knox TokenAuthentication", "ours-token", "library-token", 1.0),
    ("jwt: ours / simplejwt JWTAuthentication", "ours-jwt", "library-jwt", 1.0),
    ("oauth2: ours / DOT OAuth2Authentication", "ours-oauth2", "library-oauth2", 1.0),
    ("api_key: ours / HasAPIKey", "ours-api_key", "library-api_key", 1.0),
    (
        "document detail: ours / library-default endpoint",
        "endpoint-detail",
        "library-endpoint-detail",
        1.3,
    ),
    (
        "documents list: ours / library-default endpoint",
        "endpoint-list",
        "library-endpoint-list",
        1.3,
    ),
    (
        "document create: ours / library-default endpoint",
        "write-create",
        "library-write-create",
        1.3,
    ),
    ("JWT login: ours / simplejwt", "write-login", "library-write-login", None),
]


def run_script(python, project, arguments, timeout=1800, **env):
    """What a benchmark script, run from ``project``'s root with ``python``, printed last
    (one JSON document), or None when it printed nothing.

    The environment is stripped of what would leak into the project, as in the tests, then
    given ``env`` (``DATABASE_URL``, ``REDIS_URL``).
    """
    command = [str(python), *map(str, arguments)]
    result = subprocess.run(
        command,
        cwd=project,
        env=isolated_environ(**env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"$ {' '.join(command)} in {project}\n{result.stdout}{result.stderr}")
    printed = result.stdout.strip().splitlines()
    return json.loads(printed[-1]) if printed else None


def run_project(python, project, rounds, requests, **env):
    """The results of ``project_requests.py`` run in ``project`` with ``python``."""
    shutil.copy(PROJECT_MODULE, project / PROJECT_SCRIPT)
    return run_script(
        python, project, [PROJECT_SCRIPT, "--rounds", rounds, "--requests", requests], **env
    )


def use_services(choice):
    """Whether to measure on PostgreSQL and Redis too; ``on`` fails when they are absent."""
    if choice == "off":
        return False
    found = reachable(POSTGRES_PORT) and reachable(REDIS_PORT)
    if choice == "on" and not found:
        raise SystemExit("--services on: no PostgreSQL on 127.0.0.1:5432 or Redis on :6379")
    return found


@contextlib.contextmanager
def fresh_database(python):
    """The URL of a new, empty PostgreSQL database, dropped afterwards."""
    name = f"benchmark_requests_{uuid.uuid4().hex[:12]}"
    statement = run([python, "-c", SQL, POSTGRES_ADMIN_URL, f'CREATE DATABASE "{name}"'], cwd=".")
    if statement.returncode != 0:
        raise RuntimeError(describe(statement))
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        run([python, "-c", SQL, POSTGRES_ADMIN_URL, drop], cwd=".")


def bake_projects(folder):
    """``{permission model: project}``: the all-on combination for each model."""
    with quiet():
        return {
            model: bake(folder / model, {**all_on_combination(), "permission_model": model})
            for model in MODELS
        }


def measure(python, projects, rounds, requests, services):
    """``{setup name: {model: results}}``, the projects run one at a time."""
    setups = {
        "SQLite in memory, local-memory cache": {
            model: run_project(python, project, rounds, requests)
            for model, project in projects.items()
        }
    }
    if services:
        setups["PostgreSQL and Redis on 127.0.0.1"] = on_services = {}
        for model, project in projects.items():
            with fresh_database(python) as database:
                on_services[model] = run_project(
                    python, project, rounds, requests, DATABASE_URL=database, REDIS_URL=REDIS_URL
                )
    return setups


def cpu_model():
    """The processor's name, from /proc/cpuinfo where there is one."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown processor"


def same_or_each(values):
    """One value when every model agrees, else each, in model order: ``0 / 1 / 1 / 1``."""
    values = [str(value) for value in values]
    return values[0] if len(set(values)) == 1 else " / ".join(values)


def rows_table(results):
    """The markdown table of every row: ratios per model, then queries and cache calls."""
    models = list(results)
    rows = {model: {row["key"]: row for row in results[model]["rows"]} for model in models}
    first = rows[models[0]]
    lines = [
        f"| Row | {' | '.join(models)} | queries | cache calls |",
        f"|---|{'---|' * len(models)}---|---|",
    ]
    bare = [f"{results[model]['bare_us']:.0f} µs" for model in models]
    lines.append(f"| bare `APIView`, no authentication (absolute) | {' | '.join(bare)} | 0 | 0 |")
    for group, heading in GROUPS.items():
        lines.append(f"| **{heading}** |{' |' * (len(models) + 2)}")
        for key, row in first.items():
            if row["group"] != group:
                continue
            ratios = [f"{rows[model][key]['ratio']:.2f}x" for model in models]
            queries = same_or_each(rows[model][key]["queries"] for model in models)
            cache = same_or_each(rows[model][key]["cache_ops"] for model in models)
            lines.append(f"| {row['label']} | {' | '.join(ratios)} | {queries} | {cache} |")
    return lines


def paired_ratio(row, other):
    """The median over rounds of ``row``'s time over ``other``'s in the same round: the two
    met the same moments of the machine, which a ratio of medians would not know."""
    pairs = zip(row["rounds_us"], other["rounds_us"], strict=True)
    return statistics.median(mine / theirs for mine, theirs in pairs)


def comparisons_table(results):
    """The budgets' comparisons per model, with their targets."""
    models = list(results)
    rows = {model: {row["key"]: row for row in results[model]["rows"]} for model in models}
    lines = [
        f"| Comparison | {' | '.join(models)} | target |",
        f"|---|{'---|' * len(models)}---|",
    ]
    for label, ours, theirs, target in COMPARISONS:
        ratios = [f"{paired_ratio(rows[m][ours], rows[m][theirs]):.2f}x" for m in models]
        budget = "none" if target is None else f"<= {target}x"
        lines.append(f"| {label} | {' | '.join(ratios)} | {budget} |")
    listed = [results[model]["list_queries_by_documents"] for model in models]
    counts = [" / ".join(str(count) for count in by_size.values()) for by_size in listed]
    sizes = " / ".join(listed[0])
    lines.append(f"| list queries at {sizes} documents | {' | '.join(counts)} | equal |")
    writes = [
        max(row["writes"] for row in rows[model].values() if row["method"] == "GET")
        for model in models
    ]
    lines.append(f"| database writes, most of any read | {' | '.join(map(str, writes))} | 0 |")
    return lines


def report(setups):
    """The markdown of every setup: machine, then the rows and the comparisons."""
    some = next(iter(next(iter(setups.values())).values()))
    lines = [
        f"Measured {datetime.date.today().isoformat()} on {os.cpu_count()} cores ({cpu_model()}), "
        f"Python {some['python']}, Django {some['django']}; {some['rounds']} rounds of "
        f"{some['requests']} requests per row; the all-on combination per permission model, "
        f"{some['documents']} documents.",
    ]
    for setup, results in setups.items():
        lines += ["", f"### {setup}", "", *rows_table(results), "", *comparisons_table(results)]
    return "\n".join(lines) + "\n"


def write_section(text, markers=(BEGIN, END), doc=PERFORMANCE_DOC):
    """Replace what stands between the doc's ``markers`` with ``text``."""
    begin, end = markers
    content = doc.read_text(encoding="utf-8")
    pattern = re.compile(f"{re.escape(begin)}.*?{re.escape(end)}", re.DOTALL)
    if not pattern.search(content):
        raise SystemExit(f"{doc} has no {begin} ... {end} section")
    doc.write_text(pattern.sub(lambda _match: f"{begin}\n{text}{end}", content), encoding="utf-8")


@contextlib.contextmanager
def workbench():
    """``(python, projects)``: the shared environment's Python and the all-on bakes, in a
    scratch folder away from the user's Cookiecutter settings and replay folder."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        os.environ["COOKIECUTTER_CONFIG"] = str(write_cookiecutter_config(scratch))
        with quiet():
            python = project_environment(PROJECT_ENVS_DIR, scratch / "requirements")
        yield python, bake_projects(scratch / "projects")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21, help="rounds; each times every row")
    parser.add_argument("--requests", type=int, default=6, help="requests per row and round")
    parser.add_argument("--services", choices=["auto", "on", "off"], default="auto")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    arguments = parser.parse_args(argv)
    services = use_services(arguments.services)
    with workbench() as (python, projects):
        setups = measure(python, projects, arguments.rounds, arguments.requests, services)
    text = report(setups)
    print(text, end="")
    if arguments.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
