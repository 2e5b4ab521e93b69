"""The middleware benchmark still runs, and still sees no query on a warm request.

Only counts are asserted here; timings never are (see bench/README.md).
"""

import pytest

from bench.middleware_overhead import measure

pytestmark = pytest.mark.slow  # benchmark smoke tests: left out of `make test-fast`


def test_benchmark_runs_and_warm_requests_make_no_query(platform, store, enable):
    enable("dummy")

    report = measure("testserver", store.code, rounds=1, requests=5, warmup=2, count_requests=3)

    results = {result["name"]: result for result in report["results"]}
    assert set(results) == {"platform", "store"}
    for result in results.values():
        assert result["warm_queries_per_request"] == 0
        assert result["warm_sql"] == []
        assert result["cold_queries"] > 0  # the capture does see queries when there are some
    assert results["store"]["cold_queries"] > results["platform"]["cold_queries"]  # the store lookup
    assert "orion.modules.middleware.TenantModuleMiddleware" in report["config"]["middleware"]


def test_database_is_still_usable_after_the_benchmark(platform, store, enable):
    measure("testserver", store.code, rounds=1, requests=2, warmup=1, count_requests=1)

    store.refresh_from_db()  # the handlers did not close the test transaction's connection
    assert type(store).objects.filter(pk=store.pk).exists()


def test_store_access_benchmark_runs_and_counts_one_query_for_the_check(db, settings):
    from bench.store_access import measure as measure_store_access

    settings.ROOT_URLCONF = "bench.urls"

    figures = measure_store_access(rounds=1, requests=3)

    assert figures["queries_guarded"] == figures["queries_plain"] + 1  # the membership, nothing more
    assert figures["ratio"] > 0


def test_the_middleware_benchmark_makes_its_own_store(platform):
    from bench.middleware_overhead import _prepare

    _prepare("testserver", "fresh", "dummy")  # what `make bench` does on an empty database

    report = measure("testserver", "fresh", rounds=1, requests=2, warmup=1, count_requests=1)

    assert {result["name"] for result in report["results"]} == {"platform", "store"}
