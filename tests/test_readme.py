"""Every shell command the READMEs show works as written, from the folder it implies.

The commands run in a fresh shell: no activated environment, no project tool on ``PATH``
besides ``uv`` and ``cookiecutter`` (which a user installs on their own), the user's
package caches as they are. The template README's bake runs in a copy of the template; its
test command is the one ``.ci/run`` runs, as written, so it is not run again from inside
the tests. The generated README's commands run in fresh bakes of a few configurations,
once by the pip commands and once by the uv ones. A command that serves (``runserver``,
``gunicorn``) runs until the server answers, then is stopped. The administrator the
README's ``createsuperuser`` step makes then signs in, through the README's server.
"""

import contextlib
import http.client
import http.cookiejar
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from filelock import FileLock

from tests.support import services_answer
from tooling.combinations import all_on_combination, combination_id, default_combination
from tooling.commands import describe, isolated_environ, run, stop_process_group
from tooling.environments import PROJECT_ENVS_DIR
from tooling.template import TEMPLATE_DIR, bake, post_gen, project_files

pytestmark = pytest.mark.readme

SERVER_ADDRESS = ("127.0.0.1", 8000)
# What a production deployment exports before the README's deploy command.
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-production-secret-key-of-enough-length-0123456789-abcdef",
    "DJANGO_ALLOWED_HOSTS": "api.example.com",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Jane Doe",
    "GIT_AUTHOR_EMAIL": "jane@example.com",
    "GIT_COMMITTER_NAME": "Jane Doe",
    "GIT_COMMITTER_EMAIL": "jane@example.com",
}
# The README commands of generated projects run for these, besides the default.
README_COMBINATIONS = {
    "pip": [
        default_combination(),
        {**all_on_combination(), "permission_model": "rbac"},
        {
            **default_combination(),
            "auth_session": False,
            "auth_jwt": False,
            "auth_oauth2": True,
            "permission_model": "multi_tenant",
            "throttling": False,
        },
    ],
    "uv": [
        default_combination(),
        {**all_on_combination(), "permission_model": "multi_tenant"},
        {
            **default_combination(),
            "auth_session": False,
            "auth_jwt": False,
            "auth_api_key": True,
            "cors": False,
        },
    ],
}


def shell_blocks(readme):
    """The README's shell blocks, found as the post-generation hook finds its next steps."""
    return post_gen.SHELL_BLOCK.findall(Path(readme).read_text(encoding="utf-8"))


# The variables a command sets for itself (``NAME=value``), before the program it runs.
LEADING_VARIABLES = re.compile(r"^(?:\w+=(?:'[^']*'|\S*) +)*")


def uses_uv(command):
    return LEADING_VARIABLES.sub("", command, count=1).startswith("uv ")


# The generated test that runs the README's walkthroughs against a live server: their
# commands talk to "$API", the server the reader starts.
LIVE_WALKTHROUGH_TEST = "auth_mfa/tests/test_readme.py"


def is_live_walkthrough(command):
    return '"$API/' in command


def is_server(command):
    return re.search(r"(runserver|gunicorn [\w.]+)$", command) is not None


@pytest.fixture(scope="session")
def user_tools(tmp_path_factory):
    """A folder holding only the tools a user installs outside the project."""
    folder = tmp_path_factory.mktemp("user-tools")
    for tool in ("uv", "cookiecutter"):
        (folder / tool).symlink_to(Path(sys.executable).parent / tool)
    return folder


def is_virtual_environment_bin(folder):
    return (Path(folder).parent / "pyvenv.cfg").exists()


def fresh_shell(user_tools, **overrides):
    """The environment of a new terminal: no virtual environment, nothing from the tests."""
    path = [
        folder
        for folder in os.environ.get("PATH", "").split(os.pathsep)
        if folder and not is_virtual_environment_bin(folder)
    ]
    env = isolated_environ(**GIT_IDENTITY, **overrides)
    env["PATH"] = os.pathsep.join([str(user_tools), *path])
    return env


def offline():
    """A command prefix that cuts the network off, where this machine allows it."""
    if shutil.which("unshare") is None:
        return []
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, check=False)
    return ["unshare", "-rn"] if probe.returncode == 0 else []


