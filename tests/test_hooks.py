"""The hooks as plain Python: the validation rules, the pruning table and pruning itself."""

import itertools

import pytest

from tests.support import BAD_SLUGS
from tooling.combinations import answers_for, option_values, valid_combinations
from tooling.template import (
    PROJECT_TEMPLATE_DIR,
    default_answers,
    owned_paths,
    post_gen,
    pre_gen,
    table_entries,
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
    ("email", "jane@example.com\n"),
    ("version", "0.1.0\n"),
    ("version", "one"),
    ("version", "1.0+local"),
    ("project_name", ""),
    ("project_name", "My\nAPI"),
    ("description", "Two\nlines"),
    ("author_name", "Jane\tDoe"),
    ("timezone", "Mars/Base"),
    ("timezone", ""),
    ("permission_model", "nobody"),
    ("audit_log", "sometimes"),
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


GOOD_VALUES = [
    ("version", "1.0rc1"),
    ("version", "2026.12"),
    ("version", "1.0.post1.dev2"),
    ("version", "1.0-alpha"),
    ("project_name", "Café API (v2)"),
    ("description", ""),
    ("email", "jane.doe+api@example.co.uk"),
]


@pytest.mark.parametrize(
    ("option", "value"), GOOD_VALUES, ids=[f"{option}={value!r}" for option, value in GOOD_VALUES]
)
def test_good_values_pass(option, value):
    assert problems_for(**{option: value}) == []


def test_no_authentication_strategy_is_refused():
    problems = problems_for(**dict.fromkeys(pre_gen.AUTH_OPTIONS, False))
    assert len(problems) == 1, problems
    assert all(option in problems[0] for option in pre_gen.AUTH_OPTIONS)
    assert "\n" not in problems[0]


def test_each_auth_option_alone_is_enough():
    for option in pre_gen.AUTH_OPTIONS:
        alone = {name: name == option for name in pre_gen.AUTH_OPTIONS}
        assert problems_for(**alone) == [], option


def test_mfa_without_a_password_login_is_refused():
    logins = dict.fromkeys(pre_gen.PASSWORD_LOGINS, False)
    problems = problems_for(**logins, auth_oauth2=True, auth_api_key=True, auth_mfa=True)
    assert len(problems) == 1, problems
    assert problems[0].startswith("auth_mfa=True: ")
    assert all(option in problems[0] for option in pre_gen.PASSWORD_LOGINS)
    assert "\n" not in problems[0]


def test_mfa_takes_any_one_password_login():
    for option in pre_gen.PASSWORD_LOGINS:
        alone = {name: name == option for name in pre_gen.AUTH_OPTIONS}
        assert problems_for(**alone, auth_mfa=True) == [], option


def test_auth_options_are_boolean_options():
    booleans = [name for name, values in option_values().items() if isinstance(values[0], bool)]
    assert set(pre_gen.AUTH_OPTIONS) <= set(booleans)


def test_paths_to_remove_follows_the_table():
    table = {
        "flag": {True: ["{slug}/flagged"]},
        "choice": {"x": ["x.py"], "y": ["{slug}/y.py", "docs/y.md"]},
    }
    context = {"project_slug": "demo", "flag": False, "choice": "x"}
    assert post_gen.paths_to_remove(context, table, {}) == [
        "demo/flagged",
        "demo/y.py",
        "docs/y.md",
    ]
    context = {"project_slug": "demo", "flag": True, "choice": "y"}
    assert post_gen.paths_to_remove(context, table, {}) == ["x.py"]


def test_paths_to_remove_follows_derived_facts():
    table = {"flag": {True: ["flagged.py"]}, "both": {True: ["both.py"]}}
    derived = {"both": lambda known: known["flag"] and known["other"]}
    context = {"project_slug": "demo", "flag": True, "other": False}
    assert post_gen.paths_to_remove(context, table, derived) == ["both.py"]
    context = {"project_slug": "demo", "flag": True, "other": True}
    assert post_gen.paths_to_remove(context, table, derived) == []


def test_a_fact_sees_the_answers_and_the_facts_before_it():
    derived = {
        "double": lambda known: known["n"] * 2,
        "quadruple": lambda known: known["double"] * 2,
    }
    assert post_gen.facts({"n": 1}, derived) == {"n": 1, "double": 2, "quadruple": 4}


PASSWORD_LOGIN_CASES = [
    ({"auth_session": True, "auth_token": False, "auth_jwt": False}, True),
    ({"auth_session": False, "auth_token": True, "auth_jwt": False}, True),
    ({"auth_session": False, "auth_token": False, "auth_jwt": True}, True),
    ({"auth_session": False, "auth_token": False, "auth_jwt": False}, False),
]


@pytest.mark.parametrize(("logins", "expected"), PASSWORD_LOGIN_CASES)
@pytest.mark.parametrize("throttling", [True, False])
def test_password_login_and_what_needs_it(logins, expected, throttling):
    """Registration and key management follow the password logins; the lockout does not."""
    known = post_gen.facts(
        {**default_answers(), **logins, "auth_api_key": True, "throttling": throttling}
    )
    assert known["password_login"] is expected
    assert known["api_key_endpoints"] is expected
    assert "login_lockout" not in known


@pytest.mark.parametrize("throttling", [True, False])
def test_the_lockout_follows_throttling_even_without_a_password_login(throttling):
    """The admin's login checks passwords in every project, API-key-only ones too."""
    answers = {
        **default_answers(),
        "auth_session": False,
        "auth_token": False,
        "auth_jwt": False,
        "auth_api_key": True,
        "throttling": throttling,
    }
    removed = post_gen.paths_to_remove(answers)
    slug = answers["project_slug"]
    assert (f"{slug}/lockout" in removed) is not throttling


def test_no_api_key_endpoints_without_api_keys():
    known = post_gen.facts({**default_answers(), "auth_api_key": False})
    assert known["password_login"] is True
    assert known["api_key_endpoints"] is False


@pytest.mark.parametrize(
    ("audit_log", "kept", "gone"),
    [
        ("database", ["models.py", "migrations", "views.py"], ["log.py"]),
        ("log", ["log.py"], ["models.py", "migrations", "views.py"]),
    ],
)
def test_an_audit_log_keeps_its_own_sink_only(audit_log, kept, gone):
    answers = {**default_answers(), "audit_log": audit_log}
    removed = post_gen.paths_to_remove(answers)
    audit = f"{answers['project_slug']}/audit"
    assert audit not in removed
    assert [name for name in kept if f"{audit}/{name}" in removed] == []
    assert [name for name in gone if f"{audit}/{name}" not in removed] == []


def test_no_audit_log_removes_the_app():
    answers = {**default_answers(), "audit_log": "none"}
    assert f"{answers['project_slug']}/audit" in post_gen.paths_to_remove(answers)


def test_derived_facts_are_not_options():
    assert set(post_gen.DERIVED_FACTS).isdisjoint(option_values())


def test_each_derived_fact_takes_both_values_over_the_valid_combinations():
    """A fact that never changes would keep or drop its paths everywhere: a table bug."""
    seen = {fact: set() for fact in post_gen.DERIVED_FACTS}
    for combination in valid_combinations():
        known = post_gen.facts(answers_for(combination))
        for fact, values in seen.items():
            values.add(known[fact])
    assert seen == {fact: {True, False} for fact in post_gen.DERIVED_FACTS}


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
    """A file inside a folder owned by another option or fact is kept only when both hold.

    Within one owner, nesting would only say the same thing twice.
    """
    owned = [(owner, path) for owner, _value, path in table_entries(TEMPLATE_SLUG)]
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


def test_table_names_real_options_or_facts_and_their_values():
    values = {
        **option_values(),
        **{fact: [True, False] for fact in post_gen.DERIVED_FACTS},
    }
    for owner, owners in post_gen.OWNED_PATHS.items():
        assert owner in values
        assert set(owners) <= set(values[owner]), owner


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
