"""The catalogue benchmarks still import, seed a consistent catalogue and reach their endpoints.

Only counts are asserted here; timings never are (see bench/README.md).
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django_scopes import scope, scopes_disabled

from bench import catalog_http
from bench.catalog_seed import seed
from modules.catalog.models import Product, Variant
from modules.catalog.tests.factories import ProductFactory
from modules.inventory import services as inventory_services
from modules.inventory.models import StockItem

pytestmark = pytest.mark.slow  # benchmark smoke tests: left out of `make test-fast`


@pytest.fixture
def catalogue_store(store, enable):
    enable("inventory")
    enable("catalog")
    return store


def test_the_seed_writes_a_catalogue_whose_stock_agrees_with_its_ledger(catalogue_store):
    counts = seed(catalogue_store, products=30, variant_share=0.5)

    assert counts["catalog_product"] == counts["catalog_product_categories"] == counts["catalog_productimage"] == 30
    assert 30 < counts["catalog_variant"] <= 90  # one or three per product
    assert counts["inventory_stockitem"] == counts["catalog_variant"]
    assert counts["inventory_stockmovement"] == counts["inventory_stocklevel"]
    assert counts["catalog_variant_option_values"] == counts["catalog_variant"] - (
        counts["catalog_product"] - counts["catalog_product_option_attributes"]
    )
    assert inventory_services.stock_rebuild(store=catalogue_store) == 0  # levels, on_hand and ledger agree
    with scope(store=catalogue_store):
        product = Product.objects.get(slug="bench-product-000001")
        assert product.title_de in product.search_document and product.title_en in product.search_document
        assert "<p>" not in product.search_document
        assert all(variant.sku in product.search_document for variant in product.variants.all())
        assert Variant.objects.filter(stock_item__isnull=True).count() == 0
        assert StockItem.objects.filter(on_hand=0).count() < StockItem.objects.count()


def test_the_seed_takes_ids_after_the_rows_already_there(catalogue_store, other_store):
    ProductFactory(store=other_store, title_en="Earlier", sku="EARLY-1")  # a product, variant and stock item

    counts = seed(catalogue_store, products=3, variant_share=1.0)

    assert counts["catalog_variant"] == 9
    with scopes_disabled():
        assert Product.objects.count() == 4 and StockItem.objects.count() == 10


def test_every_endpoint_answers_and_its_queries_are_counted(catalogue_store, settings, tmp_path):
    settings.ROOT_URLCONF = "bench.urls"
    seed(catalogue_store, products=12, variant_share=0.5)

    targets = catalog_http.endpoints(catalogue_store.code, host="testserver")
    counted = {endpoint.name: catalog_http.count_queries(endpoint, host="testserver") for endpoint in targets}

    assert [endpoint.name for endpoint in targets][0] == "bare view"
    assert counted["bare view"]["queries"] == 0
    for name, figures in counted.items():
        assert figures["bytes"] > 0, name
        if name != "bare view":
            assert figures["queries"] > 0, name  # the capture does see the pages' queries


def test_the_report_puts_each_endpoint_against_the_bare_view():
    targets = [catalog_http.Endpoint("bare view", "/ping"), catalog_http.Endpoint("product list", "/x")]
    targets += [catalog_http.Endpoint("search", "/y")]
    figures = {
        "bare view": {"rps": 1000.0, "p50_ms": 1.0, "p95_ms": 2.0, "p99_ms": 3.0, "errors": 0},
        "product list": {"rps": 300.0, "p50_ms": 5.0, "p95_ms": 9.0, "p99_ms": 12.0, "errors": 0},
        "search": {"rps": 100.0, "p50_ms": 50.0, "p95_ms": 90.0, "p99_ms": 120.0, "errors": 0},
    }
    queries = {name: {"queries": 3, "bytes": 10} for name in figures}

    rows = {row["endpoint"]: row for row in catalog_http.report(targets, figures, queries)["rows"]}

    assert rows["bare view"]["ratio"] == 1.0 and rows["bare view"]["goal_met"] is None
    assert rows["product list"]["ratio"] == 0.3 and rows["product list"]["goal_met"] is False  # under 40%
    assert rows["search"]["goal_met"] is True  # p95 under 100 ms
    assert "MISSED" in catalog_http._table({"rows": list(rows.values())})


def test_the_python_client_counts_requests_and_errors_against_a_local_server():
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the client expects

        def do_GET(self):
            status = 200 if self.path == "/ok" else 404
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        good = catalog_http.run_python_client(
            port, catalog_http.Endpoint("ok", "/ok"), duration=0.2, connections=2, threads=1
        )
        bad = catalog_http.run_python_client(
            port, catalog_http.Endpoint("missing", "/missing"), duration=0.1, connections=1, threads=1
        )
    finally:
        server.shutdown()
        server.server_close()

    assert good["rps"] > 0 and good["errors"] == 0 and good["p50_ms"] <= good["p95_ms"]
    assert bad["errors"] > 0


def test_a_seed_without_products_writes_the_store_frame_only(catalogue_store):
    counts = seed(catalogue_store, products=0)

    assert counts["catalog_product"] == counts["catalog_variant"] == counts["inventory_stockitem"] == 0
    assert counts["catalog_category"] > 0 and counts["inventory_stocklocation"] == 2
