"""Every valid combination bakes into a clean, deterministic, replayable project."""

import json
import os
import re
import tomllib
from pathlib import Path

import pytest

from tooling.bakery import bake_all
from tooling.combinations import (
    answers_for,
    combination_id,
    default_combination,
    pairwise_combinations,
    valid_combinations,
)
from tooling.commands import describe
from tooling.template import (
    ANSWERS_FILE,
    LOCAL_ENV_FILE,
    TEMPLATE_DIR,
    bake,
    post_gen,
    project_files,
    run_cookiecutter,
    table_entries,
)

# What unrendered Jinja leaves behind. The generated README may name the Cookiecutter
# command and the answers file, so the word alone is allowed, not a variable of it.
LEFTOVERS = re.compile(r"\{\{|\{%|\{#|\bcookiecutter\s*[.|\[]")
# Django's templates share Jinja's delimiters (the template source wraps them in a raw
# block): in them, only a Cookiecutter variable is a leftover.
DJANGO_TEMPLATE_LEFTOVERS = re.compile(r"\bcookiecutter\s*[.|\[]")


def is_django_template(path):
    return "templates" in Path(path).parts[:-1] and path.endswith(".html")


VALID_COMBINATIONS = valid_combinations()
# Baked again through Cookiecutter with its hooks, and replayed through the command line.
SAMPLE = pairwise_combinations()


@pytest.fixture(params=VALID_COMBINATIONS, ids=combination_id)
def combination(request):
    return request.param


@pytest.fixture
def files(bakery, combination):
    """The combination's files, relative path to bytes, from the bulk bake."""
    return bakery.files(combination)


def manifest(bakery, combination):
    return bakery.manifests[combination_id(combination)]


# What the per-file checks found, per distinct content: most files are identical across
# many combinations, so each content is decoded and searched once per worker.
_texts = {}
_matches = {}


def text_of(bakery, key):
    """A content as text, or None for a binary file (binary files have no syntax)."""
    if key not in _texts:
        try:
            _texts[key] = bakery.contents[key].decode("utf-8")
        except UnicodeDecodeError:
            _texts[key] = None
    return _texts[key]


def text_files(bakery, combination):
    """Relative path to digest of every text file but the answers."""
    return {
        path: key
        for path, key in manifest(bakery, combination).items()
        if path != ANSWERS_FILE and text_of(bakery, key) is not None
    }


def matches(bakery, key, pattern, neutral=None):
    """``(number, line)`` of each line of a content that ``pattern`` finds and ``neutral``
    does not match."""
    cache_key = (key, pattern, neutral)
    if cache_key not in _matches:
        _matches[cache_key] = [
            (number, line.strip())
            for number, line in enumerate(text_of(bakery, key).splitlines(), start=1)
            if pattern.search(line) and not (neutral and neutral.match(line.strip()))
        ]
    return _matches[cache_key]


# Words that belong to one value of an option: a generated file that carries one when the
# value was not chosen keeps a sentence, setting or name about a feature that is not there.
OPTION_WORDS = {
    "auth_session": {True: r"auth_session|session (login|cookie|authentication)|csrf/"},
    "auth_token": {True: r"\bknox\b|auth_token|token login|Token <"},
    "auth_jwt": {True: r"\bjwt\b|simplejwt"},
    "auth_oauth2": {True: r"oauth|o/authorize|pkce"},
    "auth_api_key": {True: r"api[ _-]?keys?\b"},
    "auth_mfa": {True: r"\bmfa|auth_mfa|\botp|totp|two-factor|second factor|recovery code"},
    "permission_model": {
        "group": r"GroupPolicy|document_group",
        "rbac": r"\brbac\b|RolePolicy|setup_roles",
        "multi_tenant": r"tenan",
    },
    # django-otp's own names for its back-off (``ThrottlingMixin``, ``throttle_reset``, ...)
    # belong to the MFA app, not to this option; and "throttled" names rest framework's
    # 429 answer (``Throttled``), which a view may give without any throttle.
    "throttling": {
        True: r"(?<![._])throttl(?!ing_failure|ingmixin|e_(reset|increment|factor)|ed\b)"
        r"|lockout|rate limit"
    },
    "cors": {True: r"\bcors\b|cross-origin resource"},
    # A fact of the answers: any audit log at all.
    "audit": {True: r"\baudit|x-request-id"},
    "audit_log": {
        "database": r"AuditEvent|audit/events|purge_audit_events|DatabaseSink|RETENTION_DAYS",
        "log": r"LogSink|one JSON line|log shipper",
    },
}


