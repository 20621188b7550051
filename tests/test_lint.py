"""Every valid combination passes the generated project's own linter and formatter.

Ruff runs once over each distinct file rather than once per combination: most files are
byte-identical across many combinations. The distinct versions of each path are laid out
in numbered slot folders, each a project root with the projects' own ``pyproject.toml``
(its ruff settings are the same in every combination, which a test checks; they name the
first-party packages, so import sorting does not depend on which folders a slot holds).
A finding in a slot maps back to every combination holding that file.
"""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tooling.combinations import default_combination
from tooling.template import TEMPLATE_DIR

PROJECT_CONFIG = "pyproject.toml"


def ruff_settings(content):
    """What of a project's ``pyproject.toml`` ruff reads: its own table and the Python."""
    pyproject = tomllib.loads(content.decode("utf-8"))
    return {
        "ruff": pyproject["tool"]["ruff"],
        "requires-python": pyproject["project"]["requires-python"],
    }


def lay_out(folder, versions, config):
    """Write ``{(path, digest): content}`` into slot folders; return slot file -> key.

    Slot ``n`` holds the ``n``-th distinct version of every path with that many versions.
    """
    paths = {}
    for path, key in sorted(versions):
        paths.setdefault(path, []).append(key)
    located = {}
    for slot in range(max((len(keys) for keys in paths.values()), default=0)):
        root = folder / f"slot{slot}"
        root.mkdir(parents=True)
        (root / PROJECT_CONFIG).write_bytes(config)
        for path, keys in paths.items():
            if slot < len(keys):
                target = root / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(versions[(path, keys[slot])])
                located[str(target.relative_to(folder))] = (path, keys[slot])
    return located


# The two ruff commands, each reporting in JSON.
RUFF_COMMANDS = {
    "check": ["check", "--no-cache", "--output-format", "json", "."],
    "format": ["format", "--check", "--no-cache", "--output-format", "json", "."],
}


def findings(folder, located):
    """``(path, digest) -> [finding, ...]`` from one ``ruff check`` and one format check."""
    found = {}
    for arguments in RUFF_COMMANDS.values():
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *arguments],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        # 1: findings; 2: a file ruff cannot parse, reported among them.
        assert result.returncode in (0, 1, 2), result.stderr
        assert result.stdout.startswith("["), result.stderr
        for item in json.loads(result.stdout):
            slot_file = Path(item["filename"]).relative_to(folder).as_posix()
            where = item["location"]["row"]
            found.setdefault(located[slot_file], []).append(
                f"{where}: {item['code']} {item['message']}"
            )
    return found


def report(found, holders):
    """One line per finding, naming how many combinations hold the file, and one of them."""
    return [
        f"{path} ({len(holders[(path, key)])} combinations, e.g. {holders[(path, key)][0]}): "
        f"{finding}"
        for (path, key), messages in sorted(found.items())
        for finding in messages
    ]


@pytest.fixture(scope="module")
def python_versions(bakery):
    """Every distinct ``(path, digest)`` of a Python file, to its content."""
    return {
        (path, key): bakery.contents[key] for path, key in bakery.holders if path.endswith(".py")
    }


@pytest.fixture(scope="module")
def project_config(bakery):
    configs = {key for path, key in bakery.holders if path == PROJECT_CONFIG}
    return bakery.contents[sorted(configs)[0]]


def test_every_combination_has_the_same_ruff_settings(bakery):
    configs = {key for path, key in bakery.holders if path == PROJECT_CONFIG}
    settings = {json.dumps(ruff_settings(bakery.contents[key]), sort_keys=True) for key in configs}
    assert len(settings) == 1


def test_ruff_passes_on_every_distinct_file(bakery, python_versions, project_config, tmp_path):
    located = lay_out(tmp_path, python_versions, project_config)
    assert sorted(located.values()) == sorted(python_versions)
    assert report(findings(tmp_path, located), bakery.holders) == []


BAD = b"import os\nimport sys\nfrom config import settings\nimport django\n\nx=1\n"


def test_a_finding_maps_back_to_the_combinations_holding_the_file(project_config, tmp_path):
    """The deduplicated run can fail: an unsorted, unused, unformatted file is reported
    once, for both combinations that hold it, and a clean version of it is not."""
    versions = {("app/bad.py", "bad"): BAD, ("app/bad.py", "good"): b"X = 1\n"}
    holders = {("app/bad.py", "bad"): ["one", "two"], ("app/bad.py", "good"): ["three"]}

    lines = report(findings(tmp_path, lay_out(tmp_path, versions, project_config)), holders)

    assert lines
    assert all(line.startswith("app/bad.py (2 combinations, e.g. one): ") for line in lines)
    assert any("I001" in line for line in lines)
    assert any("F401" in line for line in lines)
    assert any("unformatted" in line for line in lines)


def pinned_ruff(requirements):
    return [line for line in requirements if re.match(r"ruff\s*==", line)]


def test_generated_project_pins_the_ruff_the_template_tests_with(bakery):
    pyproject = tomllib.loads(bakery.files(default_combination())[PROJECT_CONFIG].decode())
    template = (TEMPLATE_DIR / "requirements-test.txt").read_text(encoding="utf-8").splitlines()
    generated = pinned_ruff(pyproject["dependency-groups"]["dev"])
    assert len(generated) == 1
    assert generated == pinned_ruff(template)
