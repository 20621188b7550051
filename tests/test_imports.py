"""The import contracts of ``pyproject.toml`` hold, cover every package, and catch a breach.

The shared tooling (``tooling/``) is imported by the tests, the benchmarks and the compare
command, never the reverse, and nothing but the tests imports the tests: otherwise a
benchmark or the compare command would need the test suite, and a change to a test helper
could break them. ``lint-imports`` reads the contracts from ``pyproject.toml``; it runs
from the environment running these tests, as ``requirements-test.txt`` installs it.
"""

import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from tooling.commands import describe, run
from tooling.template import TEMPLATE_DIR

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONFIG = tomllib.loads((TEMPLATE_DIR / "pyproject.toml").read_text(encoding="utf-8"))
ROOT_PACKAGES = CONFIG["tool"]["importlinter"]["root_packages"]


def lint_imports(folder):
    # Without the cache, which would otherwise be written into the folder checked.
    return run([LINT_IMPORTS, "--no-cache"], cwd=folder, timeout=120)


def test_the_import_contracts_hold():
    result = lint_imports(TEMPLATE_DIR)
    assert result.returncode == 0, describe(result)


def test_every_package_at_the_template_root_is_under_the_contracts():
    """A package added beside ``tooling/`` is checked too, once it is listed."""
    packages = sorted(path.parent.name for path in TEMPLATE_DIR.glob("*/__init__.py"))
    assert sorted(ROOT_PACKAGES) == packages


# An import that breaks a contract, the module it is added to, and the contract that must
# then report it broken.
BREACHES = {
    "tooling imports tests": (
        "tooling/commands.py",
        "import tests.support",
        "The shared tooling imports none of its users, nor pytest",
    ),
    "tooling imports pytest": (
        "tooling/services.py",
        "import pytest",
        "The shared tooling imports none of its users, nor pytest",
    ),
    "compare imports tests": (
        "compare/trees.py",
        "from tests import support",
        "The benchmarks and the compare command do not import the tests",
    ),
    "benchmarks import compare": (
        "benchmarks/scale.py",
        "import compare.render",
        "The benchmarks and the compare command share code only through the tooling",
    ),
    "tooling imports tests, seen as a protected package": (
        "tooling/shards.py",
        "from tests.support import BAD_SLUGS",
        "Nothing imports the tests but the tests",
    ),
}


@pytest.mark.parametrize(("module", "line", "contract"), BREACHES.values(), ids=BREACHES)
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, line, contract):
    """The same contracts, run on a copy of the packages with one forbidden import added."""
    for package in ROOT_PACKAGES:
        shutil.copytree(
            TEMPLATE_DIR / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
    shutil.copy(TEMPLATE_DIR / "pyproject.toml", tmp_path)
    with (tmp_path / module).open("a", encoding="utf-8") as source:
        source.write(f"{line}\n")

    result = lint_imports(tmp_path)

    assert result.returncode != 0, describe(result)
    assert f"{contract} BROKEN" in result.stdout, describe(result)
