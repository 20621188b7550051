"""Fit the model of generated-suite time that balances the full run's shards.

    .venv/bin/python -m benchmarks.suite_costs SUMMARY.jsonl [SUMMARY.jsonl ...]

Each summary is what ``pytest --full --full-summary PATH`` wrote: one JSON line per
generated suite, with its combination, wall and CPU seconds (measured with two suites at
a time on two cores, as a shard runs them). A random sample (``--sample 40``) is enough.
The model is linear: a base plus a CPU cost per option value away from the default,
fitted by least squares, written to ``tooling/suite_costs.json``. The command prints the
fit's error and what a full run takes: total CPU time in suites, extrapolated from the
sample's mean, and wall time over N shards, from the model and the sample's ratio of wall
to CPU time.
"""

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

from tooling.combinations import option_values, valid_combinations
from tooling.shards import COSTS_FILE, expected_seconds, feature, features, slices

# Besides its suites, a shard installs the shared environment (about 1.5 minutes here)
# and bakes and checks its slice.
SHARD_SETUP_SECONDS = 120
# Suites run two at a time on a shard's two cores, as the summaries were measured.
SHARD_CORES = 2
# A small ridge keeps values seen in few suites from taking extreme costs.
RIDGE = 1e-3


def read_summaries(paths):
    suites = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                suites.append(json.loads(line))
    return suites


def solve(matrix, vector):
    """Solve ``matrix @ x = vector`` by Gaussian elimination with partial pivoting."""
    size = len(vector)
    rows = [[*matrix[i], vector[i]] for i in range(size)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda row: abs(rows[row][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for row in range(size):
            if row != column and rows[column][column]:
                factor = rows[row][column] / rows[column][column]
                rows[row] = [a - factor * b for a, b in zip(rows[row], rows[column], strict=True)]
    return [rows[i][size] / rows[i][i] if rows[i][i] else 0.0 for i in range(size)]


def fit(suites):
    """Least-squares base and per-option-value costs from measured suites."""
    names = sorted(
        {feature(name, value) for name, values in option_values().items() for value in values[1:]}
    )
    columns = ["base", *names]
    samples = [
        (
            [1.0] + [float(name in features(suite["options"])) for name in names],
            suite["cpu_seconds"],
        )
        for suite in suites
    ]
    gram = [
        [
            sum(x[i] * x[j] for x, _ in samples) + (RIDGE if i == j else 0.0)
            for j in range(len(columns))
        ]
        for i in range(len(columns))
    ]
    moments = [sum(x[i] * y for x, y in samples) for i in range(len(columns))]
    solution = solve(gram, moments)
    return {
        "base": round(solution[0], 2),
        "options": {name: round(cost, 2) for name, cost in zip(names, solution[1:], strict=True)},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("summaries", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, default=COSTS_FILE)
    arguments = parser.parse_args(argv)
    suites = [
        suite for suite in read_summaries(arguments.summaries) if suite["outcome"] == "passed"
    ]
    if not suites:
        parser.error("the summaries hold no passed suite")
    model = fit(suites)
    errors = [
        abs(expected_seconds(suite["options"], model) - suite["cpu_seconds"]) for suite in suites
    ]
    costs = {
        "fitted_from_suites": len(suites),
        "on_services": sorted({bool(suite["services"]) for suite in suites}) == [True],
        "measured": datetime.date.today().isoformat(),
        "cores": os.cpu_count(),
        **model,
    }
    arguments.output.write_text(json.dumps(costs, indent=2) + "\n", encoding="utf-8")

    combinations = valid_combinations()
    cpu = sum(suite["cpu_seconds"] for suite in suites) / len(suites)
    wall = sum(suite["seconds"] for suite in suites) / len(suites)
    # Suites wait on the database too: wall time per CPU second, two suites at a time.
    wall_per_cpu = wall / cpu
    print(
        f"Fitted from {len(suites)} suites (mean {wall:.1f} s wall, {cpu:.1f} s CPU each); "
        f"mean absolute error {sum(errors) / len(errors):.1f} s per suite."
    )
    print(
        f"Full run, {len(combinations)} combinations: {cpu * len(combinations) / 3600:.2f} h "
        "of CPU in suites (the sample's mean, extrapolated)."
    )
    for count in (1, 10, 20, 50):
        heaviest = max(
            sum(expected_seconds(item, model) for item in dealt)
            for dealt in slices(combinations, count, model)
        )
        wall = SHARD_SETUP_SECONDS + heaviest * (wall_per_cpu / SHARD_CORES)
        print(
            f"  {count:>2} shards of {SHARD_CORES} cores: {wall / 60:.0f} min wall (slowest shard)"
        )
    print(f"Wrote {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
