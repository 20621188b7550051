"""Fixtures shared by the template tests: isolated Cookiecutter, baked projects, one env."""

import os
import time

import pytest

from tests.support import REQUIRE_BROWSER, missing_browser, services_answer
from tooling.bakery import shared_bakery, summary
from tooling.combinations import (
    EVERY_COMBINATION_CHECKS_UP_TO,
    pairwise_combinations,
    valid_combinations,
)
from tooling.environments import PROJECT_ENVS, project_environment
from tooling.services import unreachable_services
from tooling.shards import parse_shard
from tooling.template import write_cookiecutter_config


def pytest_addoption(parser):
    group = parser.getgroup("full run", "the generated suites of every combination")
    group.addoption(
        "--full",
        action="store_true",
        help="run the Django checks and generated suite of every valid combination (or of "
        "--shard's slice, or of --sample's draw) and nothing else",
    )
    group.addoption(
        "--shard",
        metavar="K/N",
        help="with --full: only the K-th of N slices, balanced by expected suite time",
    )
    group.addoption(
        "--sample",
        type=int,
        metavar="SIZE",
        help="with --full: only SIZE combinations drawn at random (see --sample-seed)",
    )
    group.addoption("--sample-seed", type=int, default=0, help="seed of --sample's draw")
    group.addoption(
        "--full-summary",
        metavar="PATH",
        help="with --full: append one JSON line per generated suite (outcome, seconds)",
    )


def pytest_configure(config):
    if config.getoption("--shard"):
        try:
            parse_shard(config.getoption("--shard"))
        except ValueError as error:
            raise pytest.UsageError(str(error)) from None
    for name in ("--shard", "--sample", "--full-summary"):
        if config.getoption(name) is not None and not config.getoption("--full"):
            raise pytest.UsageError(f"{name} needs --full")


def pytest_collection_modifyitems(config, items):
    """A full run (``--full``) runs the tests marked ``full`` (the generated projects'
    checks and suites of its combinations), nothing else."""
    if not config.getoption("--full"):
        return
    kept = [item for item in items if item.get_closest_marker("full")]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


