"""Every valid combination bakes into a clean, deterministic, replayable project."""

import json
import os
import re
import tomllib
from pathlib import Path

import pytest

from tests.combinations import answers_for, combination_id, valid_combinations
from tests.template import (
    ANSWERS_FILE,
    LOCAL_ENV_FILE,
    TEMPLATE_DIR,
    bake,
    describe,
    post_gen,
    project_files,
    run_cookiecutter,
    table_entries,
)

# What unrendered Jinja leaves behind. The generated README may name the Cookiecutter
# command and the answers file, so the word alone is allowed, not a variable of it.
LEFTOVERS = re.compile(r"\{\{|\{%|\{#|\bcookiecutter\s*[.|\[]")

VALID_COMBINATIONS = valid_combinations()


@pytest.fixture(params=VALID_COMBINATIONS, ids=combination_id)
def combination(request):
    return request.param


@pytest.fixture
def project(baked, combination):
    return baked(combination)


def text_files(project):
    """Relative path to text of every file but the answers (binary files have no syntax)."""
    texts = {}
    for relative, content in project_files(project).items():
        if relative == ANSWERS_FILE:
            continue
        try:
            texts[relative] = content.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return texts


# Words that belong to one value of an option: a generated file that carries one when the
# value was not chosen keeps a sentence, setting or name about a feature that is not there.
OPTION_WORDS = {
    "auth_session": {True: r"auth_session|session (login|cookie|authentication)|csrf/"},
    "auth_token": {True: r"\bknox\b|auth_token|token login|Token <"},
    "auth_jwt": {True: r"\bjwt\b|simplejwt"},
    "auth_api_key": {True: r"api[ _-]?keys?\b"},
    "permission_model": {
        "group": r"GroupPolicy|document_group",
        "rbac": r"\brbac\b|RolePolicy|setup_roles",
        "multi_tenant": r"tenan",
    },
    "throttling": {True: r"throttl|lockout|rate limit"},
    "cors": {True: r"\bcors\b|cross-origin resource"},
}


# Lines that name a feature generically, and mean nothing without it.
NEUTRAL_LINES = re.compile(
    # A rest framework view names its rate-limit scope; no throttle reads it when off.
    r'^throttle_scope = "\w+"$'
    # The schema declares 429 where a view has throttles: none when throttling is off.
    r"|^429(: bool\(view.get_throttles\(\)\),| when the view throttles\.)"
)


def lines_matching(project, pattern, neutral=None):
    """``path:number: line`` for each line of the project's text files that ``pattern``
    finds, but for the lines that ``neutral`` matches."""
    return [
        f"{relative}:{number}: {line.strip()}"
        for relative, text in text_files(project).items()
        for number, line in enumerate(text.splitlines(), start=1)
        if pattern.search(line) and not (neutral and neutral.match(line.strip()))
    ]


def test_no_word_of_an_option_that_is_off_is_left(project, combination):
    answers = answers_for(combination)
    found = [
        f"{line} ({option}={value!r} is off)"
        for option, owners in OPTION_WORDS.items()
        for value, words in owners.items()
        if answers[option] != value
        for line in lines_matching(project, re.compile(words, re.IGNORECASE), NEUTRAL_LINES)
    ]
    assert found == []


def test_no_template_syntax_is_left(project):
    assert lines_matching(project, LEFTOVERS) == []


def assert_python_compiles(project):
    for relative, text in text_files(project).items():
        if relative.endswith(".py"):
            compile(text, relative, "exec")


def test_every_python_file_compiles(project):
    assert_python_compiles(project)


def test_only_chosen_paths_are_kept(project, combination):
    """A path of the table is there exactly when its option's value or derived fact holds."""
    answers = answers_for(combination)
    known = post_gen.facts(answers)
    removed = post_gen.paths_to_remove(answers)
    kept = [
        f"{path} ({owner}={value!r})"
        for owner, value, path in table_entries(answers["project_slug"])
        if known[owner] == value
        and not (project / path).exists()
        and not any(Path(path).is_relative_to(gone) for gone in removed)  # gone with a folder
    ]
    assert [path for path in removed if (project / path).exists()] == []
    assert kept == []


