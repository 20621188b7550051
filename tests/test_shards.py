"""Full-run slices: every combination in exactly one, balanced by expected suite time."""

import json
import sys

import pytest

from benchmarks import full_run, suite_costs
from tooling.combinations import default_combination, valid_combinations
from tooling.commands import describe, run
from tooling.shards import (
    expected_seconds,
    features,
    load_costs,
    parse_shard,
    sample,
    shard,
    slices,
)
from tooling.template import TEMPLATE_DIR

COSTS = load_costs()


def test_the_cost_model_prices_every_option_value_away_from_the_default():
    names = {name for combination in valid_combinations() for name in features(combination)}
    assert set(COSTS["options"]) == names
    assert all(expected_seconds(combination, COSTS) > 0 for combination in valid_combinations())


@pytest.mark.parametrize("count", [1, 7, 20, 50])
def test_slices_hold_every_combination_once_and_balance_expected_time(count):
    combinations = valid_combinations()
    dealt = slices(combinations, count, COSTS)
    flat = [json.dumps(item, sort_keys=True) for part in dealt for item in part]
    assert sorted(flat) == sorted(json.dumps(item, sort_keys=True) for item in combinations)
    loads = [sum(expected_seconds(item, COSTS) for item in part) for part in dealt]
    longest = max(expected_seconds(item, COSTS) for item in combinations)
    assert max(loads) - min(loads) <= longest


def test_a_shard_is_the_same_slice_on_every_machine():
    assert shard(valid_combinations(), 3, 20, COSTS) == slices(valid_combinations(), 20, COSTS)[2]


@pytest.mark.parametrize("text", ["0/5", "6/5", "1/0", "a/b", "3", "1/5/2", ""])
def test_a_bad_shard_is_refused_with_the_expected_form(text):
    with pytest.raises(ValueError, match=r"K/N with 1 <= K <= N"):
        parse_shard(text)


def test_a_bad_shard_stops_pytest_with_a_usage_error():
    result = run(
        [sys.executable, "-m", "pytest", "--full", "--shard", "9/4", "--co", "-n", "0"],
        cwd=TEMPLATE_DIR,
    )
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, describe(result)
    assert "--shard takes K/N with 1 <= K <= N, e.g. 1/50; got '9/4'" in result.stdout


def test_sampling_is_reproducible():
    combinations = valid_combinations()
    assert sample(combinations, 5, seed=1) == sample(combinations, 5, seed=1)
    assert sample(combinations, 5, seed=1) != sample(combinations, 5, seed=2)


def measured(options, seconds, outcome="passed"):
    return {
        "combination": "x",
        "options": options,
        "outcome": outcome,
        "seconds": seconds,
        "cpu_seconds": seconds,
        "services": True,
    }


def test_the_fit_recovers_the_costs_that_made_the_times(tmp_path):
    truth = {"base": 10.0, "options": dict.fromkeys(COSTS["options"], 0.0)}
    truth["options"]["auth_token=true"] = 4.0
    truth["options"]["permission_model=multi_tenant"] = 9.0
    summary = tmp_path / "summary.jsonl"
    summary.write_text(
        "\n".join(
            json.dumps(measured(item, expected_seconds(item, truth)))
            for item in valid_combinations()
        ),
        encoding="utf-8",
    )
    output = tmp_path / "costs.json"

    assert suite_costs.main([str(summary), "--output", str(output)]) == 0

    fitted = json.loads(output.read_text(encoding="utf-8"))
    assert fitted["base"] == pytest.approx(10.0, abs=0.05)
    assert fitted["options"]["auth_token=true"] == pytest.approx(4.0, abs=0.05)
    assert fitted["options"]["permission_model=multi_tenant"] == pytest.approx(9.0, abs=0.05)


def test_the_full_run_summary_names_failures_and_fails(tmp_path):
    summary = tmp_path / "shard-1.jsonl"
    lines = [
        measured(default_combination(), 12.0),
        {**measured(default_combination(), 30.0, "failed"), "combination": "broken-one"},
    ]
    summary.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")

    text, passed = full_run.summarise([summary])

    assert not passed
    assert "2 generated suites, 1 passed, 1 failed" in text
    assert "- `broken-one`" in text
