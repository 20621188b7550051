"""The template's Jinja extension: the hooks' way to the template, its compile cache, and
quiet refusals."""

import logging
import os
import shutil
import sys
import tempfile

import jinja2
import pytest
from cookiecutter.exceptions import FailedHookException

import local_extensions
from tooling.template import TEMPLATE_DIR, template_options


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


@pytest.fixture
def jinja_temp(tmp_path, monkeypatch):
    """Jinja's per-user cache folder, inside a temporary folder of this test's own."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path / f"_jinja2-cache-{os.getuid()}"


def render_file(folder, name):
    environment = jinja2.Environment(
        autoescape=True,
        loader=jinja2.FileSystemLoader(folder),
        extensions=[local_extensions.TemplateExtension],
    )
    return environment.get_template(name).render(name="you")


def test_compiled_templates_are_reused_and_follow_edits(jinja_temp, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "hello.txt").write_text("Hello {{ name }}", encoding="utf-8")

    assert render_file(templates, "hello.txt") == "Hello you"
    entries = list(jinja_temp.glob("secure-drf-template-*.cache"))
    assert len(entries) == 1
    assert render_file(templates, "hello.txt") == "Hello you"

    (templates / "hello.txt").write_text("Bye {{ name }}", encoding="utf-8")
    assert render_file(templates, "hello.txt") == "Bye you"


def test_no_safe_cache_folder_means_no_cache(jinja_temp):
    jinja_temp.write_text("not a folder", encoding="utf-8")

    assert local_extensions.bytecode_cache() is None
    environment = jinja2.Environment(
        autoescape=True, extensions=[local_extensions.TemplateExtension]
    )
    assert environment.bytecode_cache is None


def test_a_cache_entry_that_cannot_be_written_does_not_fail_the_render(jinja_temp, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "hello.txt").write_text("Hello {{ name }}", encoding="utf-8")
    environment = jinja2.Environment(
        autoescape=True,
        loader=jinja2.FileSystemLoader(templates),
        extensions=[local_extensions.TemplateExtension],
    )
    shutil.rmtree(jinja_temp)

    assert environment.get_template("hello.txt").render(name="you") == "Hello you"
