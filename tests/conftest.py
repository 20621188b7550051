"""Fixtures shared by the template tests: isolated Cookiecutter, baked projects, one env."""

import hashlib
import shutil
import sys
import tomllib

import pytest
from filelock import FileLock

from tests.bakery import shared_bakery
from tests.combinations import (
    all_on_combination,
    combination_id,
    option_values,
    valid_combinations,
)
from tests.template import bake, describe, run

# Written into a shared environment only once everything is installed in it.
COMPLETE_MARKER = "installed-completely"


def pytest_addoption(parser):
    parser.addoption(
        "--all-combinations",
        action="store_true",
        help="run the generated-project checks for every valid combination, "
        "not only the pairwise covering array",
    )


@pytest.fixture(scope="session", autouse=True)
def cookiecutter_config(tmp_path_factory):
    """Keep every bake away from the user's Cookiecutter config and replay folder.

    A ``default_context`` in ``~/.cookiecutterrc`` would change the generated files, and
    each bake writes a replay file that parallel workers would race on. The variable also
    reaches the ``cookiecutter`` command lines the tests run.
    """
    folder = tmp_path_factory.mktemp("cookiecutter-config")
    config = folder / "config.yaml"
    config.write_text(
        f"cookiecutters_dir: '{folder / 'cookiecutters'}'\nreplay_dir: '{folder / 'replay'}'\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COOKIECUTTER_CONFIG", str(config))
        yield config


@pytest.fixture(scope="session")
def bakery(tmp_path_factory, worker_id):
    """Every valid combination, baked once for the whole run (see ``tests/bakery.py``).

    Parallel workers share it: the folder above a worker's own temporary folder is the
    run's, common to all workers.
    """
    run_folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_folder = run_folder.parent
    return shared_bakery(run_folder / "bakery", valid_combinations())


def richest_combinations():
    """The all-on combination, once per value of each choice option.

    Together they need every dependency any combination can need.
    """
    richest = all_on_combination()
    return [richest] + [
        {**richest, name: value}
        for name, values in option_values().items()
        if not isinstance(richest[name], bool)
        for value in values
        if value != richest[name]
    ]


# What the template's tests run inside generated projects besides their own tools.
FUZZ_REQUIREMENTS = ["schemathesis==4.32.5"]


def project_requirements(folder):
    """The runtime dependencies and the ``dev`` dependency group that generated projects
    declare, and the fuzzer the template runs in them."""
    requirements = set(FUZZ_REQUIREMENTS)
    for combination in richest_combinations():
        project = bake(folder / combination_id(combination), combination)
        pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
        requirements.update(pyproject["project"]["dependencies"])
        requirements.update(pyproject["dependency-groups"]["dev"])
    return sorted(requirements)


@pytest.fixture(scope="session")
def project_python(request, tmp_path_factory):
    """The Python of one virtual environment holding what generated projects need.

    Installing Django and friends once per combination would take most of the run, so
    every generated project runs in this one environment (the projects themselves are not
    installed: each runs from its own folder). It lives in pytest's cache, keyed by the
    dependency list and the Python version, so later runs reuse it; a lock keeps parallel
    workers from building it twice, and the marker file, written last, keeps a half-built
    one from ever being used. ``pytest --cache-clear`` throws it away.
    """
    requirements = project_requirements(tmp_path_factory.mktemp("requirements"))
    key = hashlib.sha256("\n".join([sys.version, *requirements]).encode()).hexdigest()[:16]
    envs = request.config.cache.mkdir("project-envs")
    env_dir = envs / key
    python = env_dir / "bin" / "python"
    with FileLock(envs / f"{key}.lock", timeout=1800):
        if not (env_dir / COMPLETE_MARKER).exists():
            shutil.rmtree(env_dir, ignore_errors=True)
            for command in (
                [sys.executable, "-m", "venv", env_dir],
                [python, "-m", "pip", "install", "--disable-pip-version-check", *requirements],
            ):
                result = run(command, cwd=envs)
                assert result.returncode == 0, describe(result)
            (env_dir / COMPLETE_MARKER).write_text("\n".join(requirements) + "\n")
    return python
