"""The benchmarks run in a generated project, and the query budgets hold there.

``benchmarks/project_requests.py`` runs in one all-on project with a single short round:
every row answers, and the queries each one costs stay within DESIGN.md's budgets (which
do not depend on the machine, unlike the times). The scale benchmark runs on small tables
on PostgreSQL, the memory one once: their figures answer, their query counts hold.
"""

import pytest

from benchmarks import memory, scale
from benchmarks.requests import fresh_database, run_project
from tooling.combinations import all_on_combination
from tooling.template import bake

pytestmark = pytest.mark.generated

STRATEGIES = ("session", "token", "jwt", "oauth2", "api_key")
ROWS = {
    "bare",
    *(f"library-{name}" for name in (*STRATEGIES, "drf_token")),
    *(f"ours-{name}" for name in STRATEGIES),
    *(f"full-{name}" for name in STRATEGIES),
    "endpoint-me",
    "endpoint-detail",
    "endpoint-list",
    "library-endpoint-detail",
    "library-endpoint-list",
    "write-login",
    "library-write-login",
    "write-create",
    "library-write-create",
}
# Queries per authenticated request, for authentication alone.
AUTH_QUERIES = {"session": 2, "token": 1, "jwt": 1, "oauth2": 1, "api_key": 1}


@pytest.fixture(scope="module")
def results(project_python, tmp_path_factory):
    project = bake(tmp_path_factory.mktemp("benchmark"), all_on_combination())
    return run_project(project_python, project, rounds=1, requests=3)


@pytest.fixture(scope="module")
def rows(results):
    return {row["key"]: row for row in results["rows"]}


def test_every_row_answers_in_a_positive_time(results, rows):
    assert set(rows) == ROWS
    assert results["bare_us"] > 0
    assert all(row["us"] > 0 and row["ratio"] > 0 for row in rows.values())


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_authentication_stays_within_its_query_budget(rows, strategy):
    assert rows[f"ours-{strategy}"]["queries"] <= AUTH_QUERIES[strategy]


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_throttling_and_the_full_stack_add_no_query(rows, strategy):
    assert rows[f"full-{strategy}"]["queries"] == rows[f"ours-{strategy}"]["queries"]


def test_no_row_writes_to_the_database(rows):
    reads = {key: row for key, row in rows.items() if row["method"] == "GET"}
    assert {key: row["writes"] for key, row in reads.items() if row["writes"]} == {}


def test_the_list_costs_the_same_queries_whatever_the_number_of_documents(results):
    counts = results["list_queries_by_documents"]
    assert len(set(counts.values())) == 1, counts


def test_the_owner_model_adds_no_query_to_reading_documents(rows):
    authentication = rows["ours-jwt"]["queries"]
    assert rows["endpoint-detail"]["queries"] == authentication + 1
    assert rows["endpoint-list"]["queries"] == authentication + 1  # the page, no count


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_the_throttles_count_a_request_with_one_increment(rows, strategy):
    """The local-memory cache of this run: ``add`` then ``incr``, no history read back."""
    assert rows[f"full-{strategy}"]["cache_calls"] == ["default.add", "default.incr"]


@pytest.mark.services
def test_the_first_page_costs_the_same_queries_at_any_size(services, project_python, tmp_path):
    project = bake(tmp_path, all_on_combination())
    with fresh_database(project_python) as database:
        results = scale.run_project(
            project_python, project, rounds=1, requests=1, database=database, sizes=[30, 90]
        )

    small, large = (
        {name: row["queries"] for name, row in size["rows"].items()} for size in results["sizes"]
    )
    assert [size["documents"] for size in results["sizes"]] == [30, 90]
    assert small == large
    assert small["first page"] == small["deep page"]
    # Paged by number, the same list counts its rows first.
    assert small["first page, numbered"] == small["first page"] + 1


def test_the_memory_benchmark_measures_both_workers(project_python, tmp_path):
    project = bake(tmp_path, all_on_combination())
    measured = memory.measure(project_python, project, runs=1)

    assert {kind: len(runs) for kind, runs in measured.items()} == {"bare": 1, "project": 1}
    for [worker] in measured.values():
        assert 0 < worker["rss_kib"] <= worker["peak_kib"]
