"""Full-text search on PostgreSQL: a GIN index on the product's search document.

``selectors.product_search`` queries ``to_tsvector('simple', search_document)``,
the same expression, so the index serves it. 'simple' (no stemming) because a
document holds four languages. Other databases search with LIKE and get no index.
"""

from django.db import migrations

INDEX = "catalog_product_search"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON catalog_product USING gin (to_tsvector('simple'::regconfig, search_document))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
