"""Jinja extension that Cookiecutter loads for this template (``_extensions`` in cookiecutter.json).

Cookiecutter runs hooks from a temporary copy in the project directory, and gives them the
template's location only as typed on the command line (``cookiecutter .``), relative to a
directory the hook no longer runs in. This module is imported by Cookiecutter itself, from
the template directory, so it knows the real location and hands it to the hooks as
``{{ template_dir }}``.

Repeated bakes (regenerating with other answers to compare, the template's own tests)
reuse Jinja's compiled templates through a bytecode cache in Jinja's own per-user
temporary folder; Jinja checks each entry against its template's source, so an edited
template is compiled afresh. Without a usable folder, templates are simply compiled.

It also keeps a refused answer readable: when the pre-generation hook rejects the answers,
it prints one line per problem and exits 1, and Cookiecutter would then log its own
traceback of the failed subprocess, which says nothing the lines above did not.
"""

import contextlib
import logging
from pathlib import Path

from cookiecutter.exceptions import FailedHookException
from jinja2 import FileSystemBytecodeCache
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


class BestEffortBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, which never fails a bake: a cache entry that cannot be written
    is compiled again next time."""

    # Entries of this template only, beside other users of Jinja's folder.
    PATTERN = "secure-drf-template-%s.cache"

    def __init__(self):
        super().__init__(pattern=self.PATTERN)

    def dump_bytecode(self, bucket):
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache():
    """The cache, or None where Jinja finds no safe folder (not owned by the user, say)."""
    try:
        return BestEffortBytecodeCache()
    except (OSError, RuntimeError):
        return None


class TemplateExtension(Extension):
    """Expose ``template_dir``, the absolute path of this template, to what Cookiecutter
    renders, and compile each template once across bakes."""

    def __init__(self, environment):
        super().__init__(environment)
        environment.globals["template_dir"] = str(TEMPLATE_DIR)
        environment.bytecode_cache = bytecode_cache()


def install_hook_failure_filter():
    logger = logging.getLogger("cookiecutter.hooks")
    if not any(isinstance(existing, HookFailureFilter) for existing in logger.filters):
        logger.addFilter(HookFailureFilter())


install_hook_failure_filter()
