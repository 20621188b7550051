"""Split the combinations of a full run into slices of about equal expected time.

A generated suite's time depends on what it holds: every strategy and permission model
brings its own tests. ``suite_costs.json`` holds a linear model of a suite's CPU time
(steadier to measure than wall time on a busy machine, and proportional to it),
a base plus a cost per option value away from the default, fitted by
``python -m benchmarks.suite_costs`` from the summary of a measured full run. Slices
are dealt greedily, longest expected suite first, each to the slice with the least
expected time so far (ties to the lower index): deterministic, and within the longest
suite of the ideal split.

Shared tooling: ``tests/``, ``benchmarks/``, ``compare/`` and the rest of ``tooling/`` may
import it.
"""

import json
import random
from pathlib import Path

from tooling.combinations import combination_id, default_combination

COSTS_FILE = Path(__file__).with_name("suite_costs.json")


def load_costs(path=COSTS_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def feature(name, value):
    """The model's name for an option value: ``auth_token=true``, ``permission_model=rbac``."""
    return f"{name}={json.dumps(value).strip(chr(34))}"


def features(combination):
    """The option values of ``combination`` that differ from the default's."""
    default = default_combination()
    return [feature(name, value) for name, value in combination.items() if default[name] != value]


def expected_seconds(combination, costs):
    """The model's CPU seconds for the generated suite of ``combination``."""
    return costs["base"] + sum(costs["options"].get(name, 0.0) for name in features(combination))


def parse_shard(text):
    """``"K/N"`` -> ``(K, N)``, 1 <= K <= N, or a ValueError saying what is wrong."""
    index, _, count = text.partition("/")
    if not (index.isdigit() and count.isdigit()) or not 1 <= int(index) <= int(count):
        raise ValueError(f"--shard takes K/N with 1 <= K <= N, e.g. 1/50; got {text!r}")
    return int(index), int(count)


def slices(combinations, count, costs):
    """``count`` lists of combinations, balanced by expected suite time."""
    order = sorted(
        combinations, key=lambda item: (-expected_seconds(item, costs), combination_id(item))
    )
    loads = [0.0] * count
    dealt = [[] for _ in range(count)]
    for combination in order:
        lightest = min(range(count), key=lambda index: (loads[index], index))
        dealt[lightest].append(combination)
        loads[lightest] += expected_seconds(combination, costs)
    return dealt


def shard(combinations, index, count, costs):
    """The ``index``-th (1-based) of ``count`` balanced slices."""
    return slices(combinations, count, costs)[index - 1]


def sample(combinations, size, seed):
    """``size`` combinations drawn at random (reproducibly, by ``seed``)."""
    # A reproducible draw of test cases, not a secret.
    return random.Random(seed).sample(  # noqa: S311
        list(combinations), min(size, len(combinations))
    )