def run_block(command, cwd, env, prefix=()):
    result = run([*prefix, "bash", "-c", command], cwd=cwd, env=env, timeout=1800)
    assert result.returncode == 0, describe(result)
    return result.stdout


def answer(host, path="/api/docs/"):
    """The server's status and Location for ``path``, or None while nothing listens."""
    connection = http.client.HTTPConnection(*SERVER_ADDRESS, timeout=5)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.getheader("Location", "")
    except OSError:
        return None
    finally:
        connection.close()


@contextlib.contextmanager
def serving(command, cwd, env, lock_dir, timeout=1200):
    """Run a command that ends by serving on port 8000; stop it (and its children) after.

    Parallel test workers take turns on the port.
    """
    with FileLock(Path(lock_dir) / "port-8000.lock", timeout=3600):
        log = Path(cwd).parent / f"{Path(cwd).name}-server.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                ["bash", "-c", command],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            yield process, log
        finally:
            stop_process_group(process)


def wait_for_answer(process, log, host, timeout=1200):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the command ended:\n{log.read_text()}"
        found = answer(host)
        if found is not None:
            return found
        time.sleep(1)
    pytest.fail(f"nothing answered on port 8000 within {timeout} s:\n{log.read_text()}")


# A command of docs/ that needs PostgreSQL and Redis, and refuses to run without them.
NEEDS_SERVICES = "benchmarks.scale"


def doc_blocks():
    """The shell blocks of every page of docs/."""
    return [
        block for doc in sorted((TEMPLATE_DIR / "docs").glob("*.md")) for block in shell_blocks(doc)
    ]


def test_template_readme_bakes_a_project_as_written(tmp_path, user_tools, project_python):
    """The bake command, from a copy of the template, exactly as the README shows it.

    The README's other commands (the comparison), then those of docs/, run after it in the
    same copy, as a reader of the README would go on; the test command (README and docs/testing.md) is left to .ci/run. The copy
    finds the generated projects' shared environment where a reader who ran the tests
    has it (the request benchmark uses it), not built a second time.
    """
    bake_command, *other_commands, test_command = shell_blocks(TEMPLATE_DIR / "README.md")
    clone = tmp_path / "template"
    shutil.copytree(
        TEMPLATE_DIR,
        clone,
        ignore=shutil.ignore_patterns(".git", ".venv", ".pytest_cache", ".ruff_cache", "*.pyc"),
    )
    environment = Path(project_python).parent.parent
    envs = clone / PROJECT_ENVS_DIR.relative_to(TEMPLATE_DIR)
    envs.mkdir(parents=True)
    (envs / environment.name).symlink_to(environment, target_is_directory=True)
    env = fresh_shell(user_tools)

    output = run_block(bake_command, clone, env)

    project = clone / "my_api"
    assert project_files(project) == project_files(bake(tmp_path / "api", {}))
    assert f"cd {project}" in output
    for block in other_commands:
        run_block(block, clone, env)
    for block in doc_blocks():
        if block == test_command or (NEEDS_SERVICES in block and not services_answer()):
            continue
        run_block(block, clone, env)


def test_ci_runs_the_readme_test_command():
    ci = (TEMPLATE_DIR / ".ci" / "run").read_text(encoding="utf-8")
    assert "Run the template's tests" in ci
    assert "## Run the template's tests" in (TEMPLATE_DIR / "README.md").read_text(encoding="utf-8")


def check_server(block, project, env, lock_dir, scratch):
    """Run a serving block and check what answers: the docs page, or the HTTPS redirect.

    The deploy command runs with the variables a deployment exports.
    """
    production = "config.settings.production" in block
    if production:
        database = f"sqlite:///{scratch / 'production.sqlite3'}"
        env = {**env, **PRODUCTION_ENV, "DATABASE_URL": database}
    host = PRODUCTION_ENV["DJANGO_ALLOWED_HOSTS"] if production else "127.0.0.1"
    with serving(block, project, env, lock_dir) as (process, log):
        status, location = wait_for_answer(process, log, host)
        # The address runserver prints, the site's root, points at the docs and the schema.
        root = None if production else json.loads(fetch(urllib.request.build_opener(), "/").read())
    output = log.read_text()
    if production:
        assert (status, location) == (301, f"https://{host}/api/docs/"), output
    else:
        assert status == 200, output
        assert "Password (shown once): " in output
        assert (root["docs"], root["schema"]) == ("/api/docs/", "/api/schema/"), root


