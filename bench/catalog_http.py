"""Storefront catalogue pages and API over HTTP (gunicorn + wrk), as ratios to a bare Django view.

Run from the repository root, after ``bench/catalog_seed.py`` (or ``make bench-catalog``, both)::

    .venv/bin/python bench/catalog_http.py [--duration 10] [--rounds 2] [--connections 8] [--json]

It serves the seeded database (``DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/orion_bench``) with gunicorn on a free
port of 127.0.0.1, with the production settings (``orion.settings.production``:
DEBUG off, the hosts allowed, no HTTPS redirect since there is no proxy), and
drives it with ``wrk`` (Debian package ``wrk``; without it a small threaded
Python client with keep-alive connections stands in, and says so). Per
endpoint it reports requests/s, p50 and p95 latency, the throughput as a
ratio to the bare view measured in the same run, and the queries one
request makes when rendered (counted in-process with the test client).

The shop pages are served from the storefront page cache
(``orion.page_cache``) as in production: one URL requested again and again
is a hit after the first request. ``--no-page-cache`` renders every request
instead: the cost of a miss (a search nobody made before, a page after a
write). Set ``REDIS_URL`` to use Redis as the cache, as a deployment with
several processes does; without it each gunicorn worker has its own
local-memory cache.

Endpoints: the bare view (``bench/urls.py``: ``HttpResponse("ok")`` through
the full middleware stack: the baseline), the storefront product list, a
product page, a search, and the storefront API's product list. Rounds are
interleaved (A B C D E, E D C B A, ...) and the figures are medians over
rounds. Nothing asserts on time; the goals are printed next to the figures.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).absolute().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.catalog_seed import DEFAULT_DATABASE_URL, HOST, STORE_CODE  # noqa: E402

SETTINGS = "orion.settings.production"
# The production settings read these from the environment; a loopback bench has no proxy and no HTTPS.
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "bench-only-not-secret",
    "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "False",
    "LOG_LEVEL": "WARNING",
}
SEARCH_TERM = "merino"
LIST_GOAL = 0.40  # list and detail: at least 40% of the bare view's throughput
SEARCH_P95_GOAL_MS = 100.0

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "non_2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
"""


@dataclass
class Endpoint:
    name: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    goal: str = ""


def application() -> Any:
    """gunicorn's entry (``bench.catalog_http:application()``): the project's WSGI app, with the bench URLconf.

    ``bench/urls.py`` adds the bare view to the project's routes, so the
    baseline and the catalogue go through the same process and middleware.
    """
    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = "bench.urls"
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


# --- Preparation (in this process) --------------------------------------------------------------


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    for name, value in PRODUCTION_ENV.items():
        os.environ.setdefault(name, value)
    import django
    from django.conf import settings

    try:
        django.setup()
        from django.db import connection

        connection.ensure_connection()
    except Exception as exc:  # psycopg's OperationalError, wrapped by Django
        raise SystemExit(f"Cannot reach the bench database {url}: {exc}\nRun bench/catalog_seed.py first.") from exc
    settings.ROOT_URLCONF = "bench.urls"


