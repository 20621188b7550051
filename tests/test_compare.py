"""``python -m compare``: each section against facts found here by other means.

The default configuration is compared with every configuration one answer away from it,
and with a far one (every strategy, multi_tenant). Files, dependencies and migrations are
checked against two fresh bakes read directly; settings against the apps the bakes hold;
the API surface against endpoints the generated READMEs document. The patch must turn a
fresh bake of A into a bake of B, byte for byte. ``apply`` moves a committed project and
keeps its local edits, reporting the one that conflicts.
"""

import json
import re
import subprocess
import sys
import tomllib

import pytest

from compare.configurations import configuration
from compare.report import compare, file_changes
from compare.trees import difference, git
from tests.support import CHROMIUM
from tooling.combinations import default_combination, is_valid, option_values
from tooling.template import (
    ANSWERS_FILE,
    TEMPLATE_DIR,
    bake,
    pre_gen,
    project_files,
    template_options,
)

pytestmark = pytest.mark.generated


def one_answer_away():
    """``key=value`` for every valid configuration that differs from the defaults in one
    answer."""
    defaults = default_combination()
    found = []
    for option, values in option_values().items():
        for value in values:
            changed = {**defaults, option: value}
            if value != defaults[option] and is_valid(changed):
                written = ("yes" if value else "no") if isinstance(value, bool) else value
                found.append(f"{option}={written}")
    return found


FAR = "auth_token=yes,auth_oauth2=yes,auth_api_key=yes,auth_mfa=yes,permission_model=multi_tenant"


def run_compare(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "compare", *map(str, arguments)],
        cwd=TEMPLATE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def requirements(project):
    """``{name: requirement}``, the name cut at the first character a name cannot hold."""
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    declared = [*pyproject["project"]["dependencies"], *pyproject["dependency-groups"]["dev"]]
    return {re.split(r"[\[=<>!~;\s]", line, maxsplit=1)[0].lower(): line for line in declared}


def apps(project, slug):
    return {f"{slug}.{path.parent.name}" for path in (project / slug).glob("*/apps.py")}


def tracked_files(project):
    """The project's files, without git's own."""
    return {
        path: content
        for path, content in project_files(project).items()
        if not path.startswith(".git/")
    }


@pytest.fixture(scope="module")
def default_bake(tmp_path_factory):
    return bake(tmp_path_factory.mktemp("default"), default_combination())


def compared(tmp_path, default_bake, project_python, spec):
    answers_a, answers_b = configuration("defaults"), configuration(spec)
    b = bake(tmp_path / "b", answers_b)
    report, patch = compare(default_bake, b, answers_a, answers_b, project_python)
    return report, patch, b


def check_against_bakes(report, patch, a, b, tmp_path):
    files_a, files_b = project_files(a), project_files(b)
    listed = {
        kind: {entry["path"] for entry in entries} for kind, entries in report["files"].items()
    }
    assert listed == {
        "added": set(files_b) - set(files_a),
        "removed": set(files_a) - set(files_b),
        "changed": {path for path in set(files_a) & set(files_b) if files_a[path] != files_b[path]},
    }
    mine, theirs = requirements(a), requirements(b)
    assert report["dependencies"] == {
        "added": sorted(set(theirs) - set(mine)),
        "removed": sorted(set(mine) - set(theirs)),
        "changed": [
            {"name": name, "a": mine[name], "b": theirs[name]}
            for name in sorted(set(mine) & set(theirs))
            if mine[name] != theirs[name]
        ],
    }
    slug = "my_api"
    installed = {c["setting"]: c for c in report["settings"]}.get("INSTALLED_APPS", {})
    local_added = {app for app in installed.get("added", []) if app.startswith(f"{slug}.")}
    local_removed = {app for app in installed.get("removed", []) if app.startswith(f"{slug}.")}
    assert local_added == apps(b, slug) - apps(a, slug)
    assert local_removed == apps(a, slug) - apps(b, slug)
    assert report["migrations"] == {
        kind: sorted(path for path in listed[kind] if "/migrations/0" in path)
        for kind in ("added", "removed")
    }
    # The patch turns a fresh bake of A into B.
    fresh = bake(tmp_path / "fresh", configuration("defaults"))
    (tmp_path / "a-to-b.patch").write_text(patch, encoding="utf-8")
    git(fresh, "apply", "--binary", str(tmp_path / "a-to-b.patch"))
    assert project_files(fresh) == files_b


