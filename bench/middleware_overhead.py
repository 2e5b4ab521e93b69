"""Per-request cost of TenantModuleMiddleware, as a ratio against the same request without it.

Run from the repository root (``make bench`` does exactly this)::

    .venv/bin/python bench/middleware_overhead.py [--rounds 20] [--requests 2000] [--json]

Two WSGI handlers are built in-process from the same settings: one with the
full ``settings.MIDDLEWARE``, one with the same list minus the tenant
middleware. Both serve a minimal view (``bench/urls.py``) for a platform path
and a store path. Rounds are interleaved A-B, B-A, ... so drift (CPU clock,
other load) hits both sides alike; the figures are medians over rounds, and
the ratio is with/without from the same run. Nothing here asserts on time.

It also counts database queries per request with the middleware, warm (goal:
0) and right after ``state.invalidate()`` (cold), and cache calls per warm
request (one read: the version counter).

By default it runs on its own temporary SQLite file and the local-memory
cache. ``DATABASE_URL`` and ``REDIS_URL`` are honoured, to measure on
PostgreSQL and Redis; the bench migrates that database, writes its rows in a
transaction that is rolled back, and bumps the tenant cache version at the end.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform as _platform
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

REPO_ROOT = Path(__file__).absolute().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

TENANT_MIDDLEWARE = "orion.modules.middleware.TenantModuleMiddleware"
BENCH_URLCONF = "bench.urls"
DEFAULT_HOST = "bench.local"
DEFAULT_STORE = "acme"
DEFAULT_MODULE = "dummy"
GOAL_WARM_QUERIES = 0
GOAL_MAX_OVERHEAD_PCT = 5.0

_CACHE_READS = ("get", "get_many", "has_key")
_CACHE_WRITES = ("set", "add", "set_many", "incr", "decr", "delete", "delete_many", "touch", "get_or_set")


# --- Driving the handlers ------------------------------------------------------


def _start_response(status: str, headers: list, exc_info: Any = None) -> Callable[[bytes], None]:
    return lambda data: None


def _environ(host: str, path: str) -> dict[str, Any]:
    from django.test import RequestFactory

    return RequestFactory().get(path, HTTP_HOST=host).environ


def _serve(handler: Any, environ: dict[str, Any]) -> tuple[int, bytes]:
    """One request as a WSGI server would: call, consume, close (request_finished)."""
    response = handler(dict(environ), _start_response)
    try:
        return response.status_code, b"".join(response)
    finally:
        response.close()


def _timed_batch(handler: Any, environ: dict[str, Any], requests: int) -> float:
    """Microseconds per request over ``requests`` requests (GC paused, as timeit does)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter_ns()
        for _ in range(requests):
            response = handler(dict(environ), _start_response)
            for _chunk in response:
                pass
            response.close()
        elapsed = time.perf_counter_ns() - start
    finally:
        gc.enable()
    return elapsed / requests / 1000