# Lines that name a feature generically, and mean nothing without it.
NEUTRAL_LINES = re.compile(
    # A rest framework view names its rate-limit scope; no throttle reads it when off.
    r'^throttle_scope = "\w+"$'
    # The schema declares 429 where a view has throttles: none when throttling is off.
    r"|^429(: bool\(view.get_throttles\(\)\),| when the view throttles\.)"
    # Client IPs are told apart by rest framework's rule, which lives in its throttle base.
    r"|^# https://www\.django-rest-framework\.org/api-guide/throttling/#how-clients-are-identified$"
    r"|^from rest_framework\.throttling import BaseThrottle$"
    r'|^return BaseThrottle\(\)\.get_ident\(request\) if request is not None else ""$'
)


def lines_matching(bakery, combination, pattern, neutral=None):
    """``path:number: line`` for each line of the combination's text files that ``pattern``
    finds, but for the lines that ``neutral`` matches."""
    return [
        f"{path}:{number}: {line}"
        for path, key in text_files(bakery, combination).items()
        for number, line in matches(bakery, key, pattern, neutral)
    ]


def test_no_word_of_an_option_that_is_off_is_left(bakery, combination):
    known = post_gen.facts(answers_for(combination))
    found = [
        f"{line} ({option}={value!r} is off)"
        for option, owners in OPTION_WORDS.items()
        for value, words in owners.items()
        if known[option] != value
        for line in lines_matching(
            bakery, combination, re.compile(words, re.IGNORECASE), NEUTRAL_LINES
        )
    ]
    assert found == []


def test_no_template_syntax_is_left(bakery, combination):
    found = [
        f"{path}:{number}: {line}"
        for path, key in text_files(bakery, combination).items()
        for number, line in matches(
            bakery, key, DJANGO_TEMPLATE_LEFTOVERS if is_django_template(path) else LEFTOVERS
        )
    ]
    assert found == []


_compiled = {}


def compile_error(bakery, path, key):
    """Why a Python content does not compile, or None; each content compiled once."""
    if key not in _compiled:
        try:
            compile(text_of(bakery, key), path, "exec")
            _compiled[key] = None
        except SyntaxError as error:
            _compiled[key] = f"{path}: {error}"
    return _compiled[key]


def test_every_python_file_compiles(bakery, combination):
    errors = [
        compile_error(bakery, path, key)
        for path, key in text_files(bakery, combination).items()
        if path.endswith(".py")
    ]
    assert [error for error in errors if error] == []


def exists(files, path):
    """Whether ``path`` is a file of the project or a folder holding one."""
    return path in files or any(name.startswith(f"{path}/") for name in files)


def test_only_chosen_paths_are_kept(files, combination):
    """A path of the table is there exactly when its option's value or derived fact holds."""
    answers = answers_for(combination)
    known = post_gen.facts(answers)
    removed = post_gen.paths_to_remove(answers)
    kept = [
        f"{path} ({owner}={value!r})"
        for owner, value, path in table_entries(answers["project_slug"])
        if known[owner] == value
        and not exists(files, path)
        and not any(Path(path).is_relative_to(gone) for gone in removed)  # gone with a folder
    ]
    assert [path for path in removed if exists(files, path)] == []
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


_words = {}


def words_of(bakery, key):
    """The words (``\\w+``) of a text content, each content split once."""
    if key not in _words:
        _words[key] = frozenset(re.findall(r"\w+", text_of(bakery, key)))
    return _words[key]


