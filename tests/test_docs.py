"""The option reference and the README agree with ``cookiecutter.json``."""

import json
import re

import pytest

from tooling.template import TEMPLATE_DIR, default_answers, template_options

OPTIONS_DOC = TEMPLATE_DIR / "docs" / "options.md"
# Each option has a section headed by its name in backticks.
HEADING = re.compile(r"^### `(?P<name>[^`]+)`\s*$", re.MULTILINE)


def documented_sections():
    """Option name to the text of its section, up to the next heading."""
    text = OPTIONS_DOC.read_text(encoding="utf-8")
    headings = list(HEADING.finditer(text))
    ends = [heading.start() for heading in headings[1:]] + [len(text)]
    return {
        heading["name"]: re.split(r"^#", text[heading.end() : end], flags=re.MULTILINE)[0]
        for heading, end in zip(headings, ends, strict=True)
    }


def public_options():
    return [name for name in template_options() if not name.startswith("_")]


def shown(value):
    """A default as the reference writes it: JSON for booleans, text for the rest."""
    return json.dumps(value) if isinstance(value, bool) else str(value)


def test_no_documented_option_is_missing_from_the_template():
    assert sorted(set(documented_sections()) - set(public_options())) == []


@pytest.mark.parametrize("option", public_options())
def test_option_is_documented_with_its_default_and_values(option):
    section = documented_sections().get(option)
    assert section is not None, f"docs/options.md has no '### `{option}`' section"
    assert f"Default: `{shown(default_answers()[option])}`" in section
    choices = template_options()[option]
    if isinstance(choices, list):
        values = re.search(r"^Values: (.*)$", section, re.MULTILINE)
        assert values, f"no 'Values:' line for {option}"
        assert re.findall(r"`([^`]+)`", values[1]) == choices


@pytest.mark.parametrize("option", public_options())
def test_readme_lists_the_option(option):
    readme = (TEMPLATE_DIR / "README.md").read_text(encoding="utf-8")
    assert f"| `{option}` |" in readme