@contextlib.contextmanager
def _no_connection_recycling() -> Iterator[None]:
    """Detach close_old_connections from the request signals, as Django's test client does.

    Otherwise every request_finished would close the connection, which breaks a
    surrounding transaction (the test suite's, or the bench's own rollback). On
    a warm request there is no open connection to check anyway, so both sides
    lose the same near-zero cost.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _build_handlers() -> tuple[Any, Any, list[str]]:
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    full = list(settings.MIDDLEWARE)
    if TENANT_MIDDLEWARE not in full:
        raise SystemExit(f"{TENANT_MIDDLEWARE} is not in settings.MIDDLEWARE: nothing to measure.")
    with_tenant = WSGIHandler()
    with override_settings(MIDDLEWARE=[name for name in full if name != TENANT_MIDDLEWARE]):
        without_tenant = WSGIHandler()
    return with_tenant, without_tenant, full


# --- Counting queries and cache calls --------------------------------------------


def _count_queries(handler: Any, environ: dict[str, Any], requests: int) -> tuple[float, list[str]]:
    """Database queries per request (all connections), and the SQL of the first request."""
    from django.db import connections, reset_queries
    from django.test.utils import CaptureQueriesContext

    total, first_sql = 0, []
    for index in range(requests):
        # request_started clears the query log; start each capture from an empty one.
        reset_queries()
        with contextlib.ExitStack() as stack:
            captures = [stack.enter_context(CaptureQueriesContext(connections[alias])) for alias in connections]
            _serve(handler, environ)
        sql = [query["sql"] for capture in captures for query in capture.captured_queries]
        total += len(sql)
        if index == 0:
            first_sql = sql
    return total / requests, first_sql


def _count_cache_calls(handler: Any, environ: dict[str, Any], requests: int) -> tuple[float, float]:
    """Shared-cache (reads, writes) per request."""
    from django.core.cache import DEFAULT_CACHE_ALIAS, caches

    backend = caches[DEFAULT_CACHE_ALIAS]
    calls: Counter[str] = Counter()

    def counting(kind: str, method: Callable) -> Callable:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[kind] += 1
            return method(*args, **kwargs)

        return wrapper

    with contextlib.ExitStack() as stack:
        for kind, names in (("read", _CACHE_READS), ("write", _CACHE_WRITES)):
            for name in names:
                stack.enter_context(mock.patch.object(backend, name, counting(kind, getattr(backend, name))))
        for _ in range(requests):
            _serve(handler, environ)
    return calls["read"] / requests, calls["write"] / requests


# --- The measurement ---------------------------------------------------------------


def measure(
    host: str = DEFAULT_HOST,
    store_code: str = DEFAULT_STORE,
    *,
    rounds: int = 20,
    requests: int = 2000,
    warmup: int = 500,
    count_requests: int = 20,
) -> dict[str, Any]:
    """Measure the middleware on an already-prepared platform served at ``host``.

    ``store_code`` must be an active store of that platform. Runs inside the
    caller's database state (a test transaction works). Returns the figures as
    a dict; never asserts on time. Raises RuntimeError if a request is not 200.
    """
    from django.conf import settings
    from django.test.utils import override_settings

    from orion.modules import state

    if rounds < 1 or requests < 1:
        raise ValueError("rounds and requests must be at least 1")
    paths = [("platform", "/ping"), ("store", f"/store/{store_code}/ping")]
    allowed_hosts = [*settings.ALLOWED_HOSTS, host]
    results = []
    with override_settings(ROOT_URLCONF=BENCH_URLCONF, ALLOWED_HOSTS=allowed_hosts), _no_connection_recycling():
        with_tenant, without_tenant, middleware = _build_handlers()
        for label, path in paths:
            environ = _environ(host, path)
            for name, handler in (("with", with_tenant), ("without", without_tenant)):
                status, body = _serve(handler, environ)
                if status != 200 or body != b"ok":
                    raise RuntimeError(f"GET {host}{path} {name} the middleware answered {status}, not 200 'ok'")

            state.invalidate()
            cold_queries, cold_sql = _count_queries(with_tenant, environ, 1)

            for _ in range(warmup):
                _serve(with_tenant, environ)
                _serve(without_tenant, environ)
            warm_queries, warm_sql = _count_queries(with_tenant, environ, count_requests)
            cache_reads, cache_writes = _count_cache_calls(with_tenant, environ, count_requests)

            with_us: list[float] = []
            without_us: list[float] = []
            for index in range(rounds):
                order = ((with_tenant, with_us), (without_tenant, without_us))
                for handler, samples in order if index % 2 == 0 else reversed(order):
                    samples.append(_timed_batch(handler, environ, requests))

            round_ratios = [a / b for a, b in zip(with_us, without_us, strict=True)]
            with_median, without_median = statistics.median(with_us), statistics.median(without_us)
            ratio = with_median / without_median
            results.append(
                {
                    "name": label,
                    "path": path,
                    "with_us": round(with_median, 3),
                    "without_us": round(without_median, 3),
                    "delta_us": round(with_median - without_median, 3),
                    "ratio": round(ratio, 4),
                    "overhead_pct": round((ratio - 1) * 100, 2),
                    "round_ratio_min": round(min(round_ratios), 4),
                    "round_ratio_max": round(max(round_ratios), 4),
                    "warm_queries_per_request": warm_queries,
                    "warm_sql": warm_sql,
                    "warm_cache_reads_per_request": cache_reads,
                    "warm_cache_writes_per_request": cache_writes,
                    "cold_queries": int(cold_queries),
                    "cold_sql": cold_sql,
                }
            )
    return {
        "config": {
            "host": host,
            "rounds": rounds,
            "requests_per_round": requests,
            "warmup": warmup,
            "middleware": middleware,
        },
        "goals": {"warm_queries": GOAL_WARM_QUERIES, "max_overhead_pct": GOAL_MAX_OVERHEAD_PCT},
        "results": results,
    }


# --- The standalone run ----------------------------------------------------------------


def _prepare(host: str, store_code: str, module: str) -> None:
    """The platform at ``host``, its store and the optional module switched on."""
    from django.apps import apps
    from django.conf import settings

    from orion.modules import registry, services, state

    if module not in registry.MODULES:
        raise SystemExit(
            f"Module {module!r} is not installed under {settings.SETTINGS_MODULE}; pick one with --module."
        )
    domain_model = apps.get_model(settings.ORION_PLATFORM_DOMAIN_MODEL)
    domain = domain_model.objects.select_related("platform").filter(domain=host).first()
    if domain is None:
        platform = state.platform_model().objects.create(code="bench", name="Bench")
        domain_model.objects.create(platform=platform, domain=host, is_primary=True)
    else:
        platform = domain.platform
    if not state.store_model().objects.filter(platform=platform, code=store_code).exists():
        from modules.tenancy.testing import make_store  # a store needs a merchant and an owner

        make_store(platform, store_code)
    if not state.is_enabled(platform, module):
        services.enable_module(platform=platform, code=module, via="bench")


def _describe_environment(temporary_db: bool) -> dict[str, Any]:
    import django
    from django.conf import settings
    from django.db import connection

    database = connection.vendor + (" (temporary file)" if temporary_db else f" ({connection.settings_dict['NAME']})")
    return {
        "python": _platform.python_version(),
        "django": django.get_version(),
        "settings": settings.SETTINGS_MODULE,
        "database": database,
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "debug": settings.DEBUG,
    }


def _table(report: dict[str, Any]) -> str:
    env, config, goals = report["environment"], report["config"], report["goals"]
    lines = [
        "TenantModuleMiddleware overhead on a minimal view "
        f"({config['rounds']} interleaved rounds x {config['requests_per_round']} requests)",
        f"python {env['python']}, django {env['django']}, {env['settings']}, "
        f"database {env['database']}, cache {env['cache']}, DEBUG={env['debug']}",
        "",
    ]
    header = ("path", "without µs", "with µs", "delta µs", "ratio", "round ratios", "warm q", "cache r/w", "cold q")
    rows = [header]
    for r in report["results"]:
        rows.append(
            (
                r["path"],
                f"{r['without_us']:.2f}",
                f"{r['with_us']:.2f}",
                f"{r['delta_us']:+.2f}",
                f"{r['ratio']:.3f}x ({r['overhead_pct']:+.1f}%)",
                f"{r['round_ratio_min']:.3f}-{r['round_ratio_max']:.3f}",
                f"{r['warm_queries_per_request']:g}",
                f"{r['warm_cache_reads_per_request']:g}/{r['warm_cache_writes_per_request']:g}",
                str(r["cold_queries"]),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for index, row in enumerate(rows):
        cells = [cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells))
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines.append("")
    for r in report["results"]:
        queries_ok = r["warm_queries_per_request"] <= goals["warm_queries"]
        overhead_ok = r["overhead_pct"] < goals["max_overhead_pct"]
        lines.append(
            f"{r['name']:<8} warm queries {'met' if queries_ok else 'NOT met'} (goal {goals['warm_queries']}), "
            f"overhead {'met' if overhead_ok else 'NOT met'} (goal < {goals['max_overhead_pct']:g}%)"
        )
    return "\n".join(lines)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=_positive, default=20, help="interleaved rounds per side (default 20)")
    parser.add_argument("--requests", type=_positive, default=2000, help="requests per round (default 2000)")
    parser.add_argument("--warmup", type=int, default=500, help="untimed requests per side first (default 500)")
    parser.add_argument(
        "--settings", default="orion.settings.test", help="settings module (default orion.settings.test)"
    )
    parser.add_argument("--module", default=DEFAULT_MODULE, help="optional module to enable (default dummy)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args(argv)

    os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
    temporary_db = None
    if not os.environ.get("DATABASE_URL"):
        handle, temporary_db = tempfile.mkstemp(prefix="orion-bench-", suffix=".sqlite3")
        os.close(handle)
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary_db}"
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import transaction

        from orion.modules import state

        call_command("migrate", verbosity=0, interactive=False)
        try:
            with transaction.atomic():
                _prepare(DEFAULT_HOST, DEFAULT_STORE, args.module)
                report = measure(
                    DEFAULT_HOST, DEFAULT_STORE, rounds=args.rounds, requests=args.requests, warmup=args.warmup
                )
                report["environment"] = _describe_environment(temporary_db is not None)
                transaction.set_rollback(True)  # leave no bench rows in a real database
        finally:
            state.invalidate()  # nothing cached from the rolled-back rows survives (Redis)
    finally:
        if temporary_db:
            from django.db import connections

            connections.close_all()
            with contextlib.suppress(OSError):
                os.unlink(temporary_db)

    print(json.dumps(report, indent=2) if args.json else _table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
