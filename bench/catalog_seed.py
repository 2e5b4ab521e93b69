"""Seed one store with a large catalogue (100,000 products by default) on PostgreSQL, fast.

Run from the repository root::

    .venv/bin/python bench/catalog_seed.py [--products 100000] [--keep-database]

It drops and re-creates the database of ``DATABASE_URL`` (default
``postgres://postgres@127.0.0.1:5432/orion_bench``), migrates it, creates the
platform ``bench`` served at ``bench.local`` with its store ``acme`` and the
catalogue module on, then writes, for that one store:

- a category tree (12 departments with 8 subcategories each), the attributes
  Size and Colour with their values, two stock locations;
- the products, with English and German titles and descriptions and the
  ``search_document`` search reads; 94% active, 4% draft, 2% archived; a
  third of them on sale; every product in one subcategory, with one image
  row (the files are not written: pages only link to them);
- variants: 30% of the products have three (S, M, L), the others one;
- one stock item per variant, a level at the warehouse for 85% of them (and
  at the shop floor for a third of those), one ``received`` movement per
  level, and ``on_hand`` = the sum of the levels: the ledger agrees, as
  ``stock_rebuild`` would find.

The rows go in with PostgreSQL's ``COPY`` (psycopg 3 ``cursor.copy``), ids
taken in blocks from the tables' sequences, so no row costs a round trip; on
another database (the smoke test's SQLite) the same rows go in with
``executemany``. Then ``VACUUM ANALYZE``, as autovacuum would do after such
an insert. It prints the time and the rows per table.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO_ROOT = Path(__file__).absolute().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/orion_bench"
HOST = "bench.local"
STORE_CODE = "acme"
REFERENCE = "bench-seed"

# Word lists the titles are made of: (English, German).
ADJECTIVES = [
    ("Lightweight", "Leichte"),
    ("Waterproof", "Wasserdichte"),
    ("Classic", "Klassische"),
    ("Insulated", "Gefütterte"),
    ("Packable", "Verstaubare"),
    ("Rugged", "Robuste"),
    ("Breathable", "Atmungsaktive"),
    ("Recycled", "Recycelte"),
    ("Compact", "Kompakte"),
    ("Warm", "Warme"),
]
MATERIALS = [
    ("Merino", "Merino"),
    ("Cotton", "Baumwoll"),
    ("Linen", "Leinen"),
    ("Fleece", "Fleece"),
    ("Nylon", "Nylon"),
    ("Down", "Daunen"),
    ("Canvas", "Canvas"),
    ("Leather", "Leder"),
]
NOUNS = [
    ("Jacket", "jacke"),
    ("Shirt", "hemd"),
    ("Trousers", "hose"),
    ("Backpack", "rucksack"),
    ("Hat", "mütze"),
    ("Gloves", "handschuhe"),
    ("Socks", "socken"),
    ("Vest", "weste"),
    ("Blanket", "decke"),
    ("Bag", "tasche"),
    ("Scarf", "schal"),
    ("Hoodie", "kapuzenpulli"),
]
DEPARTMENTS = [
    ("Jackets", "Jacken"),
    ("Shirts", "Hemden"),
    ("Trousers", "Hosen"),
    ("Footwear", "Schuhe"),
    ("Backpacks", "Rucksäcke"),
    ("Tents", "Zelte"),
    ("Sleeping", "Schlafen"),
    ("Cooking", "Kochen"),
    ("Climbing", "Klettern"),
    ("Cycling", "Radfahren"),
    ("Accessories", "Zubehör"),
    ("Kids", "Kinder"),
]
SUBCATEGORIES = [
    ("Women", "Damen"),
    ("Men", "Herren"),
    ("Unisex", "Unisex"),
    ("Winter", "Winter"),
    ("Summer", "Sommer"),
    ("Sale", "Angebote"),
    ("New", "Neu"),
    ("Essentials", "Basics"),
]
SIZES = [("S", "S"), ("M", "M"), ("L", "L")]
COLOURS = [("Red", "Rot"), ("Blue", "Blau"), ("Green", "Grün"), ("Black", "Schwarz")]


# --- Database ---------------------------------------------------------------------------------


def prepare_database(url: str) -> None:
    """Drop and re-create the database of ``url``; a clear exit when PostgreSQL cannot be reached."""
    import psycopg

    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise SystemExit(f"DATABASE_URL must point at PostgreSQL, not {parts.scheme!r}: {url}")
    name = parts.path.lstrip("/")
    if not name:
        raise SystemExit(f"DATABASE_URL names no database: {url}")
    maintenance = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    try:
        connection = psycopg.connect(maintenance.replace("postgres://", "postgresql://", 1), autocommit=True)
    except psycopg.OperationalError as exc:
        raise SystemExit(
            f"PostgreSQL is not reachable at {parts.hostname}:{parts.port or 5432} ({exc}).\n"
            "Start it, or point DATABASE_URL at one (the benchmark drops and re-creates its database)."
        ) from exc
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str, settings_module: str = "orion.settings.base") -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def prepare_store(host: str = HOST, store_code: str = STORE_CODE) -> Any:
    """The platform at ``host`` with the catalogue on (inventory comes with it), and its store."""
    from django.apps import apps
    from django.conf import settings

    from modules.tenancy.testing import make_store
    from orion.modules import services, state

    domain_model = apps.get_model(settings.ORION_PLATFORM_DOMAIN_MODEL)
    domain = domain_model.objects.select_related("platform").filter(domain=host).first()
    if domain is None:
        platform = state.platform_model().objects.create(code="bench", name="Bench")
        domain_model.objects.create(platform=platform, domain=host, is_primary=True)
    else:
        platform = domain.platform
    store = state.store_model().objects.filter(platform=platform, code=store_code).first()
    if store is None:
        store = make_store(platform, store_code)
    if not state.is_enabled(platform, "catalog"):
        services.enable_module(platform=platform, code="catalog", via="bench")
    return store


class Writer:
    """Writes rows (tuples in ``columns`` order) to a model's table: ``COPY`` on PostgreSQL, else ``executemany``."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.counts: dict[str, int] = {}

    def reserve_ids(self, model: Any, count: int) -> int:
        """The first of ``count`` consecutive free ids of ``model``'s table (taken from its sequence)."""
        table = model._meta.db_table
        if count == 0:
            return 0  # nothing to number (a sequence cannot be set back to 0)
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                # One statement takes the block: nextval then moves the sequence past it.
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, 'id'), nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
                    [table, table, count],
                )
                return cursor.fetchone()[0] - count + 1
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {self.connection.ops.quote_name(table)}")
            return cursor.fetchone()[0]

    def write(self, model: Any, columns: Sequence[str], rows: Iterable[tuple]) -> int:
        table = model._meta.db_table
        quote = self.connection.ops.quote_name
        column_list = ", ".join(quote(column) for column in columns)
        written = 0
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        written += 1
            else:
                rows = list(rows)
                placeholders = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({column_list}) VALUES ({placeholders})", rows)
                written = len(rows)
        self.counts[table] = self.counts.get(table, 0) + written
        return written


