"""Wagtail's database search backend, with two changes that keep ranking sound and fast.

- SQLite (FTS5): the stock backend ranks with bm25() over all columns alike, so an article that
  repeats a phrase in its body can outrank the article whose title is that phrase, and it
  repeats the full-text match once per matching page to order them. Here bm25() weights the
  title column, as PostgreSQL's ranking does, and one match scores every page.
- PostgreSQL: the stock backend matches on `title || body`, which no index covers, so each
  search computes it for every page. Here matching uses the title and body indexes.

Everything else (indexing, ranking on PostgreSQL, autocomplete, facets) is the stock backend.
"""

from django.db import connection

import modelsearch.backends.database as database


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    # Imported on demand: each module needs its own database's search models.
    if connection.vendor == "postgresql":
        from .postgres import IndexedMatchPostgresSearchBackend

        return IndexedMatchPostgresSearchBackend(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from .sqlite import TitleWeightedSQLiteSearchBackend

        return TitleWeightedSQLiteSearchBackend(params)
    return backend
