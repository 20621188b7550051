"""The one virtual environment every generated project runs in, built once and shared.

Installing Django and friends once per combination would take most of a test run, so every
generated project runs in this one environment (the projects themselves are not installed:
each runs from its own folder). It lives in pytest's cache, keyed by the dependency list and
the Python version, so later runs, the benchmarks and the compare command reuse it.

Shared tooling: ``tests/``, ``benchmarks/``, ``compare/`` and the rest of ``tooling/`` may
import it.
"""

import hashlib
import shutil
import sys
import tomllib

from filelock import FileLock

from tooling.combinations import all_on_combination, combination_id, option_values
from tooling.commands import describe, run
from tooling.template import TEMPLATE_DIR, bake

# Written into a shared environment only once everything is installed in it.
COMPLETE_MARKER = "installed-completely"
# The folder of pytest's cache holding the shared environments (the full-run workflow
# caches it between runs).
PROJECT_ENVS = "project-envs"
# Where pytest's cache keeps that folder when the template's tests run from its root.
PROJECT_ENVS_DIR = TEMPLATE_DIR / ".pytest_cache" / "d" / PROJECT_ENVS

# What the template's tests run inside generated projects besides their own tools.
FUZZ_REQUIREMENTS = ["schemathesis==4.32.5"]


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


def project_environment(envs, scratch):
    """The Python of the shared environment in the folder ``envs``, built there if missing.

    ``scratch`` is an empty folder for the bakes that list the dependencies. A lock keeps
    parallel workers from building the environment twice, and the marker file, written
    last, keeps a half-built one from ever being used.
    """
    requirements = project_requirements(scratch)
    key = hashlib.sha256("\n".join([sys.version, *requirements]).encode()).hexdigest()[:16]
    envs.mkdir(parents=True, exist_ok=True)
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
                if result.returncode != 0:
                    raise RuntimeError(describe(result))
            (env_dir / COMPLETE_MARKER).write_text("\n".join(requirements) + "\n")
    return python