@pytest.mark.parametrize("spec", one_answer_away())
def test_one_answer_away_from_the_defaults(tmp_path, default_bake, project_python, spec):
    report, patch, b = compared(tmp_path, default_bake, project_python, spec)

    assert [change["option"] for change in report["options"]] == [spec.partition("=")[0]]
    check_against_bakes(report, patch, default_bake, b, tmp_path)


def test_a_far_configuration(tmp_path, default_bake, project_python):
    report, patch, b = compared(tmp_path, default_bake, project_python, FAR)

    assert {change["option"] for change in report["options"]} == {
        "auth_token",
        "auth_oauth2",
        "auth_api_key",
        "auth_mfa",
        "permission_model",
    }
    assert {"django-rest-knox", "django-oauth-toolkit", "djangorestframework-api-key"} <= set(
        report["dependencies"]["added"]
    )
    settings = {change["setting"]: change for change in report["settings"]}
    authentication = settings["REST_FRAMEWORK['DEFAULT_AUTHENTICATION_CLASSES']"]["added"]
    assert {path.rsplit(".", 2)[0] for path in authentication} == {
        "my_api.auth_token",
        "my_api.auth_oauth2",
        "my_api.auth_api_key",
    }
    assert settings["DOCUMENTS_ACCESS_POLICY"]["b"] == "my_api.tenancy.policy.TenantPolicy"
    endpoints = set(report["api"]["endpoints"]["added"])
    # As DESIGN.md and the generated README list them.
    assert {
        "POST /api/auth/token/login/",
        "POST /api/auth/mfa/verify/",
        "GET /api/auth/api-keys/",
        "DELETE /api/auth/api-keys/{id}/",
        "GET /api/tenants/",
        "POST /api/invitations/{id}/accept/",
    } <= endpoints
    assert report["api"]["endpoints"]["removed"] == []
    assert len(report["api"]["auth_schemes"]["added"]) == 3  # token, OAuth2, API key
    assert "my_api/tenancy/migrations/0001_initial.py" in report["migrations"]["added"]
    check_against_bakes(report, patch, default_bake, b, tmp_path)


def test_the_formats_say_the_same(tmp_path):
    as_json = run_compare("defaults", "cors=no", "--format", "json", "--patch", tmp_path / "p")
    assert as_json.returncode == 0, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["options"] == [{"option": "cors", "a": True, "b": False}]
    assert report["dependencies"]["removed"] == ["django-cors-headers"]
    assert report["patch_lines"] == len((tmp_path / "p").read_text(encoding="utf-8").splitlines())

    text = run_compare("defaults", "cors=no")
    assert text.returncode == 0, text.stderr
    assert "  cors: yes -> no" in text.stdout
    assert "  - django-cors-headers" in text.stdout

    markdown = run_compare("defaults", "cors=no", "--format", "markdown")
    assert "| `cors` | yes | no |" in markdown.stdout
    assert "## Dependencies" in markdown.stdout


@pytest.mark.parametrize(
    ("spec", "option"),
    [
        ("colour=blue", "colour"),
        ("cors=maybe", "cors"),
        ("permission_model=everyone", "permission_model"),
        ("auth_session=no,auth_jwt=no", "auth_*"),
        ("auth_session=no,auth_jwt=no,auth_api_key=yes,auth_mfa=yes", "auth_mfa"),
        ("missing/answers.json", "answers"),
    ],
)
def test_bad_input_is_refused_as_the_hook_refuses_it(spec, option):
    result = run_compare("defaults", spec)

    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"ERROR: {option}=")
    assert "Fix: " in line
    assert result.stdout == ""


def test_an_answers_file_is_checked_whole(tmp_path):
    """A recorded slug with a trailing newline is refused, as the hook refuses it."""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"project_slug": "my_api\n"}), encoding="utf-8")

    result = run_compare("defaults", str(answers))

    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith("ERROR: project_slug='my_api\\n': ")


def test_refusals_match_the_hooks_own_words():
    result = run_compare("defaults", "auth_session=no,auth_jwt=no")
    answers = {**configuration("defaults"), "auth_session": False, "auth_jwt": False}

    assert result.stderr.splitlines() == [
        f"ERROR: {line}" for line in pre_gen.validate(answers, template_options())
    ]


@pytest.fixture
def committed_project(tmp_path):
    project = bake(tmp_path / "user", default_combination())
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Generated project")
    return project


