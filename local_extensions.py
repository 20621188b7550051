"""Jinja extension that Cookiecutter loads for this template (``_extensions`` in cookiecutter.json).

Cookiecutter runs hooks from a temporary copy in the project directory, and gives them the
template's location only as typed on the command line (``cookiecutter .``), relative to a
directory the hook no longer runs in. This module is imported by Cookiecutter itself, from
the template directory, so it knows the real location and hands it to the hooks as
``{{ template_dir }}``.

It also keeps a refused answer readable: when the pre-generation hook rejects the answers,
it prints one line per problem and exits 1, and Cookiecutter would then log its own
traceback of the failed subprocess, which says nothing the lines above did not.
"""

import logging
from pathlib import Path

from cookiecutter.exceptions import FailedHookException
from jinja2.ext import Extension

TEMPLATE_DIR = Path(__file__).resolve().parent


class HookFailureFilter(logging.Filter):
    """Drop the traceback Cookiecutter logs for a hook that exited with an error.

    The traceback is Cookiecutter's own (the hook ran in another process, which printed
    its own errors). A failed pre-generation hook has explained itself, so its record goes
    entirely; any other hook failure keeps its one-line message.
    """

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, FailedHookException):
            return True
        record.exc_info = None
        record.exc_text = None
        return "pre_gen_project" not in record.getMessage()


class TemplateExtension(Extension):
    """Expose ``template_dir``, the absolute path of this template, to what Cookiecutter renders."""

    def __init__(self, environment):
        super().__init__(environment)
        environment.globals["template_dir"] = str(TEMPLATE_DIR)


def install_hook_failure_filter():
    logger = logging.getLogger("cookiecutter.hooks")
    if not any(isinstance(existing, HookFailureFilter) for existing in logger.filters):
        logger.addFilter(HookFailureFilter())


install_hook_failure_filter()
