"""The option combinations the template is checked over, derived from it, never listed by hand.

A combination is a dict of the options that change what is generated (booleans and
choices, in ``cookiecutter.json`` order); free-text options keep their defaults. The
valid combinations are the product of every option's values, filtered by the
pre-generation hook's own ``validate``, so a new option or rule changes the tested set
by itself.

Shared tooling: ``tests/``, ``benchmarks/``, ``compare/`` and the rest of ``tooling/`` may
import it.
"""

import itertools

from tooling.template import default_answers, pre_gen, template_options


def option_values(options=None):
    """Each boolean or choice option with its possible values, default first."""
    options = template_options() if options is None else options
    values = {}
    for name, default in options.items():
        if name.startswith("_"):
            continue
        if isinstance(default, bool):
            values[name] = [default, not default]
        elif isinstance(default, list):
            values[name] = list(default)
    return values


def all_combinations(values=None):
    """The full product of option values, valid or not."""
    values = option_values() if values is None else values
    names = list(values)
    return [dict(zip(names, chosen, strict=True)) for chosen in itertools.product(*values.values())]


def answers_for(combination):
    """Every answer of a bake of ``combination``: its options over the defaults."""
    return {**default_answers(), **combination}


def is_valid(combination, options=None):
    """Whether the pre-generation hook accepts ``combination``."""
    options = template_options() if options is None else options
    return not pre_gen.validate(answers_for(combination), options)


def valid_combinations():
    """Every combination the template accepts, in a stable order (the default first)."""
    options = template_options()
    return [
        combination
        for combination in all_combinations(option_values(options))
        if is_valid(combination, options)
    ]


def default_combination():
    """The combination of a plain ``--no-input`` bake."""
    answers = default_answers()
    return {name: answers[name] for name in option_values()}


def all_on_combination():
    """Every boolean option on, every choice at its default: the most code at once."""
    return {
        name: True if isinstance(value, bool) else value
        for name, value in default_combination().items()
    }


def combination_id(combination):
    """A readable test id: ``session-jwt-owner-throttling-nocors``.

    A boolean shows as its name without the ``auth_`` prefix, or ``no`` + that name when
    off; a choice shows its value.
    """
    parts = []
    for name, value in combination.items():
        if isinstance(value, bool):
            short = name.removeprefix("auth_")
            parts.append(short if value else f"no{short}")
        else:
            parts.append(str(value))
    return "-".join(parts)


def value_pairs(combination):
    """The pairs of (option, value) items of two different options in ``combination``."""
    return {frozenset(pair) for pair in itertools.combinations(combination.items(), 2)}


def covering_array(combinations, start=()):
    """A small subset of ``combinations`` holding every pair of values they hold.

    Running a generated project's checks and suite takes seconds per combination, and the
    combinations multiply with every option; most bugs need only two options to meet, so
    covering every pair of values finds them at a fraction of the cost. A pair is two (option, value) items of two different
    options; only pairs found in some of ``combinations`` (the valid ones) need covering,
    so rules between options are respected. Greedy: begin with ``start`` (the default
    combination, tested anyway), then repeatedly take the combination covering most pairs
    not yet covered, the first one on ties, so the result is deterministic.
    """
    chosen = [dict(combination) for combination in start]
    candidates = [(dict(combination), value_pairs(combination)) for combination in combinations]
    uncovered = set().union(*(pairs for _, pairs in candidates))
    for combination in chosen:
        uncovered -= value_pairs(combination)
    while uncovered:
        best, pairs = max(candidates, key=lambda candidate: len(candidate[1] & uncovered))
        chosen.append(best)
        uncovered -= pairs
    return chosen


def pairwise_combinations():
    """The default combination plus a covering array of every valid combination."""
    return covering_array(valid_combinations(), start=[default_combination()])


# The default run puts every combination through Django's checks while that costs minutes
# (batched, about 1.6 s of CPU each: some 3 minutes on two cores at this count); past it,
# the default run checks the pairwise set, and the full run every combination.
EVERY_COMBINATION_CHECKS_UP_TO = 600


def django_checked_combinations():
    """The combinations the default run puts through Django's checks."""
    combinations = valid_combinations()
    if len(combinations) > EVERY_COMBINATION_CHECKS_UP_TO:
        return pairwise_combinations()
    return combinations