def test_apply_keeps_local_edits_and_reports_conflicts(committed_project, tmp_path):
    project = committed_project
    models = project / "my_api/users/models.py"
    models.write_text(models.read_text(encoding="utf-8") + "# our own note\n", encoding="utf-8")
    settings = project / "config/settings/base.py"
    original = settings.read_text(encoding="utf-8")
    target = bake(tmp_path / "target", {**default_combination(), "auth_oauth2": True})
    kept = set((target / "config/settings/base.py").read_text(encoding="utf-8").splitlines())
    # A line the move to OAuth2 changes (a throttle class), edited here too.
    changed_line = next(line for line in original.splitlines() if line.strip() and line not in kept)
    settings.write_text(original.replace(changed_line, changed_line + "  # ours"), encoding="utf-8")
    git(project, "commit", "-q", "-am", "Local edits")

    result = run_compare("apply", project, "auth_oauth2=yes")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Conflicts in 1 files" in result.stdout
    assert "  config/settings/base.py" in result.stdout.split("Conflicts in", 1)[1]
    assert models.read_text(encoding="utf-8").endswith("# our own note\n")
    assert (project / "my_api/auth_oauth2/apps.py").is_file()
    answers = json.loads((project / ANSWERS_FILE).read_text(encoding="utf-8"))
    assert answers["cookiecutter"]["auth_oauth2"] is True


def test_apply_without_local_edits_gives_the_new_bake(committed_project, tmp_path):
    result = run_compare("apply", committed_project, "cors=no", "throttling=no")

    assert result.returncode == 0, result.stdout + result.stderr
    target = bake(
        tmp_path / "target", {**default_combination(), "cors": False, "throttling": False}
    )
    assert tracked_files(committed_project) == project_files(target)


@pytest.mark.parametrize("state", ["uncommitted change", "not a repository"])
def test_apply_refuses_a_tree_it_could_not_undo(tmp_path, committed_project, state):
    project = committed_project
    if state == "uncommitted change":
        (project / "README.md").write_text("edited\n", encoding="utf-8")
    else:
        project = bake(tmp_path / "loose", default_combination())

    result = run_compare("apply", project, "cors=no")

    assert result.returncode == 2
    assert result.stderr.startswith(f"ERROR: {project}: ")
    assert "Fix: " in result.stderr


def test_the_file_list_groups_by_app():
    changes = {
        "my_api/auth_token/views.py": ("A", 10, 0),
        "config/urls.py": ("M", 2, 1),
        "README.md": ("M", 5, 5),
        "logo.png": ("A", None, None),
    }

    files = file_changes(changes, {"my_api"})

    assert [(entry["path"], entry["app"]) for entry in files["added"]] == [
        ("logo.png", "(project root)"),
        ("my_api/auth_token/views.py", "auth_token"),
    ]
    assert [entry["app"] for entry in files["changed"]] == ["(project root)", "config"]


def test_identical_configurations_differ_in_nothing(default_bake):
    patch, changes = difference(default_bake, default_bake)

    assert (patch, changes) == ("", {})


def test_the_html_page_stands_alone_in_a_browser(browser_available, tmp_path):
    """Chromium opens the page with the network cut off: every section is there, a diff per
    file the report lists, and the page asks for nothing beyond itself."""
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "compare.html"
    result = run_compare(
        "defaults", "auth_api_key=yes,cors=no", "--format", "html", "--output", page_file
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(
        run_compare("defaults", "auth_api_key=yes,cors=no", "--format", "json").stdout
    )
    listed = sum(len(entries) for entries in report["files"].values())

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            context = browser.new_context(java_script_enabled=False, offline=True)
            page = context.new_page()
            requested = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(page_file.as_uri())
            sections = page.locator("section").evaluate_all("nodes => nodes.map(n => n.id)")
            title = page.locator("h1").inner_text()
            options = page.locator("#options tbody tr").count()
            dependencies = page.locator("#dependencies tbody tr").count()
            diffs = page.locator("#diff details.file").count()
            diff_tables = page.locator("#diff details.file table.diff").count()
        finally:
            browser.close()

    assert sections == ["options", "files", "dependencies", "settings", "api", "migrations", "diff"]
    assert title == "defaults → auth_api_key=yes,cors=no"
    assert options == len(report["options"]) == 2
    assert dependencies == 2  # + djangorestframework-api-key, - django-cors-headers
    assert diffs == diff_tables == listed
    assert requested == [page_file.as_uri()]
