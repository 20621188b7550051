"""The CI workflows the template ships for itself: valid YAML running what the docs say."""

import re

import yaml

from tooling.environments import PROJECT_ENVS
from tooling.shards import parse_shard
from tooling.template import TEMPLATE_DIR

WORKFLOWS = TEMPLATE_DIR / ".github" / "workflows"
SERVICE_PORTS = {"postgres": "5432:5432", "redis": "6379:6379"}


def load(name):
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key ``on`` as a boolean.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def commands(job):
    return [step["run"] for step in job["steps"] if "run" in step]


def assert_services(job):
    services = job["services"]
    assert {name: service["ports"] for name, service in services.items()} == {
        name: [ports] for name, ports in SERVICE_PORTS.items()
    }
    assert services["postgres"]["env"]["POSTGRES_HOST_AUTH_METHOD"] == "trust"
    assert all("--health-cmd" in service["options"] for service in services.values())


def test_pull_requests_run_the_default_run_with_services():
    workflow = load("tests.yml")
    job = workflow["jobs"]["default"]

    assert "pull_request" in workflow["on"]
    assert commands(job) == ["bash .ci/run"]
    assert_services(job)


def test_the_full_run_is_a_scheduled_and_manual_matrix_of_shards():
    workflow = load("full.yml")
    job = workflow["jobs"]["shard"]
    shards = job["strategy"]["matrix"]["shard"]
    (pytest_command,) = [command for command in commands(job) if "pytest" in command]

    assert {"schedule", "workflow_dispatch"} <= set(workflow["on"])
    assert shards == list(range(1, len(shards) + 1))
    shard = re.search(r"--shard (\$\{\{ matrix.shard \}\}/\d+)", pytest_command)[1]
    assert shard == "${{ matrix.shard }}/" + str(len(shards))
    for index in shards:
        assert parse_shard(shard.replace("${{ matrix.shard }}", str(index)))
    assert "--full " in pytest_command
    assert "--full-summary" in pytest_command
    assert job["env"]["TEMPLATE_TESTS_REQUIRE_SERVICES"] == "1"
    assert job["strategy"]["fail-fast"] is False
    assert_services(job)


def test_every_shard_uploads_its_summary_and_a_last_job_sums_them_up():
    jobs = load("full.yml")["jobs"]
    uploads = [step for step in jobs["shard"]["steps"] if "upload-artifact" in step.get("uses", "")]
    summary = jobs["summary"]

    assert [step["if"] for step in uploads] == ["always()"]
    assert summary["needs"] == "shard"
    assert summary["if"] == "always()"
    assert any("benchmarks.full_run" in command for command in commands(summary))


def test_shards_reuse_the_shared_environment_from_the_cache():
    """The folder the ``project_python`` fixture builds in, restored before pytest runs."""
    steps = load("full.yml")["jobs"]["shard"]["steps"]
    (cache,) = [
        index for index, step in enumerate(steps) if "actions/cache" in step.get("uses", "")
    ]
    (tests,) = [index for index, step in enumerate(steps) if "pytest" in step.get("run", "")]

    assert cache < tests
    assert steps[cache]["with"]["path"] == f".pytest_cache/d/{PROJECT_ENVS}"
