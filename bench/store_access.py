"""What the store access check costs a dashboard request, as a ratio to the same request without it.

Run from the repository root::

    .venv/bin/python bench/store_access.py [--rounds 15] [--requests 500] [--json]

Both sides are logged-in requests through the full middleware stack (session,
auth, tenant scope) to a minimal view at ``/store/acme/...`` (``bench/urls.py``):
one view plain, one deriving from ``orion.views.StoreViewMixin`` with a
permission to check (membership + role + module enabled). Rounds are
interleaved, figures are medians, the ratio is guarded/plain from the same
run, and queries per request are counted for both. Nothing asserts on time.

Runs on a temporary SQLite file and the local-memory cache unless
``DATABASE_URL`` / ``REDIS_URL`` are set; its rows are rolled back.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).absolute().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

PLAIN = "/store/acme/plain"
GUARDED = "/store/acme/guarded"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orion.settings.test")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = "bench.urls"
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False

    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _client():
    from django.test import Client

    from modules.tenancy.testing import add_member, make_platform, make_store

    platform = make_platform("bench", "bench.local")
    store = make_store(platform, "acme")
    manager = add_member(store, "manager@bench.local", "manager")
    client = Client(HTTP_HOST="bench.local")
    client.force_login(manager)
    return client


def _batch(client, path: str, requests: int) -> float:
    start = time.perf_counter()
    for _ in range(requests):
        client.get(path)
    return (time.perf_counter() - start) / requests


def _queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured)


def measure(rounds: int, requests: int) -> dict:
    """Everything runs in one transaction that is rolled back: a real database keeps nothing."""
    from django.db import transaction

    with transaction.atomic():
        figures = _measure(rounds, requests)
        transaction.set_rollback(True)
    return figures


def _measure(rounds: int, requests: int) -> dict:
    from django.db import connection

    client = _client()
    for path in (PLAIN, GUARDED):
        _batch(client, path, 50)  # warm caches
    timings: dict[str, list[float]] = {PLAIN: [], GUARDED: []}
    for round_ in range(rounds):
        order = (PLAIN, GUARDED) if round_ % 2 == 0 else (GUARDED, PLAIN)
        for path in order:
            timings[path].append(_batch(client, path, requests))
    plain, guarded = (statistics.median(timings[p]) for p in (PLAIN, GUARDED))
    return {
        "plain_us": round(plain * 1e6, 1),
        "guarded_us": round(guarded * 1e6, 1),
        "overhead_us": round((guarded - plain) * 1e6, 1),
        "ratio": round(guarded / plain, 3),
        "queries_plain": _queries(client, PLAIN),
        "queries_guarded": _queries(client, GUARDED),
        "database": connection.vendor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    _setup()
    figures = measure(args.rounds, args.requests)
    if args.json:
        print(json.dumps(figures))
        return
    print(f"store access check ({figures['database']}, {args.rounds} rounds x {args.requests} requests)")
    print(f"  plain view      {figures['plain_us']:>8} µs/request  {figures['queries_plain']} queries")
    print(f"  StoreViewMixin  {figures['guarded_us']:>8} µs/request  {figures['queries_guarded']} queries")
    print(f"  overhead        {figures['overhead_us']:>8} µs/request  ratio {figures['ratio']}x")


if __name__ == "__main__":
    main()
