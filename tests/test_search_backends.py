"""The search backends in search/backends/ against Wagtail's own, and the admin searches that go
through them (pages, images, documents, snippets). PostgreSQL's equivalence test is in
test_search.py."""

from collections import Counter

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import Page

import pytest
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config

from articles.models import ArticlePage
from home.models import HomePage

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ImageFactory,
    ServicePageFactory,
    worry_notes,
)
from .site_search.results import paragraphs

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite search backend")


@pytest.fixture
def sqlite_backend():
    """search/backends/sqlite.py, which can only be imported where SQLite's index table is."""
    from search.backends import sqlite

    return sqlite


@pytest.fixture(scope="module")
def worry_listing(module_db) -> list[int]:
    """The search corpus (`worry_notes`) under an index of its own, built once for the module
    (see `module_db`): the articles' keys."""
    with module_db.unblock():
        index = ArticleIndexPageFactory(parent=HomePage.objects.get(), title="Evening notes")
        return [article.pk for article in worry_notes(index)]


@pytest.fixture
def worry_articles(worry_listing, db):
    return list(ArticlePage.objects.filter(pk__in=worry_listing).order_by("pk"))


def slices(backend, query, operator):
    results = backend.search(query, Page.objects.live(), operator=operator)
    return [[page.pk for page in results[start : start + 10]] for start in (0, 10, 20)]


def counts(backend, query, operator):
    results = backend.search(
        query, Page.objects.live(), operator=operator, order_by_relevance=False
    )
    return dict(results.facet("content_type_id")), results.count()


@pytest.fixture
def stock_weighting(monkeypatch, sqlite_backend):
    """Our SQLite backend with Wagtail's weighting and exact words: bm25() weighs every column
    alike, and a word matches only itself."""
    monkeypatch.setattr(
        sqlite_backend, "COLUMN_WEIGHTS", dict.fromkeys(sqlite_backend.COLUMN_WEIGHTS, 1.0)
    )
    monkeypatch.setattr(sqlite_backend.SinglePassQueryCompiler, "match_inflections", False)
    sqlite_backend.bm25_weights.cache_clear()
    yield
    sqlite_backend.bm25_weights.cache_clear()