# --- The catalogue ----------------------------------------------------------------------------


def search_document(*parts: str) -> str:
    """What search reads, as the catalog's services build it: titles, descriptions as text, SKUs, one per line."""
    return "\n".join(dict.fromkeys(part for part in parts if part))


def seed(store: Any, *, products: int = 100_000, variant_share: float = 0.3, random_seed: int = 42) -> dict[str, int]:
    """Write the catalogue and its stock for ``store`` in one transaction; returns rows per table."""
    from django.db import connection, transaction
    from django.utils import timezone

    from modules.catalog.models import Attribute, AttributeValue, Category, Product, ProductImage, Variant
    from modules.inventory.models import StockItem, StockLevel, StockLocation, StockMovement
    from modules.inventory.models.stock import MovementReason

    rng = random.Random(random_seed)
    writer = Writer(connection)
    now = timezone.now()
    store_id = store.pk
    currency = getattr(store, "currency", "") or "EUR"

    with transaction.atomic():
        # Locations.
        first_location = writer.reserve_ids(StockLocation, 2)
        warehouse, shop_floor = first_location, first_location + 1
        writer.write(
            StockLocation,
            ["id", "store_id", "name", "code", "address", "is_active", "position", "created_at"],
            [
                (warehouse, store_id, "Warehouse", "warehouse", "", True, 0, now),
                (shop_floor, store_id, "Shop floor", "shop-floor", "", True, 1, now),
            ],
        )

        # Categories: departments, then their subcategories.
        first_category = writer.reserve_ids(Category, len(DEPARTMENTS) * (1 + len(SUBCATEGORIES)))
        category_rows, leaves = [], []
        next_id = first_category
        for position, (en, de) in enumerate(DEPARTMENTS):
            parent_id = next_id
            next_id += 1
            slug = en.lower()
            category_rows.append(
                (parent_id, store_id, None, en, en, de, None, None, slug, "", "", "", None, None, position, True)
            )
            for sub_position, (sub_en, sub_de) in enumerate(SUBCATEGORIES):
                name_en, name_de = f"{en}: {sub_en}", f"{de}: {sub_de}"
                category_rows.append(
                    (next_id, store_id, parent_id, name_en, name_en, name_de, None, None,
                     f"{slug}-{sub_en.lower()}", "", "", "", None, None, sub_position, True)
                )  # fmt: skip
                leaves.append(next_id)
                next_id += 1
        writer.write(
            Category,
            ["id", "store_id", "parent_id", "name", "name_en", "name_de", "name_fr", "name_lb", "slug",
             "description", "description_en", "description_de", "description_fr", "description_lb",
             "position", "is_active"],
            category_rows,
        )  # fmt: skip

        # Attributes and values.
        first_attribute = writer.reserve_ids(Attribute, 2)
        size_id, colour_id = first_attribute, first_attribute + 1
        writer.write(
            Attribute,
            ["id", "store_id", "name", "name_en", "name_de", "slug", "position"],
            [
                (size_id, store_id, "Size", "Size", "Größe", "size", 0),
                (colour_id, store_id, "Colour", "Colour", "Farbe", "colour", 1),
            ],
        )
        value_specs = [(size_id, en, de) for en, de in SIZES] + [(colour_id, en, de) for en, de in COLOURS]
        first_value = writer.reserve_ids(AttributeValue, len(value_specs))
        writer.write(
            AttributeValue,
            ["id", "store_id", "attribute_id", "value", "value_en", "value_de", "slug", "position"],
            [
                (first_value + index, store_id, attribute_id, en, en, de, en.lower(), index)
                for index, (attribute_id, en, de) in enumerate(value_specs)
            ],
        )
        size_values = [first_value + index for index in range(len(SIZES))]

        # Products with their variants, stock items, levels and movements.
        multi = [rng.random() < variant_share for _ in range(products)]
        variant_count = sum(len(SIZES) if is_multi else 1 for is_multi in multi)
        first_product = writer.reserve_ids(Product, products)
        first_variant = writer.reserve_ids(Variant, variant_count)
        first_item = writer.reserve_ids(StockItem, variant_count)

        product_rows, product_categories, product_options, image_rows = [], [], [], []
        variant_rows, variant_values, item_rows, level_rows, movement_rows = [], [], [], [], []
        variant_id, item_id = first_variant, first_item
        for index in range(products):
            product_id = first_product + index
            adjective, material, noun = rng.choice(ADJECTIVES), rng.choice(MATERIALS), rng.choice(NOUNS)
            code = f"{index + 1:06d}"
            title_en = f"{adjective[0]} {material[0]} {noun[0]} {code}"
            title_de = f"{adjective[1]} {material[1]}{noun[1]} {code}"
            text_en = f"{adjective[0]} {noun[0].lower()} made of {material[0].lower()}, for every season."
            text_de = f"{title_de.rsplit(' ', 1)[0]} für jede Jahreszeit."
            description_en, description_de = f"<p>{text_en}</p>", f"<p>{text_de}</p>"
            roll = rng.random()
            status = "active" if roll < 0.94 else ("draft" if roll < 0.98 else "archived")
            price = rng.randrange(500, 50_000, 100) - 1
            compare_at = price + rng.randrange(1_000, 5_000, 500) if rng.random() < 0.33 else None
            created = now - timedelta(minutes=products - index)
            skus = [f"B{code}-{size[0]}" for size in SIZES] if multi[index] else [f"B{code}"]
            product_rows.append(
                (product_id, store_id, title_en, title_en, title_de, None, None, f"bench-product-{code}",
                 description_en, description_en, description_de, None, None, status, price, compare_at, currency,
                 "standard", index % 97 == 0, search_document(title_en, title_de, text_en, text_de, *skus),
                 created if status == "active" else None, created, created)
            )  # fmt: skip
            product_categories.append((product_id, rng.choice(leaves)))
            image_rows.append(
                (store_id, product_id, f"catalog/{store_id}/bench-{code}.jpg", f"catalog/{store_id}/thumbs/bench-{code}.webp",
                 "jpeg", 800, 800, title_en, title_en, title_de, None, None, 0)
            )  # fmt: skip
            if multi[index]:
                product_options.append((product_id, size_id))
            for position, sku in enumerate(skus):
                variant_rows.append((variant_id, store_id, product_id, sku, None, None, position, item_id))
                if multi[index]:
                    variant_values.append((variant_id, size_values[position]))
                levels = []
                if rng.random() < 0.85:
                    levels.append((warehouse, rng.randint(1, 120)))
                    if rng.random() < 0.33:
                        levels.append((shop_floor, rng.randint(1, 20)))
                on_hand = sum(quantity for _location, quantity in levels)
                item_rows.append((item_id, store_id, sku, title_en, True, 5, on_hand, 0, True, now))
                for location_id, quantity in levels:
                    level_rows.append((store_id, item_id, location_id, quantity))
                    movement_rows.append(
                        (store_id, item_id, location_id, quantity, quantity, MovementReason.RECEIVED.value,
                         REFERENCE, "", None, now)
                    )  # fmt: skip
                variant_id += 1
                item_id += 1

        writer.write(
            Product,
            ["id", "store_id", "title", "title_en", "title_de", "title_fr", "title_lb", "slug",
             "description", "description_en", "description_de", "description_fr", "description_lb", "status",
             "price_cents", "compare_at_price_cents", "currency", "tax_class", "is_featured", "search_document",
             "published_at", "created_at", "updated_at"],
            product_rows,
        )  # fmt: skip
        writer.write(Product.categories.through, ["product_id", "category_id"], product_categories)
        writer.write(Product.option_attributes.through, ["product_id", "attribute_id"], product_options)
        writer.write(
            ProductImage,
            ["store_id", "product_id", "image", "thumbnail", "image_format", "width", "height", "alt_text",
             "alt_text_en", "alt_text_de", "alt_text_fr", "alt_text_lb", "position"],
            image_rows,
        )  # fmt: skip
        writer.write(
            StockItem,
            ["id", "store_id", "sku", "name", "track_stock", "low_stock_threshold", "on_hand", "reserved",
             "is_active", "updated_at"],
            item_rows,
        )  # fmt: skip
        writer.write(
            Variant,
            ["id", "store_id", "product_id", "sku", "price_cents", "compare_at_price_cents", "position",
             "stock_item_id"],
            variant_rows,
        )  # fmt: skip
        writer.write(Variant.option_values.through, ["variant_id", "attributevalue_id"], variant_values)
        writer.write(StockLevel, ["store_id", "item_id", "location_id", "quantity"], level_rows)
        writer.write(
            StockMovement,
            ["store_id", "item_id", "location_id", "delta", "quantity_after", "reason", "reference", "note",
             "user_id", "created_at"],
            movement_rows,
        )  # fmt: skip

    if connection.vendor == "postgresql":
        # What the services store beside the document (catalog migration 0003), computed by PostgreSQL.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE catalog_product SET search_vector = to_tsvector('simple', search_document) WHERE store_id = %s",
                [store.pk],
            )
        # What autovacuum does after a bulk insert: the planner's statistics, and the visibility
        # map that lets counts (the paginator's) read indexes only. VACUUM cannot run in a
        # transaction (a test's): statistics only, then.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return writer.counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--variant-share", type=float, default=0.3, help="share of products with three variants")
    parser.add_argument(
        "--keep-database", action="store_true", help="seed the existing database instead of re-creating it"
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    started = time.perf_counter()
    if not args.keep_database:
        prepare_database(url)
    setup_django(url)
    store = prepare_store()
    ready = time.perf_counter()
    counts = seed(store, products=args.products, variant_share=args.variant_share)
    done = time.perf_counter()
    print(f"catalogue seed: store {store.code!r} at {HOST}, {urlsplit(url).path.lstrip('/')}")
    print(f"  database + migrate + store  {ready - started:7.1f} s")
    print(f"  seed (COPY + VACUUM ANALYZE) {done - ready:7.1f} s   goal: under 120 s")
    for table, rows in counts.items():
        print(f"  {table:<40} {rows:>9,} rows")
    print(f"  {'total':<40} {sum(counts.values()):>9,} rows, {sum(counts.values()) / (done - ready):,.0f} rows/s")


if __name__ == "__main__":
    main()