def mentions_of(path):
    """Patterns naming the module or package at ``path``.

    Anywhere by its dotted name or its path; from a sibling module by a relative import.
    """
    module = path.with_suffix("") if path.suffix == ".py" else path
    dotted, slashed, name = (
        re.escape(text) for text in (".".join(module.parts), path.as_posix(), module.name)
    )
    anywhere = re.compile(rf"(?<![\w./]){dotted}\b|(?<![\w./]){slashed}\b")
    nearby = re.compile(rf"from \.{name}\b|from \. import [\w, ]*\b{name}\b")
    return anywhere, nearby


def test_no_kept_file_names_a_removed_module(project, combination):
    """Pruning a module takes every import, setting and sentence naming it along."""
    removed = [Path(path) for path in post_gen.paths_to_remove(answers_for(combination))]
    texts = text_files(project)
    mentions = [
        f"{relative}: {gone}"
        for gone in removed
        for anywhere, nearby in [mentions_of(gone)]
        for relative, text in texts.items()
        if anywhere.search(text) or (Path(relative).parent == gone.parent and nearby.search(text))
    ]
    assert mentions == []


# What only a password login of the API needs: its endpoints, rates and login step. The
# lockout stays, for the admin's login.
PASSWORD_LOGIN_TERMS = re.compile(
    r"auth/register|auth/api-keys|DJANGO_THROTTLE_LOGIN\b|DJANGO_THROTTLE_REGISTER"
    r"|CredentialsSerializer|throttle_scope",
    re.IGNORECASE,
)
WITHOUT_PASSWORD_LOGIN = [
    combination
    for combination in VALID_COMBINATIONS
    if not post_gen.facts(answers_for(combination))["password_login"]
]


@pytest.mark.parametrize("combination", WITHOUT_PASSWORD_LOGIN, ids=combination_id)
def test_without_a_password_login_nothing_is_left_for_one(project):
    assert lines_matching(project, PASSWORD_LOGIN_TERMS) == []


def test_secret_is_only_in_the_ignored_env_file(project):
    """The post-generation hook's fresh secret must never reach a tracked file."""
    name, _, secret = (project / LOCAL_ENV_FILE).read_text(encoding="utf-8").strip().partition("=")
    assert name == "DJANGO_SECRET_KEY"
    assert len(secret) >= 50
    ignored = (project / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert LOCAL_ENV_FILE in ignored
    assert [
        path for path, content in project_files(project).items() if secret.encode() in content
    ] == []


def test_baking_again_gives_identical_files(project, combination, tmp_path):
    """Another output folder too, so no absolute path can hide in a file."""
    again = bake(tmp_path / "again", combination)
    assert project_files(again) == project_files(project)


def test_answers_are_recorded_without_paths_or_private_keys(project, combination):
    text = (project / ANSWERS_FILE).read_text(encoding="utf-8")
    answers = json.loads(text)["cookiecutter"]
    assert [key for key in answers if key.startswith("_")] == []
    assert [value for value in answers.values() if os.path.isabs(str(value))] == []
    assert str(project.parent) not in text
    assert str(TEMPLATE_DIR) not in text
    assert answers == answers_for(combination)


def test_answers_replay_to_the_same_project(project, tmp_path):
    output = tmp_path / "replayed"
    result = run_cookiecutter(
        "--replay-file", project / ANSWERS_FILE, TEMPLATE_DIR, "-o", output, cwd=tmp_path
    )
    assert result.returncode == 0, describe(result)
    assert project_files(output / project.name) == project_files(project)


def test_free_text_with_quotes_backslashes_and_accents_stays_valid(tmp_path):
    """Free text lands in Python, TOML and JSON; each must quote it, not break on it."""
    free_text = {
        "project_name": 'Zoë\'s "Quoted" API \\ back',
        "description": "Says \"hi\" \\n and 'bye'",
        "author_name": "Jürgen O'Neil",
    }
    project = bake(tmp_path, free_text)
    assert project.name == "zoe_s_quoted_api_back"
    assert_python_compiles(project)
    metadata = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert metadata["description"] == free_text["description"]
    assert metadata["authors"][0]["name"] == free_text["author_name"]
    answers = json.loads((project / ANSWERS_FILE).read_text(encoding="utf-8"))["cookiecutter"]
    assert {name: answers[name] for name in free_text} == free_text
