"""Hostile and unusual input to search: never a server error, never unescaped."""

import re

import pytest

from search.forms import MAX_QUERY_LENGTH

from .results import SEARCH_URL, result_urls, search

# Hostile and unusual input: never a server error, never unescaped


HOSTILE_QUERIES = [
    "",
    " ",
    "a" * 10_000,
    "panic " * 2_000,
    "😀🙂",
    "anxiety 😀",
    "\x00",
    "panic\x00attacks",
    "\u202eevil",
    "'; DROP TABLE wagtailcore_page; --",
    '" OR 1=1 --',
    '"unbalanced',
    "NEAR(panic attacks)",
    "title:panic",
    "panic*",
    "AND OR NOT",
    "-panic",
    "100%",
    "___",
    "snake_case_words",
    "back\\slash",
    "{title} : panic",
    "<script>alert(1)</script>",
    "'\"><img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_gives_a_helpful_page(client, practice, query):
    html = search(client, q=query).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'name="q"' in html


def test_query_is_escaped_where_it_is_echoed(client, practice):
    html = search(client, q="<b>panic</b>").content.decode()
    assert "<b>panic</b>" not in html
    assert "&lt;b&gt;panic&lt;/b&gt;" in html


def test_long_query_is_truncated(client, practice):
    html = search(client, q="panic " + "x" * 10_000).content.decode()
    value = re.search(r'id="search-page-q"[^>]* value="([^"]*)"', html).group(1)
    assert value.startswith("panic x")
    assert len(value) == MAX_QUERY_LENGTH


def test_repeated_parameters_use_the_last_value(client, practice):
    response = client.get(f"{SEARCH_URL}?q=zebra&q=lighthouse&type=x&type=article&page=1&page=1")
    assert response.status_code == 200
    assert result_urls(response) == [practice["guilt"].url]


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "99999999999999999999", "", "😀"])
def test_any_page_number_gives_results(client, practice, page):
    assert result_urls(search(client, q="panic attacks", page=page))


@pytest.mark.parametrize("result_type", ["", "nonsense", "ARTICLE", "<script>", "\x00", "page"])
def test_any_type_value_gives_a_page(client, practice, result_type):
    html = search(client, q="panic", type=result_type).content.decode()
    assert "<script>" not in html.split("<main", 1)[1]


def test_post_is_not_allowed(client, practice):
    assert client.post(SEARCH_URL, {"q": "panic"}).status_code == 405