@pytest.fixture(scope="session", autouse=True)
def cookiecutter_config(tmp_path_factory):
    """Keep every bake away from the user's Cookiecutter config and replay folder.

    A ``default_context`` in ``~/.cookiecutterrc`` would change the generated files, and
    each bake writes a replay file that parallel workers would race on. The variable also
    reaches the ``cookiecutter`` command lines the tests run.
    """
    config = write_cookiecutter_config(tmp_path_factory.mktemp("cookiecutter-config"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COOKIECUTTER_CONFIG", str(config))
        yield config


@pytest.fixture(scope="session")
def bakery(request, tmp_path_factory, worker_id):
    """Every valid combination, baked once for the whole run (see ``tooling/bakery.py``).

    Parallel workers share it: the folder above a worker's own temporary folder is the
    run's, common to all workers. Its figures go to pytest's cache for the run's summary.
    """
    run_folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_folder = run_folder.parent
    bakery = shared_bakery(run_folder / "bakery", valid_combinations())
    if hasattr(request.config, "cache"):  # absent with -p no:cacheprovider
        request.config.cache.set(BAKERY_FIGURES, summary(bakery))
    return bakery


# Where the bakery's figures wait for the run's summary (pytest's cache, shared by the
# workers), and when the run started (the controller's own).
BAKERY_FIGURES = "template/bakery"
STARTED = pytest.StashKey[float]()
# The option set the summary projects the run to: the planned full set, with OAuth2, MFA
# and audit logging (59 authentication sets x 4 x 2 x 2 x 3).
CONTRACT_COMBINATIONS = 2832
# Modules whose tests run once per valid combination (or per distinct file).
PER_COMBINATION_MODULES = ("tests/test_bake.py", "tests/test_lint.py")


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput") and hasattr(session.config, "cache"):
        session.config.cache.set(BAKERY_FIGURES, None)
        session.config.stash[STARTED] = time.perf_counter()


def workers(config):
    """How many processes ran the tests (``-n``; 1 without pytest-xdist)."""
    count = getattr(config.option, "numprocesses", None) or 1
    if count in ("auto", "logical"):
        return os.cpu_count() or 1
    return int(count)


def test_seconds(terminalreporter):
    """Seconds spent in tests, summed over the workers (setup and teardown included): all
    of them, the per-combination ones (the bulk bake's wait included), Django's checks."""
    seconds = {"all": 0.0, "per combination": 0.0, "checks": 0.0}
    for outcome in ("passed", "failed", "error", ""):
        for report in terminalreporter.stats.get(outcome, []):
            if not hasattr(report, "when"):
                continue
            seconds["all"] += report.duration
            if report.nodeid.startswith(PER_COMBINATION_MODULES):
                seconds["per combination"] += report.duration
            elif "test_django_checks_pass" in report.nodeid:
                seconds["checks"] += report.duration
    return seconds


def projected_wall(wall, count, seconds):
    """The run's wall time at ``CONTRACT_COMBINATIONS`` combinations instead of ``count``.

    The wall time is shared out in proportion to where the test time went: the
    per-combination part grows with the count, Django's checks too (or shrink to the
    pairwise set past the threshold), the rest (suites, READMEs, fuzzing) stays as measured.
    """
    if not seconds["all"]:
        return wall
    growth = CONTRACT_COMBINATIONS / count
    checks_growth = growth
    if CONTRACT_COMBINATIONS > EVERY_COMBINATION_CHECKS_UP_TO:
        checks_growth = len(pairwise_combinations()) / count
    per_combination = wall * seconds["per combination"] / seconds["all"]
    checks = wall * seconds["checks"] / seconds["all"]
    return wall + per_combination * (growth - 1) + checks * (checks_growth - 1)


def pytest_terminal_summary(terminalreporter, config):
    """What the bulk bake cost, and what this run would take at the contract's option set."""
    if STARTED not in config.stash:
        return
    figures = config.cache.get(BAKERY_FIGURES, None)
    if not figures:
        return
    wall = time.perf_counter() - config.stash[STARTED]
    seconds = test_seconds(terminalreporter)
    parallel = workers(config)
    count = figures["combinations"]
    terminalreporter.section("combinations")
    for line in (
        f"{count} valid combinations baked in {figures['seconds']:.1f} s on "
        f"{figures['processes']} processes: {figures['seconds'] / count:.3f} s per combination, "
        "amortised",
        f"{figures['distinct_files']} distinct files of {figures['files_baked']} baked "
        f"({figures['distinct_files'] / figures['files_baked']:.1%}) checked and linted once each",
        f"per-combination tests {seconds['per combination']:.0f} s, Django checks "
        f"{seconds['checks']:.0f} s, all tests {seconds['all']:.0f} s (summed over {parallel} "
        f"workers); run {wall / 60:.1f} min",
        f"projected at {CONTRACT_COMBINATIONS} combinations: "
        f"{projected_wall(wall, count, seconds) / 60:.1f} min on {parallel} workers "
        "(the run's time shared out by test time: per-combination work grown in proportion, "
        f"Django checks on the pairwise set past {EVERY_COMBINATION_CHECKS_UP_TO} "
        "combinations, the rest as measured)",
    ):
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def project_python(request, tmp_path_factory):
    """The Python of the one virtual environment holding what generated projects need
    (see ``tooling/environments.py``), in pytest's cache: ``pytest --cache-clear`` throws it
    away."""
    envs = request.config.cache.mkdir(PROJECT_ENVS)
    return project_environment(envs, tmp_path_factory.mktemp("requirements"))


@pytest.fixture(scope="session")
def services(request):
    """Skip (or fail, when required) unless PostgreSQL and Redis both answer.

    A full run's suites need them too: there, unreachable services fail when required,
    and the suites run on SQLite and local memory otherwise."""
    if not services_answer():
        pytest.skip(f"{' and '.join(unreachable_services())} not reachable")


@pytest.fixture(scope="session")
def browser_available():
    """Skip (or, with ``TEMPLATE_TESTS_REQUIRE_BROWSER=1``, fail) without a browser.

    Session-scoped, and asked for first, so that a skip comes before the shared
    environment is built.
    """
    missing = missing_browser()
    if missing:
        reason = "; ".join(missing)
        if os.environ.get(REQUIRE_BROWSER) == "1":
            pytest.fail(f"{REQUIRE_BROWSER}=1, but {reason}")
        pytest.skip(f"no browser to drive: {reason}")
