"""PostgreSQL only: keep each page's search vector (the index entry's `body`) in the table row.

By default PostgreSQL moves the largest values of a wide row out to a separate TOAST table, and
an index entry's row also holds the plain text kept for fuzzy search. Ranking reads the `body`
vector of every matching page, so it should stay in the row: storage MAIN keeps it there and
moves the plain text out instead. Reading the vectors of 10,000 pages went from about 55 ms to about 5 ms
(bench/RESULTS.md). Rows are stored this way as they are next written (`manage.py update_index`).
"""

from django.db import migrations


def set_body_storage(storage):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(
            apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        )
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN body SET STORAGE {storage}")

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_seed_crisis_terms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(set_body_storage("MAIN"), set_body_storage("EXTENDED"))]
