"""The request benchmark runs in a generated project, and the query budgets hold there.

``benchmarks/project_requests.py`` runs in one all-on project with a single short round:
every row answers, and the queries each one costs stay within DESIGN.md's budgets (which
do not depend on the machine, unlike the times).
"""

import pytest

from benchmarks.requests import run_project
from tests.combinations import all_on_combination
from tests.template import bake

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
    assert {key: row["writes"] for key, row in rows.items() if row["writes"]} == {}


def test_the_list_costs_the_same_queries_whatever_the_number_of_documents(results):
    counts = results["list_queries_by_documents"]
    assert len(set(counts.values())) == 1, counts


def test_the_owner_model_adds_no_query_to_reading_documents(rows):
    authentication = rows["ours-jwt"]["queries"]
    assert rows["endpoint-detail"]["queries"] == authentication + 1
    assert rows["endpoint-list"]["queries"] == authentication + 2  # the count, then the page


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_the_throttles_count_a_request_with_one_increment(rows, strategy):
    """The local-memory cache of this run: ``add`` then ``incr``, no history read back."""
    assert rows[f"full-{strategy}"]["cache_calls"] == ["default.add", "default.incr"]
