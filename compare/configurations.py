"""The answers a configuration stands for, read from what the user names on the command line.

A configuration is one of:

- ``defaults``: the answers of ``cookiecutter --no-input``;
- ``key=value[,key=value...]``: those answers on top of the defaults (``yes``/``no`` for
  the options that are booleans);
- a generated project's folder, or its ``.cookiecutter-answers.json`` (or any JSON file of
  answers, as Cookiecutter's replay files hold them).

Every answer is checked as the pre-generation hook checks it, before anything is baked: a
refusal is the hook's own line, naming the option, the value and the fix.
"""

import json
from pathlib import Path

from cookiecutter.generate import generate_context
from cookiecutter.prompt import prompt_for_config

from tooling.template import ANSWERS_FILE, COOKIECUTTER_JSON, pre_gen, template_options

DEFAULTS = "defaults"
TRUE = frozenset({"yes", "y", "true", "on", "1"})
FALSE = frozenset({"no", "n", "false", "off", "0"})


class BadInput(Exception):
    """Answers the template would refuse; each argument is one line saying why."""


def answerable():
    """``{option: default}`` of the options a user answers (no ``_`` keys)."""
    return {name: value for name, value in template_options().items() if not name.startswith("_")}


def parse_value(option, text, default):
    if not isinstance(default, bool):
        return text
    if text.lower() in TRUE:
        return True
    if text.lower() in FALSE:
        return False
    raise BadInput(pre_gen.problem(option, text, "is not a boolean", "answer yes or no"))


def unknown(option):
    names = ", ".join(answerable())
    return pre_gen.problem(option, "?", "is not an option of this template", f"use one of {names}")


def parse_overrides(text):
    """``{option: value}`` from ``key=value,key=value``."""
    options = answerable()
    answers = {}
    for pair in text.split(","):
        option, sign, value = pair.partition("=")
        option = option.strip()
        if not sign or not option:
            raise BadInput(
                pre_gen.problem(
                    "answers", pair, "is not key=value", "write answers as key=value,key=value"
                )
            )
        if option not in options:
            raise BadInput(unknown(option))
        answers[option] = parse_value(option, value.strip(), options[option])
    return answers


def read_answers_file(name):
    """The answers recorded in a project (its folder or its answers file) or a JSON file."""
    path = Path(name)
    if path.is_dir():
        path = path / ANSWERS_FILE
    if not path.is_file():
        raise BadInput(
            pre_gen.problem(
                "answers",
                str(name),
                "is neither key=value answers nor an answers file or project folder",
                f"name a generated project, its {ANSWERS_FILE}, or answers such as cors=no",
            )
        )
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadInput(
            pre_gen.problem("answers", str(path), f"is not JSON ({error})", "name a JSON file")
        ) from None
    answers = recorded.get("cookiecutter", recorded) if isinstance(recorded, dict) else None
    if not isinstance(answers, dict):
        raise BadInput(
            pre_gen.problem("answers", str(path), "holds no answers", "name a JSON object")
        )
    answers = {name: value for name, value in answers.items() if not name.startswith("_")}
    strangers = [name for name in answers if name not in answerable()]
    if strangers:
        raise BadInput(unknown(strangers[0]))
    return answers


def rendered(answers):
    """Every answer, with the defaults Cookiecutter derives (a slug from a name) filled in."""
    context = generate_context(context_file=str(COOKIECUTTER_JSON), extra_context=answers)
    full = prompt_for_config(context, no_input=True)
    return {name: value for name, value in full.items() if not name.startswith("_")}


def checked(answers):
    """``answers`` completed with the defaults, if the pre-generation hook would take them."""
    problems = pre_gen.check_option_values(answers, answerable())
    if problems:
        raise BadInput(*problems)
    full = rendered(answers)
    problems = pre_gen.validate(full, answerable())
    if problems:
        raise BadInput(*problems)
    return full


def configuration(spec):
    """The complete, valid answers ``spec`` names; ``BadInput`` when the hook would refuse."""
    if spec == DEFAULTS:
        return checked({})
    if "=" in spec and not Path(spec).exists():
        return checked(parse_overrides(spec))
    return checked(read_answers_file(spec))
