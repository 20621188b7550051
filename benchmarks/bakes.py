"""What a bake costs: a user's command line, one in-process bake, and the tests' bulk path.

    .venv/bin/python -m benchmarks.bakes

Prints, measured in this one run: the median wall time of a ``cookiecutter --no-input``
command (a new Python process, both hooks as Cookiecutter runs them), first without and
then with the compile cache of the template's Jinja extension, of one bake through
Cookiecutter's API in this process, and the amortised cost per combination of the tests'
bulk bake of every valid combination (``tooling/bakery.py``), with the deduplication ratio
(distinct files checked and linted / files baked). The bulk figure is what the template's
budget is about: under 0.15 s per combination.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tooling.bakery import bake_all
from tooling.combinations import default_combination, valid_combinations
from tooling.template import TEMPLATE_DIR, bake, quiet, write_cookiecutter_config

BUDGET_SECONDS = 0.15


def timed(action, rounds):
    """Median wall time of ``rounds`` calls of ``action(folder)``, each in a fresh folder."""
    times = []
    with tempfile.TemporaryDirectory() as scratch:
        for round_number in range(rounds):
            folder = Path(scratch) / str(round_number)
            started = time.perf_counter()
            action(folder)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def api_bake(folder):
    with quiet():
        bake(folder, default_combination())


def command_line_bake(folder, temp=None):
    """A user's bake; ``temp`` is its temporary folder, where Jinja keeps the compile cache
    of ``local_extensions.py`` (a fresh one each time: a first bake)."""
    temp = temp or folder.with_name(f"{folder.name}-temp")
    temp.mkdir(exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "cookiecutter", str(TEMPLATE_DIR), "--no-input", "-o", str(folder)],
        check=True,
        capture_output=True,
        env={**os.environ, "TMPDIR": str(temp)},
    )


def spread(combinations, count):
    """``count`` of ``combinations`` taken at even steps (all of them for 0 or more)."""
    if count <= 0 or count >= len(combinations):
        return combinations
    return [combinations[index * len(combinations) // count] for index in range(count)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="bakes timed one by one")
    parser.add_argument(
        "--combinations",
        type=int,
        default=240,
        help="how many valid combinations the bulk bake takes, spread evenly (0: all)",
    )
    arguments = parser.parse_args(argv)
    rounds = arguments.rounds
    with tempfile.TemporaryDirectory() as config_folder:
        # Away from the user's Cookiecutter settings and replay folder, as in the tests.
        os.environ["COOKIECUTTER_CONFIG"] = str(write_cookiecutter_config(config_folder))
        first = timed(command_line_bake, rounds)
        shared_temp = Path(config_folder) / "temp"
        command_line_bake(Path(config_folder) / "warm-up", shared_temp)
        cli = timed(lambda folder: command_line_bake(folder, shared_temp), rounds)
        api = timed(api_bake, rounds)
        combinations = spread(valid_combinations(), arguments.combinations)
        bakery = bake_all(combinations)

    count = len(combinations)
    amortised = bakery.seconds / count
    python = [path for path, _key in bakery.holders if path.endswith(".py")]
    python_baked = sum(
        path.endswith(".py") for manifest in bakery.manifests.values() for path in manifest
    )
    rows = [
        (f"command line, first bake (median of {rounds})", f"{first:7.3f} s"),
        ("command line, later bakes (compile cache)", f"{cli:7.3f} s"),
        ("Cookiecutter API with hooks, one bake (median)", f"{api:7.3f} s"),
        (
            f"bulk bake, {count} combinations, {bakery.processes} processes",
            f"{bakery.seconds:7.1f} s",
        ),
        (
            "  amortised per combination",
            f"{amortised:7.3f} s  ({first / amortised:.0f}x cheaper than a first command-line bake; "
            f"budget {BUDGET_SECONDS} s)",
        ),
        (
            "files baked / distinct",
            f"{bakery.files_baked():7d} / {len(bakery.holders)}  "
            f"({len(bakery.holders) / bakery.files_baked():.1%} checked once each)",
        ),
        (
            "Python files baked / distinct (linted)",
            f"{python_baked:7d} / {len(python)}  ({len(python) / python_baked:.1%})",
        ),
    ]
    for label, value in rows:
        print(f"{label:<48} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
