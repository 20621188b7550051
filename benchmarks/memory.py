"""How much memory a worker of the all-on project holds, against a bare Django + DRF worker.

    .venv/bin/python -m benchmarks.memory [--runs 5] [--write]

Bakes the all-on combination once per permission model, as ``benchmarks/requests.py``
does, and runs ``benchmarks/project_memory.py`` in each, in the shared environment: a
project worker and a bare one take turns, each a new interpreter that serves a few
requests and reports its resident memory. Prints the medians and their ratio per model
(DESIGN.md's budget: 1.5x); ``--write`` puts the table into ``docs/performance.md``.
"""

import argparse
import datetime
import os
import platform
import shutil
import statistics
import sys
from pathlib import Path

from benchmarks.requests import (
    PROJECT_MODULE,
    PROJECT_SCRIPT,
    cpu_model,
    run_script,
    workbench,
    write_section,
)

MEMORY_MODULE = Path(__file__).with_name("project_memory.py")
# Its name inside a baked project, next to the request benchmark's module it imports.
MEMORY_SCRIPT = "benchmark_memory.py"
MARKERS = ("<!-- memory:begin -->", "<!-- memory:end -->")
BUDGET = 1.5


def run_mode(python, project, mode):
    """What ``project_memory.py`` printed in ``mode``, run in ``project``."""
    database = f"sqlite:///{project / 'benchmark-memory.sqlite3'}"
    return run_script(python, project, [MEMORY_SCRIPT, mode], timeout=600, DATABASE_URL=database)


def measure(python, project, runs):
    """``{"bare": [...], "project": [...]}``: each run's memory, the two taking turns."""
    shutil.copy(PROJECT_MODULE, project / PROJECT_SCRIPT)
    shutil.copy(MEMORY_MODULE, project / MEMORY_SCRIPT)
    run_mode(python, project, "prepare")
    measured = {"bare": [], "project": []}
    for _ in range(runs):
        for mode, results in measured.items():
            results.append(run_mode(python, project, mode))
    return measured


def report(measured_by_model, runs):
    def median(results, key):
        return statistics.median(result[key] for result in results)

    lines = [
        f"Measured {datetime.date.today().isoformat()} on {os.cpu_count()} cores "
        f"({cpu_model()}), Python {platform.python_version()}; the median of {runs} workers "
        "of each kind, taking turns; resident memory after the requests, and its peak.",
        "",
        "| Permission model | bare Django + DRF | all-on project | ratio | peak ratio | budget |",
        "|---|---|---|---|---|---|",
    ]
    for model, measured in measured_by_model.items():
        bare, project = measured["bare"], measured["project"]
        rss = median(project, "rss_kib") / median(bare, "rss_kib")
        peak = median(project, "peak_kib") / median(bare, "peak_kib")
        lines.append(
            f"| {model} | {median(bare, 'rss_kib') / 1024:.1f} MiB "
            f"| {median(project, 'rss_kib') / 1024:.1f} MiB | {rss:.2f}x | {peak:.2f}x "
            f"| <= {BUDGET}x |"
        )
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="workers of each kind per model")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    arguments = parser.parse_args(argv)
    with workbench() as (python, projects):
        measured = {
            model: measure(python, project, arguments.runs) for model, project in projects.items()
        }
    text = report(measured, arguments.runs)
    print(text, end="")
    if arguments.write:
        write_section(text, MARKERS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
