"""Where the template lives, and the few operations every test module needs on it.

Tests import the hooks from their files, exactly as Cookiecutter finds them, instead of
copying their rules: a test that disagrees with a hook then fails instead of drifting.
"""

import contextlib
import functools
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from cookiecutter.generate import generate_context
from cookiecutter.main import cookiecutter
from cookiecutter.prompt import prompt_for_config

# Services on this machine that tests run against when they answer.
SERVICES = {"PostgreSQL": 5432, "Redis": 6379}
# Set (by CI) to make unreachable services a failure instead of a skip.
REQUIRE_SERVICES = "TEMPLATE_TESTS_REQUIRE_SERVICES"
# Debian's Chromium, which the browser tests drive; Playwright's own downloads are never used.
CHROMIUM = Path("/usr/bin/chromium")
# Set (by CI) to make a missing browser a failure instead of a skip.
REQUIRE_BROWSER = "TEMPLATE_TESTS_REQUIRE_BROWSER"

TEMPLATE_DIR = Path(__file__).resolve().parent.parent
PROJECT_TEMPLATE_DIR = TEMPLATE_DIR / "{{cookiecutter.project_slug}}"
COOKIECUTTER_JSON = TEMPLATE_DIR / "cookiecutter.json"
ANSWERS_FILE = ".cookiecutter-answers.json"
# Written by the post-generation hook with a fresh random secret on every bake.
LOCAL_ENV_FILE = ".env"

# Variables that would make a generated project talk to outside services or pick other
# settings than the ones a check asks for; subprocesses never inherit them.
LEAKY_VARIABLES = ("DATABASE_URL", "REDIS_URL", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
LEAKY_PREFIXES = ("DJANGO_", "PYTEST_")


def load_hook(name):
    """Import ``hooks/<name>.py`` as a module (its placeholder is parsed only in main())."""
    path = TEMPLATE_DIR / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"template_hooks_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pre_gen = load_hook("pre_gen_project")
post_gen = load_hook("post_gen_project")


def table_entries(slug):
    """``(owner, value, path)`` for every path in the post-generation hook's table.

    The owner is an option or one of the hook's derived facts; ``{slug}`` in the path is
    replaced by ``slug``.
    """
    return [
        (owner, value, path.format(slug=slug))
        for owner, owners in post_gen.OWNED_PATHS.items()
        for value, paths in owners.items()
        for path in paths
    ]


def owned_paths(slug):
    """Every path in the post-generation hook's table, whether an option or a fact owns it."""
    return [path for _owner, _value, path in table_entries(slug)]


def template_options():
    """``cookiecutter.json`` as written: booleans, choice lists, free text, ``_`` keys."""
    return json.loads(_template_options_text())


@functools.cache
def _template_options_text():
    return COOKIECUTTER_JSON.read_text(encoding="utf-8")


def default_answers():
    """The answers of a ``--no-input`` bake, rendered by Cookiecutter itself.

    Rendering matters for derived defaults such as ``project_slug``; private keys
    (``_`` and ``__prompts__``) are not answers.
    """
    return dict(_default_answers())


@functools.cache
def _default_answers():
    # Rendering takes milliseconds, and the combinations ask once per combination.
    context = generate_context(context_file=str(COOKIECUTTER_JSON))
    answers = prompt_for_config(context, no_input=True)
    return {key: value for key, value in answers.items() if not key.startswith("_")}


def bake(output_dir, answers=None):
    """Generate a project into ``output_dir`` through Cookiecutter's API; return its path.

    Booleans stay Python booleans, as a JSON answer file or a prompt would give them.
    """
    project = cookiecutter(
        str(TEMPLATE_DIR),
        no_input=True,
        extra_context=dict(answers or {}),
        output_dir=str(output_dir),
    )
    return Path(project)


def write_cookiecutter_config(folder):
    """A Cookiecutter config file in ``folder`` that keeps its cache and replay files there.

    Set as ``COOKIECUTTER_CONFIG``, it keeps bakes away from the user's own settings (a
    ``default_context`` would change the files) and replay folder.
    """
    folder = Path(folder)
    config = folder / "config.yaml"
    config.write_text(
        f"cookiecutters_dir: '{folder / 'cookiecutters'}'\nreplay_dir: '{folder / 'replay'}'\n",
        encoding="utf-8",
    )
    return config


def project_files(root):
    """Every file of a generated tree, relative path to bytes, without the local ``.env``."""
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != LOCAL_ENV_FILE
    }


def isolated_environ(**overrides):
    """The current environment less what would leak into a generated project, plus overrides."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in LEAKY_VARIABLES and not name.startswith(LEAKY_PREFIXES)
    }
    env.update(overrides)
    return env


def run(command, cwd, env=None, timeout=900, input_text=None):
    """Run a command to completion; the result holds stdout and stderr merged, as text."""
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        input=input_text,
        stdin=subprocess.DEVNULL if input_text is None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_cookiecutter(*arguments, cwd):
    """Run the real command line, as a user would, with the interpreter running the tests."""
    return run([sys.executable, "-m", "cookiecutter", *arguments], cwd=cwd)


def describe(result):
    """A failed command's line and output, for an assertion message."""
    return f"$ {' '.join(result.args)}\n(exit {result.returncode})\n{result.stdout}"


# Slugs the template must refuse: not lowercase identifiers (whole: a trailing newline
# too), keywords (hard and soft), and names that shadow a module the generated project
# imports or ships.
BAD_SLUGS = (
    "My-API",
    "my_api\n",
    "1api",
    "my api",
    "MyApi",
    "class",
    "match",
    "django",
    "rest_framework",
    "config",
    "test",
    "tests",
    "site",
)


def stop_process_group(process, timeout=30):
    """Stop a command started with ``start_new_session=True`` and everything it started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def reachable(port):
    """Whether something on this machine accepts a connection on ``port`` (a service the
    tests or the benchmarks use when it is there)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def unreachable_services():
    """The services the tests use that do not answer, named for a skip reason."""
    return [f"{name} (127.0.0.1:{port})" for name, port in SERVICES.items() if not reachable(port)]


def missing_browser():
    """What this machine lacks to run the browser tests, as sentences (none: it can run)."""
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright package is not installed (requirements-test.txt)")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"Chromium is not at {CHROMIUM} (Debian package: chromium)")
    return missing


def services_answer():
    """Whether PostgreSQL and Redis both answer; when they are required (CI) and do not,
    the calling test fails, naming them."""
    unreachable = unreachable_services()
    if unreachable and os.environ.get(REQUIRE_SERVICES):
        pytest.fail(f"{' and '.join(unreachable)} not reachable, and {REQUIRE_SERVICES} is set")
    return not unreachable