@on_sqlite
@pytest.mark.parametrize("operator", ["and", "or"])
@pytest.mark.parametrize(
    "query", ["worry", "worry sleep", "restless evenings", "the notes for evenings", "zebra"]
)
def test_sqlite_single_pass_ranking_equals_the_stock_backend(
    worry_articles, stock_weighting, query, operator
):
    """Ranking every match in one pass is an optimisation: with the stock weighting, every
    slice and count is what Wagtail's own SQLite backend gives."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    ours, stock = get_search_backend(), SQLiteSearchBackend({})
    assert type(ours).__module__ == "search.backends.sqlite"
    assert slices(ours, query, operator) == slices(stock, query, operator)
    assert counts(ours, query, operator) == counts(stock, query, operator)


@on_sqlite
@pytest.mark.parametrize("query", ["worry", "worry sleep", "restless evenings", "notes"])
def test_sqlite_finds_what_the_stock_backend_finds_and_titles_count_more(worry_articles, query):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    ours, stock = get_search_backend(), SQLiteSearchBackend({})
    found = {page.pk for page in ours.search(query, Page.objects.live())}
    assert {page.pk for page in stock.search(query, Page.objects.live())} <= found
    if query == "worry":
        top = [page.title for page in ours.search(query, Page.objects.live())[:5]]
        assert all(title.startswith("Worry") for title in top)


@on_sqlite
def test_sqlite_matches_other_forms_of_a_word(article_index):
    attack = ArticlePageFactory(
        parent=article_index, title="During an attack", body=paragraphs("x")
    )
    anxieties = ArticlePageFactory(
        parent=article_index, title="Old anxieties", body=paragraphs("x")
    )
    backend = get_search_backend()
    assert [page.pk for page in backend.search("attacks", Page.objects.live())] == [attack.pk]
    assert [page.pk for page in backend.search("anxiety", Page.objects.live())] == [anxieties.pk]


@on_sqlite
def test_the_weighted_columns_are_the_index_tables_columns(db, sqlite_backend):
    from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry

    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA table_info({SQLiteFTSIndexEntry._meta.db_table})")
        columns = [row[1] for row in cursor.fetchall()]
    assert sorted(columns) == sorted(sqlite_backend.COLUMN_WEIGHTS)
    weights = sqlite_backend.bm25_weights(connection.alias).split(", ")
    title = columns.index("title")
    assert float(weights[title]) == sqlite_backend.COLUMN_WEIGHTS["title"]


@on_sqlite
def test_a_changed_index_table_stops_ranking_loudly(worry_articles, monkeypatch, sqlite_backend):
    """Had an upgrade renamed or added a column, bm25()'s positional weights would weight the
    wrong one: ranking refuses instead."""
    renamed = {"autocomplete": 0.0, "content": 1.0, "title": 5.0}
    monkeypatch.setattr(sqlite_backend, "COLUMN_WEIGHTS", renamed)
    sqlite_backend.bm25_weights.cache_clear()
    try:
        with pytest.raises(ImproperlyConfigured, match="COLUMN_WEIGHTS"):
            list(get_search_backend().search("worry", Page.objects.live())[:10])
    finally:
        sqlite_backend.bm25_weights.cache_clear()


@pytest.mark.parametrize("operator", ["and", "or"])
@pytest.mark.parametrize("query", ["worry", "worry sleep", "restless evenings", "zebra"])
def test_ranked_matches_are_the_backends_order_and_counts_in_one_query(
    worry_articles, query, operator, django_assert_num_queries
):
    """A visitor's search counts its matches by type and takes any page of results from one
    ranked list (search/results.py): it is the backend's ranked results and facet counts,
    read in a single query however many pages match."""
    backend = get_search_backend()
    pages = Page.objects.live()
    results = backend.search(query, pages, operator=operator)
    results.ranked_matches()  # reads the content types and the index table's columns once
    with django_assert_num_queries(1):
        ranked = results.ranked_matches()
    assert [key for key, _ in ranked] == [page.pk for page in results[:100]]
    facet = backend.search(query, pages, operator=operator, order_by_relevance=False).facet(
        "content_type_id"
    )
    assert dict(Counter(content_type_id for _, content_type_id in ranked)) == dict(facet)


def test_autocomplete_is_left_to_the_stock_ranking(worry_articles):
    """Autocomplete (a visitor's last resort, "ander" for "Anderson") has no one-pass ranking:
    the search counts and pages through the backend's own results instead."""
    results = get_search_backend().autocomplete("wor", Page.objects.live())
    assert results.ranked_matches() is None
    assert len(list(results[:10])) == 5


def test_the_index_entry_has_the_columns_ranking_reads(db):
    """Both backends read these columns of the index entries by name."""
    index_entry = get_app_config().get_model("IndexEntry")
    names = {field.name for field in index_entry._meta.get_fields()}
    assert {"title", "body", "autocomplete", "content_type", "object_id"} <= names
    if connection.vendor == "postgresql":
        assert "title_norm" in names


# Admin searches: autocomplete through the configured backend


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def test_admin_image_search(admin_client):
    ImageFactory(title="Lighthouse at dusk")
    ImageFactory(title="Quiet garden bench")
    html = admin_client.get(reverse("wagtailimages:index"), {"q": "lighthouse"}).content.decode()
    assert "Lighthouse at dusk" in html
    assert "Quiet garden bench" not in html
    partial = admin_client.get(reverse("wagtailimages:index"), {"q": "garde"}).content.decode()
    assert "Quiet garden bench" in partial


def test_admin_document_search(admin_client):
    for title in ("Intake questionnaire", "Sliding scale policy"):
        Document.objects.create(title=title, file=ContentFile(b"text", name=f"{title}.txt"))
    html = admin_client.get(reverse("wagtaildocs:index"), {"q": "intake"}).content.decode()
    assert "Intake questionnaire" in html
    assert "Sliding scale policy" not in html


def test_admin_page_search(admin_client, service_index):
    ServicePageFactory(parent=service_index, title="Lighthouse skills group")
    ServicePageFactory(parent=service_index, title="Evening support group")
    html = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "lighth"}).content.decode()
    assert "Lighthouse skills group" in html
    assert "Evening support group" not in html


@pytest.mark.parametrize(
    ("url_name", "query", "found", "not_found"),
    [
        ("wagtailsnippets_search_crisisterm:list", "overdose", "overdosed", "kill myself"),
        ("wagtailsnippets_search_searchsynonym:list", "ptsd", "ptsd, trauma", "kids, kid"),
    ],
)
def test_admin_snippet_search(admin_client, url_name, query, found, not_found):
    html = admin_client.get(reverse(url_name), {"q": query}).content.decode()
    assert found in html
    assert not_found not in html
