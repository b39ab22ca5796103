"""Matching and ranking at /search/, result types with their counts, and pagination."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from practice.cache import bump_generation

from ..factories import ArticlePageFactory
from .results import result_urls, search

# Matching and ranking


def test_title_match_outranks_body_only_match(client, practice):
    urls = result_urls(search(client, q="panic attacks"))
    assert urls.index(practice["panic"].url) < urls.index(practice["mornings"].url)


def test_streamfield_text_is_found(client, practice):
    assert result_urls(search(client, q="lighthouse")) == [practice["guilt"].url]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mom guilt", "guilt"),
        ("IFS", "ifs"),
        ("falling short", "guilt"),  # summary
        ("parenting", "guilt"),  # topic
        ("perinatal", "therapist"),  # specialty
        ("PMH-C", "therapist"),  # credentials
        ("Dana Anderson", "therapist"),  # a therapist's name
        ("ander", "therapist"),  # the start of a name
    ],
)
def test_visitors_find_the_right_page_first(client, practice, query, expected):
    assert result_urls(search(client, q=query))[0] == practice[expected].url


def test_author_name_finds_their_articles(client, practice):
    assert practice["guilt"].url in result_urls(search(client, q="Anderson", type="article"))


def test_any_word_is_enough_when_no_page_has_them_all(client, practice):
    response = search(client, q="panic zebra")
    assert practice["panic"].url in result_urls(response)
    assert "contain some of them" in response.content.decode()


def test_everyday_little_words_do_not_decide_the_match(client, practice):
    """On every database, "how do I ..." finds the pages with the words that matter, as all
    words, rather than falling back to any word and matching everything with "I" or "do"."""
    response = search(client, q="What are panic attacks, and why do I have them?")
    html = response.content.decode()
    assert result_urls(response)[0] == practice["panic"].url
    assert "contain some of them" not in html
    assert "2 results" in html  # the two pages about panic attacks, nothing with only "I" or "do"


# Types, counts and pagination


def test_results_show_type_summary_and_url(client, practice):
    html = search(client, q="anderson").content.decode()
    assert '<p class="search-result__type">Therapist</p>' in html
    assert "I work with new parents" in html
    assert f'<p class="search-result__url">{practice["therapist"].url}</p>' in html


def test_type_filter_with_counts(client, practice):
    html = search(client, q="anderson").content.decode()
    assert "All results (2)" in html
    assert "Articles (1)" in html
    assert "Therapists (1)" in html
    assert "Services (" not in html

    response = search(client, q="anderson", type="therapist")
    assert result_urls(response) == [practice["therapist"].url]
    assert 'aria-current="page">Therapists (1)' in response.content.decode()


def test_type_filter_without_matches_links_back_to_all(client, practice):
    html = search(client, q="lighthouse", type="service").content.decode()
    assert "No services match." in html
    assert 'href="?q=lighthouse">See all 1 result' in html


def test_pagination_ten_per_page_with_total(client, article_index):
    for number in range(23):
        ArticlePageFactory(parent=article_index, title=f"Sleep and worry, note {number}")

    first = search(client, q="sleep")
    assert len(result_urls(first)) == 10
    assert "23 results, showing 1–10." in first.content.decode()
    assert 'href="?q=sleep&amp;page=2" rel="next"' in first.content.decode()

    last = search(client, q="sleep", page="3")
    assert len(result_urls(last)) == 3
    assert "showing 21–23" in last.content.decode()
    assert not set(result_urls(first)) & set(result_urls(last))


def test_query_count_does_not_grow_with_results(
    client, practice, article_index, django_assert_max_num_queries
):
    for number in range(12):
        ArticlePageFactory(parent=article_index, title=f"Anderson on worry, part {number}")
    search(client, q="worry")  # warm the content type and site caches, not this search
    # Each search also reads the synonyms, and the subjects (topics, specialties, client
    # groups) of its first results, which it ranks by intent: a fixed number of queries
    # (the page base reads the practice settings and its telehealth states).
    with django_assert_max_num_queries(21):
        search(client, q="anderson", type="article", page="2")
    with django_assert_max_num_queries(22):  # and the therapists' credential letters
        search(client, q="anderson")
    with django_assert_max_num_queries(31):  # three ways of matching, then the suggestions
        search(client, q="xylophone zither")


def test_a_search_matches_once_whatever_the_number_of_matches(client, practice, article_index):
    """The type counts and every page of results come from one full-text query (the slow part
    of a search on a large site), and a search that matches thirty pages runs the same queries
    as one that matches three."""
    for number in range(30):
        ArticlePageFactory(parent=article_index, title=f"Harbour walks, note {number}")
    for number in range(3):
        ArticlePageFactory(parent=article_index, title=f"Quarry walks, note {number}")

    def queries(**params) -> list[str]:
        search(client, **params)  # warms the content types, the site and the search's record
        bump_generation()  # as after a publish: the search's cached results are forgotten
        with CaptureQueriesContext(connection) as captured:
            search(client, **params)
        return [query["sql"] for query in captured]

    search(client, q="walks")  # the site's settings, read once the new pages are published
    few, many = queries(q="quarry"), queries(q="harbour")
    assert len(few) == len(many)
    later_page = queries(q="harbour", type="article", page="3")
    assert len(later_page) <= len(many)
    for sqls in (few, many, later_page):
        assert sum("wagtailsearch_indexentry" in sql for sql in sqls) == 1


def test_the_same_search_again_reuses_its_results_until_the_site_changes(
    client, practice, article_index
):
    ArticlePageFactory(parent=article_index, title="Harbour walks at dawn")
    search(client, q="walks")  # the site's settings, read once the new page is published
    assert result_urls(search(client, q="harbour"))

    with CaptureQueriesContext(connection) as captured:
        again = search(client, q="harbour")
    assert not [query for query in captured if "wagtailsearch_indexentry" in query["sql"]]
    assert len(result_urls(again)) == 1

    ArticlePageFactory(parent=article_index, title="Harbour walks at dusk")

    assert len(result_urls(search(client, q="harbour"))) == 2
