"""Every valid combination passes the generated project's own linter and formatter."""

import re
import sys
import tomllib

import pytest

from tests.combinations import default_combination, valid_combinations
from tests.template import TEMPLATE_DIR, describe, run


@pytest.fixture(scope="module")
def baked_root(baked):
    """One folder holding every valid combination, so each tool runs once over all of them."""
    for combination in valid_combinations():
        baked(combination)
    return baked.root


@pytest.mark.parametrize(
    "command", [["check"], ["format", "--check", "--diff"]], ids=["check", "format"]
)
def test_ruff_passes_on_every_combination(baked_root, command):
    """Ruff applies each project's own pyproject configuration to that project's files."""
    result = run([sys.executable, "-m", "ruff", *command, "--no-cache", "."], cwd=baked_root)
    assert result.returncode == 0, describe(result)


def test_ruff_sees_every_python_file(baked_root):
    """Guards the two tests above against passing on nothing (an ignore file, say)."""
    result = run([sys.executable, "-m", "ruff", "check", "--show-files", "."], cwd=baked_root)
    assert result.returncode == 0, describe(result)
    shown = {line.strip() for line in result.stdout.splitlines() if line.strip()}
    expected = {str(path) for path in baked_root.rglob("*.py")}
    assert expected
    assert expected <= shown


def pinned_ruff(requirements):
    return [line for line in requirements if re.match(r"ruff\s*==", line)]


def test_generated_project_pins_the_ruff_the_template_tests_with(baked):
    project = baked(default_combination())
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    template = (TEMPLATE_DIR / "requirements-test.txt").read_text(encoding="utf-8").splitlines()
    generated = pinned_ruff(pyproject["dependency-groups"]["dev"])
    assert len(generated) == 1
    assert generated == pinned_ruff(template)
