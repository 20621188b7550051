"""Where the template lives, what it declares, and baking one project from it.

The hooks are imported from their files, exactly as Cookiecutter finds them, instead of
having their rules copied: a check that disagrees with a hook then fails instead of
drifting.

Shared tooling: ``tests/``, ``benchmarks/``, ``compare/`` and the rest of ``tooling/`` may
import it.
"""

import contextlib
import functools
import importlib.util
import json
import os
import sys
from pathlib import Path

from cookiecutter.generate import generate_context
from cookiecutter.main import cookiecutter
from cookiecutter.prompt import prompt_for_config

from tooling.commands import run

TEMPLATE_DIR = Path(__file__).resolve().parent.parent
PROJECT_TEMPLATE_DIR = TEMPLATE_DIR / "{{cookiecutter.project_slug}}"
COOKIECUTTER_JSON = TEMPLATE_DIR / "cookiecutter.json"
ANSWERS_FILE = ".cookiecutter-answers.json"
# Written by the post-generation hook with a fresh random secret on every bake.
LOCAL_ENV_FILE = ".env"


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


@contextlib.contextmanager
def quiet():
    """Silence file descriptor 1 too, around a bake through the API: the post-generation
    hook, a subprocess, prints the next steps there, which would garble a command's report."""
    saved = os.dup(1)
    with open(os.devnull, "wb") as devnull:
        sys.stdout.flush()
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


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


def run_cookiecutter(*arguments, cwd):
    """Run the real command line, as a user would, with this interpreter's Cookiecutter."""
    return run([sys.executable, "-m", "cookiecutter", *arguments], cwd=cwd)
