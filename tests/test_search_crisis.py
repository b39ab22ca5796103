"""Crisis searches: detection over inflections and phrasings (and not over everyday words), and
a response that only helps: the crisis resources first and large, then pages about crisis and
coping and how to reach the practice; no spelling hint, no partial matches, no record."""

import re

from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query

import pytest

from search.models import CrisisTerm

from .factories import ArticlePageFactory, ArticleTopicFactory, StandardPageFactory

SEARCH_URL = reverse("search")
RESULT_LINK = re.compile(r'class="search-result__title"><a href="([^"]*)">')

CRISIS_QUERIES = [
    "suicide",
    "suicidal",
    "Suicidal thoughts",
    "feeling suicidal at night",
    "suicides",
    "I want to kill myself",
    "killing myself",
    "thinking about killing myself",
    "i want to die",
    "wanting to die",
    "I just want to die",
    "wanna die",
    "end it all",
    "ending it all",
    "I want to end my life",
    "ending my life",
    "how to take my own life",
    "self harm",
    "self-harm",
    "Self-Harming",
    "selfharm",
    "self injury",
    "hurting myself",
    "i hurt myself",
    "cutting",
    "cutting myself",
    "i cut myself",
    "overdose",
    "overdosed",
    "overdosing on pills",
    "od",
    "how many pills to od",
    "better off dead",
    "no reason to live",
    "I don't want to live anymore",
    "dont want to live",
    "I can't go on",
    "cant go on like this",
    "wish i was dead",
    "unalive",
    "kms",
    "die",
    "crisis",
    "hang myself",
]

ORDINARY_QUERIES = [
    "odd thoughts",
    "methods of therapy",
    "body image",
    "cutting back on coffee",
    "cutting costs",
    "overdue bill",
    "overdue",
    "diet and mood",
    "die-hard perfectionism",
    "end of the school year",
    "how to end a relationship kindly",
    "self-esteem",
    "self care",
    "self compassion",
    "killing time before bed",
    "harm reduction",
    "hurt feelings",
    "my dog died",
    "dying parent",
    "death of a parent",
    "grief after a loss",
    "end of life planning",
    "panic attacks",
    "anxiety",
    "trauma",
    "ocd",
    "depression",
    "studies",
    "goodbye",
    "odyssey",
    "codependency",
    "mood swings",
    "body",
    "oddly tired",
    "kids",
    "live music therapy",
    "living with adhd",
    "life transitions",
    "alive and well",
    "myself",
    "want to feel better",
    "take my mind off things",
    "insurance",
]


def test_enough_phrasings_are_tested():
    assert len(CRISIS_QUERIES) >= 40
    assert len(ORDINARY_QUERIES) >= 40


@pytest.mark.parametrize("query", CRISIS_QUERIES)
def test_crisis_phrasings_are_recognised(db, query):
    assert CrisisTerm.matches_or_nearly(query)


@pytest.mark.parametrize("query", ORDINARY_QUERIES)
def test_everyday_searches_are_not_crisis_searches(db, query):
    assert not CrisisTerm.matches_or_nearly(query)


def test_a_whole_search_term_counts_only_alone(db):
    CrisisTerm.objects.create(phrase="jump", whole_search=True)
    assert CrisisTerm.matches("Jump!")
    assert not CrisisTerm.matches("jump rope")


@pytest.fixture
def helpful_pages(home_page, article_index):
    coping = ArticleTopicFactory(name="Coping")
    grounding = ArticlePageFactory(
        parent=article_index,
        title="Grounding when everything feels too much",
        summary="Five ways to come back to the present.",
    )
    topic_article = ArticlePageFactory(
        parent=article_index, title="Riding out a hard evening", summary="Small steps."
    )
    topic_article.topics.add(coping)
    topic_article.save()
    crisis_page = StandardPageFactory(
        parent=home_page, title="Crisis resources", summary="Help right now."
    )
    unrelated = ArticlePageFactory(
        parent=article_index,
        title="Choosing a therapist",
        summary="What to ask at a first appointment.",
        body='[{"type": "paragraph", "value": "<p>Kill time in the waiting room. Crisis '
        'plans and coping come later.</p>"}]',
    )
    return {
        "crisis": crisis_page,
        "grounding": grounding,
        "topic": topic_article,
        "unrelated": unrelated,
    }


def test_crisis_response_comes_first_with_every_way_to_get_help(
    client, helpful_pages, practice_settings
):
    html = client.get(SEARCH_URL, {"q": "I want to kill myself"}).content.decode()
    main = html.split("<main", 1)[1]
    response = main[main.index('class="crisis-banner search-crisis"') :]
    assert main.index("search-crisis") < main.index('class="search-form')
    for link in (
        'href="tel:988"',
        'href="sms:988"',
        'href="https://988lifeline.org/chat/"',
        'href="tel:911"',
        'href="tel:+12055550142"',  # the practice, for help that is not urgent
    ):
        assert link in response, link
    assert "not monitored around the clock" in response


def test_crisis_response_lists_only_pages_that_help(client, helpful_pages):
    html = client.get(SEARCH_URL, {"q": "suicidal"}).content.decode()
    urls = RESULT_LINK.findall(html)
    assert urls[0] == helpful_pages["crisis"].url
    assert set(urls) == {
        helpful_pages["crisis"].url,
        helpful_pages["grounding"].url,
        helpful_pages["topic"].url,
    }
    assert helpful_pages["unrelated"].url not in html
    assert "contain some of them" not in html
    assert "Showing results for" not in html
    assert "Nothing on the site matches" not in html


@pytest.mark.parametrize("query", ["suicidle", "overdoze pills", "kill myself zebra", "sucidal"])
def test_misspelt_crisis_searches_get_help_not_a_spelling_hint(client, helpful_pages, query):
    html = client.get(SEARCH_URL, {"q": query}).content.decode()
    assert 'href="sms:988"' in html
    assert "Showing results for" not in html
    assert "contain some of them" not in html
    assert helpful_pages["unrelated"].url not in html
    assert not Query.objects.exists()


def test_crisis_searches_are_never_recorded(client, helpful_pages):
    for query in ("suicidal", "od", "cutting", "self-harm"):
        client.get(SEARCH_URL, {"q": query})
    assert not Query.objects.exists()


def test_crisis_response_without_helpful_pages_still_helps(client, home_page):
    html = client.get(SEARCH_URL, {"q": "overdose"}).content.decode()
    assert 'href="sms:988"' in html
    assert "Pages that may help right now" not in html
