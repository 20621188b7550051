"""The template's Jinja extension: the hooks' way to the template, and quiet refusals."""

import logging
import sys

import jinja2
from cookiecutter.exceptions import FailedHookException

import local_extensions
from tests.template import TEMPLATE_DIR, template_options


def test_the_extension_is_what_cookiecutter_json_loads():
    assert template_options()["_extensions"] == ["local_extensions.TemplateExtension"]


def test_templates_see_the_absolute_template_folder():
    environment = jinja2.Environment(
        autoescape=True, extensions=[local_extensions.TemplateExtension]
    )

    assert environment.from_string("{{ template_dir }}").render() == str(TEMPLATE_DIR)


def failed_hook_record(hook):
    try:
        raise FailedHookException("Hook script failed (exit status: 1)")
    except FailedHookException:
        return logging.LogRecord(
            "cookiecutter.hooks",
            logging.ERROR,
            __file__,
            1,
            "Stopping generation because %s hook script didn't exit successfully",
            (hook,),
            sys.exc_info(),
        )


def test_a_refusing_pre_generation_hook_logs_nothing_more():
    assert not local_extensions.HookFailureFilter().filter(failed_hook_record("pre_gen_project"))


def test_another_failed_hook_keeps_its_line_without_the_traceback():
    record = failed_hook_record("post_gen_project")

    assert local_extensions.HookFailureFilter().filter(record)
    assert record.exc_info is None


def test_other_records_pass_untouched():
    record = logging.LogRecord("cookiecutter.hooks", logging.INFO, __file__, 1, "hi", (), None)

    assert local_extensions.HookFailureFilter().filter(record)


def test_the_filter_is_installed_once():
    local_extensions.install_hook_failure_filter()
    local_extensions.install_hook_failure_filter()

    filters = logging.getLogger("cookiecutter.hooks").filters
    assert sum(isinstance(found, local_extensions.HookFailureFilter) for found in filters) == 1