def fetch(browser, path, form=None):
    """``path`` from the local server, through ``browser`` (which keeps its cookies)."""
    url = f"http://{SERVER_ADDRESS[0]}:{SERVER_ADDRESS[1]}{path}"
    data = None if form is None else urllib.parse.urlencode(form).encode()
    return browser.open(urllib.request.Request(url, data=data), timeout=30)


def check_administrator(block, serve, project, env, lock_dir, combination):
    """After the README's ``createsuperuser`` step, its administrator signs in to the admin
    over HTTP, as a browser does, and reads the audit log with that sign-in where the API
    takes the admin's session (``audit_log=database`` with ``auth_session``).

    The server is the README's own, started by the last command of its run block.
    """
    words = shlex.split(block)
    password = next(word for word in words if word.startswith("DJANGO_SUPERUSER_PASSWORD="))
    password = password.partition("=")[2]
    username = words[words.index("--username") + 1]
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    server_command = serve.rsplit(" && ", 1)[-1]
    with serving(server_command, project, env, lock_dir) as (process, log):
        wait_for_answer(process, log, "127.0.0.1")
        form = fetch(browser, "/admin/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
        signed_in = fetch(
            browser,
            "/admin/login/",
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )
        assert urllib.parse.urlsplit(signed_in.url).path == "/admin/", log.read_text()
        assert 'action="/admin/logout/"' in signed_in.read().decode(), log.read_text()
        if combination["audit_log"] == "database" and combination["auth_session"]:
            events = json.loads(fetch(browser, "/api/audit/events/").read())
            assert "results" in events, events


def commit_runs_the_hooks(project, env):
    """A ``git commit`` from a plain shell runs every pre-commit hook, and they pass."""
    changed = next(project.glob("*/documents/models.py"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\n# Reviewed.\n", encoding="utf-8")
    result = subprocess.run(
        ["git", "commit", "-qam", "Review the documents model"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    for hook in ("ruff check", "ruff format", "migrations are up to date"):
        assert re.search(rf"^{hook}\.+Passed$", output, re.MULTILINE), output


@pytest.mark.parametrize(
    ("tool", "combination"),
    [
        pytest.param(tool, combination, id=f"{tool}-{combination_id(combination)}")
        for tool, combinations in README_COMBINATIONS.items()
        for combination in combinations
    ],
)
def test_generated_readme_commands_work_as_written(
    tool, combination, tmp_path, user_tools, tmp_path_factory
):
    """The pip commands in README order, or the uv ones, in a fresh bake of ``combination``."""
    project = bake(tmp_path / "output", combination)
    blocks = [
        block for block in shell_blocks(project / "README.md") if uses_uv(block) == (tool == "uv")
    ]
    assert blocks, f"the README shows no {tool} command"
    assert [block for block in blocks if "createsuperuser" in block], (
        f"the README shows no {tool} command that creates an administrator"
    )
    env = fresh_shell(user_tools, TEMPLATE=str(TEMPLATE_DIR))
    lock_dir = tmp_path_factory.getbasetemp().parent
    for block in blocks:
        if is_server(block):
            check_server(block, project, env, lock_dir, tmp_path)
        elif block.startswith("git init"):
            run_block(block, project, env, prefix=offline())
            commit_runs_the_hooks(project, env)
        elif "createsuperuser" in block:
            run_block(block, project, env)
            check_administrator(block, blocks[0], project, env, lock_dir, combination)
        elif is_live_walkthrough(block):
            # The project's own suite, run by the test command above, runs these blocks as
            # written against a live server, with the variables the README names.
            assert (project / project.name / LIVE_WALKTHROUGH_TEST).is_file()
        elif "--replay-file" in block:
            run_block(block, project, env)
            regenerated = project.parent / "regenerated" / project.name
            assert project_files(regenerated) == project_files(
                bake(tmp_path / "again", combination)
            )
        else:
            run_block(block, project, env)