def test_no_kept_file_names_a_removed_module(bakery, combination):
    """Pruning a module takes every import, setting and sentence naming it along."""
    removed = [Path(path) for path in post_gen.paths_to_remove(answers_for(combination))]
    texts = text_files(bakery, combination)
    mentions = [
        f"{relative}: {gone}"
        for gone in removed
        # Each pattern of ``mentions_of`` finds the first word of the name as a whole word:
        # the contents without it are passed over unsearched.
        for word, (anywhere, nearby) in [(re.search(r"\w+", gone.name)[0], mentions_of(gone))]
        for relative, key in texts.items()
        if word in words_of(bakery, key)
        and (
            matches(bakery, key, anywhere)
            or (Path(relative).parent == gone.parent and matches(bakery, key, nearby))
        )
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
def test_without_a_password_login_nothing_is_left_for_one(bakery, combination):
    assert lines_matching(bakery, combination, PASSWORD_LOGIN_TERMS) == []


def test_secret_is_only_in_the_ignored_env_file(bakery, files, combination):
    """The post-generation hook's fresh secret must never reach a tracked file."""
    local_env = bakery.local_envs[combination_id(combination)]
    name, _, secret = local_env.strip().partition("=")
    assert name == "DJANGO_SECRET_KEY"
    assert len(secret) >= 50
    assert LOCAL_ENV_FILE in files[".gitignore"].decode("utf-8").splitlines()
    assert [path for path, content in files.items() if secret.encode() in content] == []


def test_answers_are_recorded_without_paths_or_private_keys(files, combination):
    text = files[ANSWERS_FILE].decode("utf-8")
    answers = json.loads(text)["cookiecutter"]
    assert [key for key in answers if key.startswith("_")] == []
    assert [value for value in answers.values() if os.path.isabs(str(value))] == []
    assert str(TEMPLATE_DIR) not in text
    assert answers == answers_for(combination)


@pytest.mark.parametrize("combination", SAMPLE, ids=combination_id)
def test_cookiecutter_with_its_hooks_bakes_what_the_bulk_bake_did(files, combination, tmp_path):
    """The bulk path (hooks' work in-process, compiled once, another folder) changes
    nothing: the same bytes as Cookiecutter running both hooks as it does for users."""
    project = bake(tmp_path / "again", combination)
    assert project_files(project) == files


@pytest.mark.parametrize("combination", SAMPLE, ids=combination_id)
def test_answers_replay_to_the_same_project(files, combination, tmp_path):
    answers = tmp_path / ANSWERS_FILE
    answers.write_bytes(files[ANSWERS_FILE])
    output = tmp_path / "replayed"
    result = run_cookiecutter("--replay-file", answers, TEMPLATE_DIR, "-o", output, cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    assert project_files(output / answers_for(combination)["project_slug"]) == files


def test_free_text_with_quotes_backslashes_and_accents_stays_valid(tmp_path):
    """Free text lands in Python, TOML and JSON; each must quote it, not break on it."""
    free_text = {
        "project_name": 'Zoë\'s "Quoted" API \\ back',
        "description": "Says \"hi\" \\n and 'bye'",
        "author_name": "Jürgen O'Neil",
    }
    project = bake(tmp_path, free_text)
    assert project.name == "zoe_s_quoted_api_back"
    for path in project.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    metadata = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert metadata["description"] == free_text["description"]
    assert metadata["authors"][0]["name"] == free_text["author_name"]
    answers = json.loads((project / ANSWERS_FILE).read_text(encoding="utf-8"))["cookiecutter"]
    assert {name: answers[name] for name in free_text} == free_text


def test_a_failed_bulk_bake_names_its_combination():
    broken = {**default_combination(), "permission_model": "nobody"}
    with pytest.raises(RuntimeError, match=rf"baking {combination_id(broken)} failed"):
        bake_all([broken], processes=1)
