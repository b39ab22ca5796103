"""The visitor search at /search/: matching, ranking, filters, pagination, privacy of drafts and
restricted pages, editors' picks, crisis awareness, query statistics and hostile input."""

import json
import re

from django.core.exceptions import ValidationError
from django.db import OperationalError, connection
from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

import pytest
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

from practice.models import PracticeSettings
from search.forms import MAX_QUERY_LENGTH
from search.models import CrisisTerm

from .factories import (
    ArticlePageFactory,
    ArticleTopicFactory,
    ServicePageFactory,
    SpecialtyFactory,
    StandardPageFactory,
    TherapistPageFactory,
    credentials,
)

RESULT_LINK = re.compile(r'class="search-result__title"><a href="([^"]*)">')
SEARCH_URL = reverse("search")
CRISIS_RESPONSE = 'class="crisis-banner search-crisis"'


def paragraphs(*texts):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts])


def result_urls(response) -> list[str]:
    return RESULT_LINK.findall(response.content.decode())


def search(client, **params):
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 200
    return response


@pytest.fixture
def practice(article_index, service_index, therapist_index):
    """A small site: two services, a therapist and three articles that talk about them."""
    ifs = ServicePageFactory(
        parent=service_index,
        title="Internal Family Systems",
        short_name="IFS",
        summary="A gentle way to understand the parts of you that pull in different directions.",
    )
    cbt = ServicePageFactory(
        parent=service_index,
        title="Cognitive behavioral therapy",
        short_name="CBT",
        summary="Practical tools for changing unhelpful patterns of thought.",
    )
    therapist = TherapistPageFactory(
        parent=therapist_index,
        title="Dana Anderson",
        credentials=credentials("LCSW", "PMH-C"),
        summary="I work with new parents and people living with worry.",
    )
    therapist.specialties.add(SpecialtyFactory(name="Perinatal mood disorders"))
    therapist.services.add(ifs)
    therapist.save()
    parenting = ArticleTopicFactory(name="Parenting")
    guilt = ArticlePageFactory(
        parent=article_index,
        title="Mom guilt: why it shows up and how to ease it",
        summary="Why so many mothers feel they are falling short, and what helps.",
        author=therapist,
        body=json.dumps(
            [
                {"type": "paragraph", "value": "<p>Guilt often follows the mental load.</p>"},
                {
                    "type": "strategies",
                    "value": {
                        "numbered": True,
                        "items": [
                            {
                                "title": "Name the standard",
                                "text": "<p>Picture a lighthouse keeper who rests between storms.</p>",
                            }
                        ],
                    },
                },
            ]
        ),
    )
    guilt.topics.add(parenting)
    guilt.save()
    panic = ArticlePageFactory(
        parent=article_index,
        title="Understanding panic attacks",
        summary="What happens in the body during panic, and how to ride it out.",
        body=paragraphs("Slow breathing can help."),
    )
    mornings = ArticlePageFactory(
        parent=article_index,
        title="Gentler mornings",
        summary="Small routines for a calmer start to the day.",
        body=paragraphs("Some people wake with panic attacks.", "Panic attacks are common."),
    )
    return {
        "ifs": ifs,
        "cbt": cbt,
        "therapist": therapist,
        "guilt": guilt,
        "panic": panic,
        "mornings": mornings,
    }


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
    search(client, q="anderson")  # warm the content type and site caches
    # Each search also reads the synonyms, and the subjects (topics, specialties, client
    # groups) of its first results, which it ranks by intent: a fixed number of queries
    # (the page base reads the practice settings and its telehealth states).
    with django_assert_max_num_queries(21):
        search(client, q="anderson", type="article", page="2")
    with django_assert_max_num_queries(22):  # and the therapists' credential letters
        search(client, q="anderson")
    with django_assert_max_num_queries(31):  # three ways of matching, then the suggestions
        search(client, q="xylophone zither")


# Only live, public pages


