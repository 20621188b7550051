"""The combination helpers: the valid set, its ids and the pairwise covering array."""

import math

import pytest

from tooling.combinations import (
    all_combinations,
    combination_id,
    covering_array,
    default_combination,
    option_values,
    pairwise_combinations,
    valid_combinations,
    value_pairs,
)
from tooling.template import pre_gen, template_options


def test_valid_count_matches_the_rules():
    """Counted independently of ``validate``: every auth set but the empty one, each with
    and without MFA where it holds a password login, times the rest.

    A new option or rule must be reflected here too, which is the point: the count is
    what the documentation promises.
    """
    values = option_values()
    auth = [name for name in values if name in pre_gen.AUTH_OPTIONS]
    others = [
        choices for name, choices in values.items() if name not in auth and name != "auth_mfa"
    ]
    assert auth == list(pre_gen.AUTH_OPTIONS)
    without_password = len(auth) - len(pre_gen.PASSWORD_LOGINS)
    auth_sets = 2 ** len(auth) - 1
    # Sets holding a password login: all of them but those made of the others alone.
    with_password = auth_sets - (2**without_password - 1)
    expected = (auth_sets + with_password) * math.prod(len(choices) for choices in others)
    assert auth_sets + with_password == 59
    assert len(valid_combinations()) == expected


def test_options_are_read_from_cookiecutter_json():
    options = template_options()
    values = option_values()
    assert list(values) == [
        name
        for name, default in options.items()
        if not name.startswith("_") and isinstance(default, bool | list)
    ]
    for name, choices in values.items():
        assert choices[0] == (
            options[name][0] if isinstance(options[name], list) else options[name]
        )


def test_default_combination_is_valid_and_first():
    assert valid_combinations()[0] == default_combination()


def test_every_invalid_combination_is_refused_by_the_hook():
    valid = valid_combinations()
    invalid = [combination for combination in all_combinations() if combination not in valid]
    assert invalid, "the rules refuse at least the combination without authentication"
    for combination in invalid:
        no_strategy = not any(combination[name] for name in pre_gen.AUTH_OPTIONS)
        mfa_without_password = combination["auth_mfa"] and not any(
            combination[name] for name in pre_gen.PASSWORD_LOGINS
        )
        assert no_strategy or mfa_without_password, combination


def test_ids_are_unique_and_readable():
    ids = [combination_id(combination) for combination in valid_combinations()]
    assert len(set(ids)) == len(ids)
    combination = {
        "auth_session": True,
        "auth_jwt": True,
        "permission_model": "owner",
        "throttling": True,
        "cors": False,
    }
    assert combination_id(combination) == "session-jwt-owner-throttling-nocors"


def assert_covers_every_pair(chosen, combinations):
    needed = set().union(*map(value_pairs, combinations))
    covered = set().union(*map(value_pairs, chosen))
    assert needed <= covered, f"uncovered pairs: {needed - covered}"


def test_pairwise_combinations_cover_every_valid_pair():
    valid = valid_combinations()
    chosen = pairwise_combinations()
    assert chosen[0] == default_combination()
    assert all(combination in valid for combination in chosen)
    assert_covers_every_pair(chosen, valid)
    assert len(chosen) <= len(valid)


def test_covering_array_is_small_on_independent_booleans():
    """Four independent booleans: 16 combinations, and 5 or fewer cover all 24 pairs."""
    values = {name: [True, False] for name in "abcd"}
    combinations = all_combinations(values)
    chosen = covering_array(combinations)
    assert_covers_every_pair(chosen, combinations)
    assert len(chosen) <= 6
    assert covering_array(combinations) == chosen


def test_covering_array_needs_only_pairs_that_occur():
    """Under a rule (a and b never both off), the pair (a off, b off) is never asked for."""
    values = {"a": [True, False], "b": [True, False], "c": ["x", "y", "z"]}
    combinations = [combo for combo in all_combinations(values) if combo["a"] or combo["b"]]
    chosen = covering_array(combinations)
    assert all(combo["a"] or combo["b"] for combo in chosen)
    assert_covers_every_pair(chosen, combinations)


@pytest.mark.parametrize("start", [[], [{"a": False, "b": True, "c": "z"}]])
def test_covering_array_keeps_its_start(start):
    values = {"a": [True, False], "b": [True, False], "c": ["x", "y", "z"]}
    combinations = all_combinations(values)
    chosen = covering_array(combinations, start=start)
    assert chosen[: len(start)] == start
    assert_covers_every_pair(chosen, combinations)
