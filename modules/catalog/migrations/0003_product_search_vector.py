"""A stored search vector for PostgreSQL's full-text search, and an index in the shop's default order.

On PostgreSQL ``search_vector`` holds ``to_tsvector('simple', search_document)``
(the services write both together): filled here for existing products,
GIN-indexed, and replacing migration 0002's expression index, so ranking a
match reads the stored vector instead of parsing its document again. Other
databases keep the column empty and search with LIKE.

``catalog_product_newest`` (PostgreSQL; SQLite refuses NULLS LAST in an
index) is the shop's default order (newest published first, id breaking
ties) exactly, so a product list page is read off the index instead of
sorting the store's products.
"""

import django.contrib.postgres.search
from django.db import migrations

OLD_INDEX = "catalog_product_search"
INDEX = "catalog_product_search_vector"
NEWEST = "catalog_product_newest"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("UPDATE catalog_product SET search_vector = to_tsvector('simple', search_document)")
        schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
        schema_editor.execute(f"CREATE INDEX {INDEX} ON catalog_product USING gin (search_vector)")
        schema_editor.execute(
            f"CREATE INDEX {NEWEST} ON catalog_product (store_id, status, published_at DESC NULLS LAST, id DESC)"
        )


def restore_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NEWEST}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(
            f"CREATE INDEX {OLD_INDEX} ON catalog_product USING gin (to_tsvector('simple'::regconfig, search_document))"
        )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_product_search_index")]

    operations = [
        migrations.AddField(
            model_name="product",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_indexes, restore_indexes),
    ]
