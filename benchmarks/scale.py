"""What a page of documents costs as the table grows: 1,000 to 100,000 rows on PostgreSQL.

    .venv/bin/python -m benchmarks.scale [--rounds 11] [--requests 5] [--write]

Bakes the all-on combination once per permission model, as ``benchmarks/requests.py``
does, and runs ``benchmarks/project_scale.py`` in each, on a new PostgreSQL database (and
Redis) on 127.0.0.1, dropped after. Prints a markdown table per model: the time of each
request at each size, its queries, and how much slower it got from the smallest size to
the largest. ``--write`` puts the tables into ``docs/performance.md``.
"""

import argparse
import datetime
import os
import shutil
import sys
from pathlib import Path

from benchmarks.requests import (
    PROJECT_MODULE,
    PROJECT_SCRIPT,
    REDIS_URL,
    cpu_model,
    fresh_database,
    run_script,
    use_services,
    workbench,
    write_section,
)

SCALE_MODULE = Path(__file__).with_name("project_scale.py")
# Its name inside a baked project, next to the request benchmark's module it imports.
SCALE_SCRIPT = "benchmark_scale.py"
MARKERS = ("<!-- scale:begin -->", "<!-- scale:end -->")


def run_project(python, project, rounds, requests, database, sizes=None):
    """The results of ``project_scale.py`` run in ``project`` on ``database``."""
    shutil.copy(PROJECT_MODULE, project / PROJECT_SCRIPT)
    shutil.copy(SCALE_MODULE, project / SCALE_SCRIPT)
    arguments = [SCALE_SCRIPT, "--rounds", rounds, "--requests", requests]
    if sizes:
        arguments += ["--sizes", *sizes]
    return run_script(
        python, project, arguments, timeout=3600, DATABASE_URL=database, REDIS_URL=REDIS_URL
    )


def model_table(results):
    """One model's markdown table: a line per request, a column per table size."""
    sizes = results["sizes"]
    headings = " | ".join(f"{size['documents']:,} documents" for size in sizes)
    lines = [
        f"| Request | {headings} | queries | largest / smallest |",
        f"|---|{'---|' * len(sizes)}---|---|",
    ]
    for name in sizes[0]["rows"]:
        rows = [size["rows"][name] for size in sizes]
        times = " | ".join(f"{row['us'] / 1000:.2f} ms" for row in rows)
        queries = " / ".join(str(count) for count in dict.fromkeys(row["queries"] for row in rows))
        growth = rows[-1]["us"] / rows[0]["us"]
        lines.append(f"| {name} | {times} | {queries} | {growth:.2f}x |")
    return lines


def report(results_by_model):
    some = next(iter(results_by_model.values()))
    version = some["postgresql"]
    lines = [
        f"Measured {datetime.date.today().isoformat()} on {os.cpu_count()} cores "
        f"({cpu_model()}), PostgreSQL {version // 10000}.{version % 10000}, Redis, Django "
        f"{some['django']}; {some['rounds']} rounds of {some['requests']} requests per line; "
        f"{some['page_size']} documents per page; the all-on combination per permission model.",
    ]
    for model, results in results_by_model.items():
        lines += ["", f"#### {model}", "", *model_table(results)]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11, help="rounds; each times every line")
    parser.add_argument("--requests", type=int, default=5, help="requests per line and round")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    arguments = parser.parse_args(argv)
    if not use_services("auto"):
        raise SystemExit(
            "The scale benchmark needs PostgreSQL on 127.0.0.1:5432 (user postgres, no "
            "password) and Redis on 127.0.0.1:6379: start them, then run it again."
        )
    results = {}
    with workbench() as (python, projects):
        for model, project in projects.items():
            with fresh_database(python) as database:
                results[model] = run_project(
                    python, project, arguments.rounds, arguments.requests, database
                )
    text = report(results)
    print(text, end="")
    if arguments.write:
        write_section(text, MARKERS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