def test_drafts_unpublished_and_private_pages_never_appear(client, practice, article_index):
    ArticlePageFactory(parent=article_index, title="Zebra draft", live=False)
    withdrawn = ArticlePageFactory(parent=article_index, title="Zebra withdrawn")
    withdrawn.unpublish()
    private = ArticlePageFactory(parent=article_index, title="Zebra for staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    pending = practice["panic"]
    pending.title = "Zebra pending change"
    pending.save_revision()  # a draft change to a live page: the live title stays searchable

    response = search(client, q="zebra")
    assert result_urls(response) == []
    assert "Nothing on the site matches" in response.content.decode()
    assert result_urls(search(client, q="understanding panic")) == [practice["panic"].url]


def test_pages_below_a_private_page_are_hidden_too(client, home_page):
    members = StandardPageFactory(parent=home_page, title="Members")
    StandardPageFactory(parent=members, title="Zebra handbook")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    assert result_urls(search(client, q="zebra")) == []


# Editors' picks and query statistics


def test_promoted_result_comes_first_and_is_marked(client, practice):
    query = Query.get("mom guilt")
    SearchPromotion.objects.create(
        query=query, page=practice["ifs"], sort_order=0, description="Talk with someone."
    )
    response = search(client, q="Mom  Guilt")
    urls = result_urls(response)
    assert urls[0] == practice["ifs"].url
    assert practice["guilt"].url in urls[1:]
    html = response.content.decode()
    assert html.index("Recommended") < html.index(practice["guilt"].url)
    assert "Talk with someone." in html


def test_promoted_page_that_is_no_longer_live_is_left_out(client, practice):
    SearchPromotion.objects.create(query=Query.get("mom guilt"), page=practice["cbt"], sort_order=0)
    practice["cbt"].unpublish()
    assert practice["cbt"].url not in result_urls(search(client, q="mom guilt"))
    assert "Recommended" not in search(client, q="mom guilt").content.decode()


def test_new_searches_are_recorded_once(client, practice):
    search(client, q="Panic attacks")
    search(client, q="panic attacks", type="article")
    search(client, q="panic attacks", page="2")
    assert Query.objects.get(query_string="panic attacks").hits == 1


def test_search_works_when_the_statistics_cannot_be_written(client, practice, monkeypatch):
    def locked(query, date=None):
        raise OperationalError("database is locked")

    monkeypatch.setattr(Query, "add_hit", locked)
    assert result_urls(search(client, q="lighthouse")) == [practice["guilt"].url]


def test_empty_and_wordless_queries_are_not_recorded(client, practice):
    search(client)
    search(client, q="   ")
    search(client, q="😀")
    assert not Query.objects.exists()


# Crisis awareness


@pytest.mark.parametrize(
    "query", ["suicide", "I want to KILL MYSELF", "self-harm help", "overdose", "can't go on"]
)
def test_crisis_queries_show_resources_first_and_are_never_recorded(client, practice, query):
    html = search(client, q=query).content.decode()
    assert CRISIS_RESPONSE in html
    banner = html[html.index(CRISIS_RESPONSE) :]
    assert 'href="tel:988"' in banner and 'href="tel:911"' in banner
    assert html.index(CRISIS_RESPONSE) < html.index('class="search-form')
    assert not Query.objects.exists()


def test_everyday_queries_have_no_crisis_banner(client, practice):
    for query in ("panic attacks", "cutting back on coffee", "overdue bill"):
        assert CRISIS_RESPONSE not in search(client, q=query).content.decode()


def test_staff_can_add_crisis_terms(client, practice):
    term = CrisisTerm(phrase="  No Way Out!  ")
    term.full_clean()
    term.save()
    assert term.phrase == "no way out"
    assert CRISIS_RESPONSE in search(client, q="there is no way out").content.decode()
    assert not Query.objects.exists()


def test_crisis_terms_are_unique_as_words(db):
    duplicate = CrisisTerm(phrase="Self-Harm")
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    with pytest.raises(ValidationError):
        CrisisTerm(phrase="?!").full_clean()


def test_staff_manage_crisis_terms_in_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(admin)
    response = client.get(reverse("wagtailsnippets_search_crisisterm:list"), {"q": "kill"})
    assert response.status_code == 200
    assert "kill myself" in response.content.decode()
    assert client.get(reverse("wagtailsearchpromotions:search_terms")).status_code == 200


# Empty and no-result states


def test_empty_query_offers_topics_services_and_booking(client, practice, site):
    PracticeSettings.objects.update_or_create(
        site=site,
        defaults={"phone": "(205) 555-0142", "booking_url": "https://example.org/book"},
    )
    html = search(client).content.decode()
    assert "What can we help you find?" in html
    assert ">Parenting</a>" in html
    assert f'href="{practice["ifs"].url}">Internal Family Systems</a> (IFS)' in html
    assert 'href="tel:+12055550142"' in html
    assert 'href="https://example.org/book"' in html


def test_no_results_state_helps(client, practice):
    html = search(client, q="xylophone").content.decode()
    assert "Nothing on the site matches “xylophone”" in html
    assert "Popular topics" in html
    assert "Our services" in html


def test_results_page_is_not_indexed(client, practice):
    for params in ({}, {"q": "panic"}):
        assert '<meta name="robots" content="noindex">' in search(client, **params).content.decode()


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


# The PostgreSQL backend (search/backends/postgres.py) against Wagtail's own

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL search backend"
)


@pytest.fixture
def worry_articles(article_index):
    """Articles that mention worry more or less often, in the title, the body or both."""
    return [
        ArticlePageFactory(
            parent=article_index,
            title=f"Worry, note {number}" if number % 5 == 0 else f"Evening note {number}",
            summary="Notes for restless evenings.",
            body=paragraphs(*(["Worry comes and goes."] * (number % 4) + ["Rest helps sleep."])),
        )
        for number in range(24)
    ]


@on_postgresql
@pytest.mark.parametrize("operator", ["and", "or"])
@pytest.mark.parametrize(
    "query", ["worry", "worry sleep", "restless evenings", "the notes for evenings", "zebra"]
)
def test_postgresql_ranking_and_counts_equal_the_stock_backend(worry_articles, query, operator):
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
