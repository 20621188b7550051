"""The hooks as plain Python: the validation rules, the pruning table and pruning itself."""

import itertools

import pytest

from tests.combinations import option_values
from tests.template import (
    BAD_SLUGS,
    PROJECT_TEMPLATE_DIR,
    default_answers,
    owned_paths,
    post_gen,
    pre_gen,
    template_options,
)

TEMPLATE_SLUG = "{{cookiecutter.project_slug}}"


def problems_for(**changes):
    return pre_gen.validate({**default_answers(), **changes}, template_options())


def test_defaults_are_valid():
    assert problems_for() == []


BAD_VALUES = [
    *[("project_slug", slug) for slug in BAD_SLUGS],
    ("email", "jane"),
    ("email", "jane@example"),
    ("email", "jane doe@example.com"),
    ("timezone", "Mars/Base"),
    ("timezone", ""),
    ("permission_model", "nobody"),
    ("auth_session", "yes"),
    ("cors", "no"),
    ("throttling", 1),
]


@pytest.mark.parametrize(
    ("option", "value"), BAD_VALUES, ids=[f"{option}={value!r}" for option, value in BAD_VALUES]
)
def test_bad_value_gives_one_line_naming_the_option(option, value):
    problems = problems_for(**{option: value})
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{option}={value!r}: ")
    assert "Fix: " in problems[0]
    assert "\n" not in problems[0]


def test_no_authentication_strategy_is_refused():
    problems = problems_for(**dict.fromkeys(pre_gen.AUTH_OPTIONS, False))
    assert len(problems) == 1, problems
    assert all(option in problems[0] for option in pre_gen.AUTH_OPTIONS)
    assert "\n" not in problems[0]


def test_each_auth_option_alone_is_enough():
    for option in pre_gen.AUTH_OPTIONS:
        alone = {name: name == option for name in pre_gen.AUTH_OPTIONS}
        assert problems_for(**alone) == [], option


def test_auth_options_are_boolean_options():
    booleans = [name for name, values in option_values().items() if isinstance(values[0], bool)]
    assert set(pre_gen.AUTH_OPTIONS) <= set(booleans)


def test_paths_to_remove_follows_the_table():
    table = {
        "flag": {True: ["{slug}/flagged"]},
        "choice": {"x": ["x.py"], "y": ["{slug}/y.py", "docs/y.md"]},
    }
    context = {"project_slug": "demo", "flag": False, "choice": "x"}
    assert post_gen.paths_to_remove(context, table) == ["demo/flagged", "demo/y.py", "docs/y.md"]
    context = {"project_slug": "demo", "flag": True, "choice": "y"}
    assert post_gen.paths_to_remove(context, table) == ["x.py"]


def test_prune_removes_files_and_folders_only(tmp_path):
    (tmp_path / "demo" / "flagged" / "deep").mkdir(parents=True)
    (tmp_path / "demo" / "flagged" / "deep" / "module.py").write_text("")
    (tmp_path / "demo" / "kept.py").write_text("")
    (tmp_path / "x.py").write_text("")
    post_gen.prune(tmp_path, ["demo/flagged", "x.py"])
    remaining = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*"))
    assert remaining == ["demo", "demo/kept.py"]


def test_prune_refuses_a_missing_path(tmp_path):
    """A table entry that matches nothing is a bug in the table, not something to ignore."""
    with pytest.raises(FileNotFoundError):
        post_gen.prune(tmp_path, ["absent.py"])


@pytest.mark.parametrize("path", owned_paths(TEMPLATE_SLUG))
def test_owned_path_exists_in_the_template(path):
    assert (PROJECT_TEMPLATE_DIR / path).exists()


def test_no_path_is_owned_twice():
    paths = owned_paths(TEMPLATE_SLUG)
    assert len(paths) == len(set(paths))


def test_only_another_option_owns_paths_inside_an_owned_folder():
    """A file inside a folder owned by another option is kept only when both are chosen.

    Within one option, nesting would only say the same thing twice.
    """
    owned = [
        (option, path.format(slug=TEMPLATE_SLUG))
        for option, owners in post_gen.OWNED_PATHS.items()
        for paths in owners.values()
        for path in paths
    ]
    nested = [
        (outer, inner)
        for (outer_option, outer), (inner_option, inner) in itertools.permutations(owned, 2)
        if inner.startswith(f"{outer}/") and inner_option == outer_option
    ]
    assert nested == []


def test_prune_skips_paths_inside_a_folder_it_removed(tmp_path):
    (tmp_path / "app" / "migrations").mkdir(parents=True)
    (tmp_path / "app" / "migrations" / "0002.py").write_text("")

    post_gen.prune(tmp_path, ["app", "app/migrations/0002.py"])

    assert not (tmp_path / "app").exists()


def test_table_names_real_options_and_values():
    values = option_values()
    for option, owners in post_gen.OWNED_PATHS.items():
        assert option in values
        assert set(owners) <= set(values[option]), option


def test_local_env_gets_a_fresh_secret_and_is_never_overwritten(tmp_path):
    post_gen.write_local_env(tmp_path)
    first = (tmp_path / ".env").read_text()
    name, _, secret = first.strip().partition("=")
    assert name == "DJANGO_SECRET_KEY"
    assert len(secret) >= 50
    post_gen.write_local_env(tmp_path)
    assert (tmp_path / ".env").read_text() == first
    other = tmp_path / "other"
    other.mkdir()
    post_gen.write_local_env(other)
    assert (other / ".env").read_text() != first