def endpoints(store_code: str = STORE_CODE, host: str = HOST) -> list[Endpoint]:
    """The measured requests; the product page is of an active product with options (the seed's have three variants)."""
    from django_scopes import scopes_disabled

    from modules.catalog.models import Product
    from orion.modules import state

    store = state.store_model().objects.filter(code=store_code, platform__domains__domain=host).first()
    if store is None:
        raise SystemExit(f"No store {store_code!r} at {host}: run bench/catalog_seed.py first.")
    with scopes_disabled():
        active = Product.objects.filter(store=store, status="active").order_by("id")
        with_options = active.filter(option_attributes__isnull=False)
        candidates = with_options if with_options.exists() else active
        product = candidates[candidates.count() // 2]
    shop = f"/shop/{store_code}/products/"
    goal = f">= {LIST_GOAL:.0%} of bare"
    return [
        Endpoint("bare view", "/ping", goal="baseline"),
        Endpoint("product list", shop, goal=goal),
        Endpoint("product page", f"{shop}{product.slug}/", goal=goal),
        Endpoint("search", f"{shop}?q={SEARCH_TERM}", goal=f"p95 < {SEARCH_P95_GOAL_MS:.0f} ms"),
        Endpoint("API product list", "/api/v1/storefront/catalog/products/", {"X-Store": store_code}),
    ]


def count_queries(endpoint: Endpoint, host: str = HOST) -> dict[str, Any]:
    """Queries of one warm request rendered in full (a first one warms the tenant cache; no page cache)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=host)
    headers = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in endpoint.headers.items()}
    with override_settings(ORION_STOREFRONT_CACHE_SECONDS=0):
        client.get(endpoint.path, **headers)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(endpoint.path, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{endpoint.path} answered {response.status_code}, not 200: is the catalogue module routed?")
    return {"queries": len(captured), "bytes": len(response.content), "sql": [q["sql"] for q in captured]}


# --- The server ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the bench app on 127.0.0.1; stopped (by its own pid) on exit."""

    def __init__(self, url: str, workers: int, threads: int, page_cache: bool = True) -> None:
        self.port = _free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="orion-bench-gunicorn-", suffix=".log", delete=False)
        environment = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": SETTINGS, **PRODUCTION_ENV}
        if not page_cache:
            environment["ORION_STOREFRONT_CACHE_SECONDS"] = "0"
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.command = [
            str(gunicorn), "bench.catalog_http:application()", "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
            "--keep-alive", "30", "--log-level", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(self.command, cwd=REPO_ROOT, env=environment, stdout=self.log, stderr=self.log)

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{self.port}/ping", headers={"Host": HOST})
                with urllib.request.urlopen(request, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"gunicorn did not come up:\n{Path(self.log.name).read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- Load generators ----------------------------------------------------------------------------


def run_wrk(port: int, endpoint: Endpoint, *, duration: float, connections: int, threads: int) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    seconds = max(1, round(duration))  # wrk takes whole seconds
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", script.name]
    command += ["-H", f"Host: {HOST}"]
    for name, value in endpoint.headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{endpoint.path}")
    try:
        finished = subprocess.run(command, capture_output=True, text=True)
    finally:
        os.unlink(script.name)
    if finished.returncode != 0:
        raise SystemExit(f"wrk failed ({' '.join(command)}):\n{finished.stdout}{finished.stderr}")
    output = finished.stdout
    figures = json.loads(output.strip().splitlines()[-1])
    return {
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50_ms": figures["p50_us"] / 1000,
        "p95_ms": figures["p95_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "errors": figures["non_2xx"] + figures["socket_errors"],
    }


def run_python_client(
    port: int, endpoint: Endpoint, *, duration: float, connections: int, threads: int
) -> dict[str, float]:
    """The fallback without wrk: ``connections`` threads, each one keep-alive connection, latencies of every request."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    headers = {"Host": HOST, **endpoint.headers}
    deadline = time.perf_counter() + duration

    def worker() -> None:
        own: list[float] = []
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", endpoint.path, headers=headers)
            response = connection.getresponse()
            response.read()
            own.append(time.perf_counter() - started)
            if response.status != 200:
                with lock:
                    errors[0] += 1
        connection.close()
        with lock:
            latencies.extend(own)

    started = time.perf_counter()
    workers = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000

    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": percentile(0.50),
        "p95_ms": percentile(0.95),
        "p99_ms": percentile(0.99),
        "errors": errors[0],
    }


# --- The run ------------------------------------------------------------------------------------


def measure(
    port: int, targets: list[Endpoint], *, duration: float, rounds: int, connections: int, threads: int
) -> tuple[str, dict[str, dict[str, float]]]:
    """Warm every endpoint, then interleaved rounds; medians per endpoint."""
    generator, run = ("wrk", run_wrk) if shutil.which("wrk") else ("python threads (wrk not found)", run_python_client)
    for endpoint in targets:
        run(port, endpoint, duration=min(2.0, duration), connections=connections, threads=threads)
    samples: dict[str, list[dict[str, float]]] = {endpoint.name: [] for endpoint in targets}
    for round_ in range(rounds):
        for endpoint in targets if round_ % 2 == 0 else list(reversed(targets)):
            samples[endpoint.name].append(
                run(port, endpoint, duration=duration, connections=connections, threads=threads)
            )
    medians = {
        name: {key: statistics.median(sample[key] for sample in runs) for key in runs[0]}
        for name, runs in samples.items()
    }
    for figures in medians.values():
        figures["errors"] = int(figures["errors"])
    return generator, medians


def report(targets: list[Endpoint], figures: dict[str, dict[str, float]], queries: dict[str, dict]) -> dict[str, Any]:
    bare = figures[targets[0].name]["rps"]
    rows = []
    for endpoint in targets:
        entry = figures[endpoint.name]
        ratio = entry["rps"] / bare
        if endpoint.name in {"product list", "product page"}:
            met = ratio >= LIST_GOAL
        elif endpoint.name == "search":
            met = entry["p95_ms"] < SEARCH_P95_GOAL_MS
        else:
            met = None
        rows.append(
            {
                "endpoint": endpoint.name,
                "path": endpoint.path,
                **{key: round(value, 2) for key, value in entry.items()},
                "ratio": round(ratio, 3),
                "queries": queries[endpoint.name]["queries"],
                "bytes": queries[endpoint.name]["bytes"],
                "goal": endpoint.goal,
                "goal_met": met,
            }
        )
    return {"rows": rows}


def _page_cache_description() -> str:
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return f"on ({settings.ORION_STOREFRONT_CACHE_SECONDS} s, {backend})"


def _table(result: dict[str, Any]) -> str:
    lines = [
        f"{'endpoint':<17} {'req/s':>8} {'x bare':>7} {'p50 ms':>7} {'p95 ms':>7} {'queries':>7} {'errors':>6}  goal",
        "-" * 92,
    ]
    for row in result["rows"]:
        verdict = {True: "met", False: "MISSED", None: ""}[row["goal_met"]]
        lines.append(
            f"{row['endpoint']:<17} {row['rps']:>8.0f} {row['ratio']:>6.2f}x {row['p50_ms']:>7.1f} "
            f"{row['p95_ms']:>7.1f} {row['queries']:>7} {row['errors']:>6}  {row['goal']} {verdict}".rstrip()
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per endpoint and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--connections", type=int, default=None, help="concurrent keep-alive connections (default: workers x threads)"
    )
    parser.add_argument("--load-threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers (default: cores)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (gthread)")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="render every shop page (orion.page_cache off): the misses"
    )
    parser.add_argument("--show-sql", action="store_true", help="print the queries of each endpoint")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    # As many connections as the server has threads: the latencies are the server's, not a queue in front of it.
    args.connections = args.connections or args.workers * args.threads

    url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    load_before = os.getloadavg()[0]
    _setup(url)
    targets = endpoints()
    queries = {endpoint.name: count_queries(endpoint) for endpoint in targets}
    server = Server(url, args.workers, args.threads, page_cache=not args.no_page_cache)
    try:
        server.wait_ready()
        generator, figures = measure(
            server.port,
            targets,
            duration=args.duration,
            rounds=args.rounds,
            connections=args.connections,
            threads=args.load_threads,
        )
    finally:
        server.stop()
    result = report(targets, figures, queries)
    result["config"] = {
        "generator": generator,
        "server": f"gunicorn gthread, {args.workers} workers x {args.threads} threads",
        "load": f"{args.connections} connections, {args.rounds} rounds x {args.duration:g} s per endpoint",
        "cores": os.cpu_count(),
        "load average (1 min) before, after": f"{load_before:.1f}, {os.getloadavg()[0]:.1f}",
        "settings": SETTINGS,
        "page cache": "off" if args.no_page_cache else _page_cache_description(),
        "database": url.rsplit("@", 1)[-1],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print("storefront catalogue over HTTP: " + ", ".join(f"{k} {v}" for k, v in result["config"].items()))
    print(_table(result))
    if args.show_sql:
        for name, counted in queries.items():
            print(f"\n{name}:")
            for sql in counted["sql"]:
                print(f"  {sql}")


if __name__ == "__main__":
    main()
