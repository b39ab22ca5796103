"""PostgreSQL only: keep each index entry's title vector in the table row too (storage MAIN).

0003 kept the body vector in the row, but a row holding the body vector and the plain text
for fuzzy search is still wider than PostgreSQL's 2 kB target, so it moved the title vector,
the next largest value it was allowed to move, out to the TOAST table: every search read it
from there, about 20,000 extra buffer reads for a word found in 10,000 pages (bench/RESULTS.md).
Rows are stored this way as they are next written (`manage.py update_index`).
"""

from django.db import migrations


def set_title_storage(storage):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(
            apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        )
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN title SET STORAGE {storage}")

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0003_index_body_stored_inline")]

    operations = [migrations.RunPython(set_title_storage("MAIN"), set_title_storage("EXTENDED"))]
