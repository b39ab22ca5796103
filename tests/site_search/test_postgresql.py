"""The PostgreSQL search backend (search/backends/postgres.py) against Wagtail's own."""

from django.db import connection

from wagtail.models import Page

import pytest
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

from ..factories import worry_notes
from .conftest import fresh_page

# The PostgreSQL backend (search/backends/postgres.py) against Wagtail's own

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL search backend"
)


@pytest.fixture(scope="module")
def worry_articles(search_site, module_db) -> list[int]:
    """The search corpus (`worry_notes`) on the module's site, built once (see `module_db`)."""
    with module_db.unblock():
        return [article.pk for article in worry_notes(fresh_page(search_site, "article_index"))]


@on_postgresql
@pytest.mark.parametrize("operator", ["and", "or"])
@pytest.mark.parametrize(
    "query", ["worry", "worry sleep", "restless evenings", "the notes for evenings", "zebra"]
)
def test_postgresql_ranking_and_counts_equal_the_stock_backend(worry_articles, db, query, operator):
    """Matching on the two indexes and ranking on the index entries is an optimisation: every
    slice of results and every count is what Wagtail's own backend gives."""
    ours, stock = get_search_backend(), PostgresSearchBackend({})
    assert type(ours).__module__ == "search.backends.postgres"
    pages = Page.objects.live()

    def slices(backend):
        results = backend.search(query, pages, operator=operator)
        return [[page.pk for page in results[start : start + 10]] for start in (0, 10, 20)]

    def counts(backend):
        results = backend.search(query, pages, operator=operator, order_by_relevance=False)
        return dict(results.facet("content_type_id")), results.count()

    assert slices(ours) == slices(stock)
    assert counts(ours) == counts(stock)


@on_postgresql
def test_postgresql_keeps_search_vectors_in_the_row(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute "
            "WHERE attrelid = 'wagtailsearch_indexentry'::regclass AND attname IN ('title', 'body')"
        )
        assert dict(cursor.fetchall()) == {"title": "m", "body": "m"}
