"""The articles index: newest first, paginated, filtered by service (topics have pages of their
own, tests/test_topics.py), never a 500."""

import datetime

import pytest

from articles.models import ARTICLES_PER_PAGE, ArticleIndexPage, ArticlePage
from home.models import HomePage

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleTopicFactory,
    ServicePageFactory,
)

# Invalid page numbers and filter values that links, bots and typing produce.
BAD_VALUES = ["abc", "-1", "0", "99999", "1.5", "", "%00", "\x00", "x" * 300]


def listed(response):
    """The articles on the page the visitor sees, in order."""
    assert response.status_code == 200
    return list(response.context["articles"])


def days_ago(days):
    return datetime.date(2025, 6, 30) - datetime.timedelta(days=days)


def test_newest_first(client, article_index):
    middle = ArticlePageFactory(parent=article_index, first_published=days_ago(10))
    newest = ArticlePageFactory(parent=article_index, first_published=days_ago(1))
    oldest = ArticlePageFactory(parent=article_index, first_published=days_ago(100))

    response = client.get(article_index.url)

    assert listed(response) == [newest, middle, oldest]
    html = response.content.decode()
    assert html.index(newest.title) < html.index(middle.title) < html.index(oldest.title)


def test_drafts_are_not_listed(client, article_index):
    published = ArticlePageFactory(parent=article_index)
    draft = ArticlePageFactory(parent=article_index, live=False)

    response = client.get(article_index.url)

    assert listed(response) == [published]
    assert draft.title not in response.content.decode()


@pytest.fixture(scope="module")
def paged_listing(module_db) -> tuple[int, list[int]]:
    """Two and a half pages of articles, newest first, under an index of their own: built
    once for the module (see `module_db`); the keys of the index and the articles."""
    with module_db.unblock():
        index = ArticleIndexPageFactory(parent=HomePage.objects.get(), title="Paged articles")
        count = ARTICLES_PER_PAGE * 2 + 5
        articles = [
            ArticlePageFactory(parent=index, first_published=days_ago(day)) for day in range(count)
        ]
        return index.pk, [article.pk for article in articles]


@pytest.fixture
def paged_index(paged_listing, db):
    return ArticleIndexPage.objects.get(pk=paged_listing[0])


@pytest.fixture
def many_articles(paged_listing, db):
    by_key = ArticlePage.objects.in_bulk(paged_listing[1])
    return [by_key[key] for key in paged_listing[1]]


def test_paginated_ten_per_page(client, paged_index, many_articles):
    assert ARTICLES_PER_PAGE == 10

    first = client.get(paged_index.url)
    third = client.get(paged_index.url, {"page": 3})

    assert listed(first) == many_articles[:10]
    assert listed(third) == many_articles[20:]
    assert 'href="?page=2"' in first.content.decode()


@pytest.mark.parametrize("page", BAD_VALUES)
def test_bad_page_numbers_show_a_page_of_articles(client, paged_index, many_articles, page):
    articles = listed(client.get(paged_index.url, {"page": page}))

    # Django's Paginator.get_page: not a number gives the first page, out of range the last.
    assert articles in (many_articles[:10], many_articles[20:])


@pytest.fixture
def topics_and_services(article_index, service_index):
    parenting = ArticleTopicFactory(name="Parenting")
    anxiety = ArticleTopicFactory(name="Anxiety")
    cbt = ServicePageFactory(parent=service_index, title="Cognitive behavioral therapy")
    emdr = ServicePageFactory(parent=service_index, title="EMDR")
    articles = {
        "parenting_cbt": ArticlePageFactory(
            parent=article_index, topics=[parenting], related_services=[cbt]
        ),
        "anxiety_cbt": ArticlePageFactory(
            parent=article_index, topics=[anxiety], related_services=[cbt]
        ),
        "anxiety_emdr": ArticlePageFactory(
            parent=article_index, topics=[anxiety, parenting], related_services=[emdr]
        ),
        "untagged": ArticlePageFactory(parent=article_index),
    }
    return parenting, cbt, emdr, articles


def test_old_topic_filter_address_redirects_permanently_to_the_topic_page(
    client, article_index, topics_and_services
):
    parenting, _cbt, _emdr, _articles = topics_and_services

    response = client.get(article_index.url, {"topic": parenting.slug})

    assert response.status_code == 301
    assert response["Location"] == f"{article_index.url}topics/{parenting.slug}/"


def test_topic_redirect_keeps_the_other_valid_parameters(
    client, article_index, topics_and_services
):
    parenting, cbt, _emdr, _articles = topics_and_services
    topic_url = f"{article_index.url}topics/{parenting.slug}/"

    kept = client.get(article_index.url, {"topic": parenting.slug, "service": cbt.slug, "page": 2})
    dropped = client.get(
        article_index.url, {"topic": parenting.slug, "service": "no-such-service", "page": "x"}
    )

    assert kept.status_code == dropped.status_code == 301
    assert kept["Location"] == f"{topic_url}?service={cbt.slug}&page=2"
    assert dropped["Location"] == topic_url


def test_filter_by_service(client, article_index, topics_and_services):
    _parenting, cbt, _emdr, articles = topics_and_services

    response = client.get(article_index.url, {"service": cbt.slug})

    assert set(listed(response)) == {articles["parenting_cbt"], articles["anxiety_cbt"]}
    assert f'href="{cbt.url}">Cognitive behavioral therapy</a>' in response.content.decode()


def test_filter_a_topic_page_by_service(client, article_index, topics_and_services):
    parenting, _cbt, emdr, articles = topics_and_services

    response = client.get(f"{article_index.url}topics/{parenting.slug}/", {"service": emdr.slug})

    assert listed(response) == [articles["anxiety_emdr"]]
    html = response.content.decode()
    assert "about <strong>Parenting</strong> and" in html
    assert f'href="{emdr.url}">EMDR</a>' in html


def test_filter_by_an_unpublished_service_is_treated_as_unknown(
    client, article_index, topics_and_services
):
    _parenting, cbt, _emdr, articles = topics_and_services
    cbt.unpublish()

    response = client.get(article_index.url, {"service": cbt.slug})

    assert len(listed(response)) == len(articles)
    assert response.context["article_filter"].ignored_filters == ["service"]


@pytest.mark.parametrize("parameter", ["topic", "service"])
@pytest.mark.parametrize("value", BAD_VALUES[:1] + BAD_VALUES[6:] + ["no-such-slug"])
def test_unknown_filter_shows_a_friendly_message_and_all_articles(
    client, article_index, topics_and_services, parameter, value
):
    *_, articles = topics_and_services

    response = client.get(article_index.url, {parameter: value})

    assert set(listed(response)) == set(articles.values())
    html = response.content.decode()
    assert "We couldn't find that topic or service" in html
    assert f"the {parameter} filter is left out" in html


def test_an_unknown_service_drops_only_that_filter_on_a_topic_page(
    client, article_index, topics_and_services
):
    parenting, *_, articles = topics_and_services

    response = client.get(
        f"{article_index.url}topics/{parenting.slug}/", {"service": "renamed-service"}
    )

    assert set(listed(response)) == {articles["parenting_cbt"], articles["anxiety_emdr"]}
    assert "the service filter is left out" in response.content.decode()


def test_a_stale_topic_drops_that_filter_and_keeps_the_service(
    client, article_index, topics_and_services
):
    """A topic whose articles were all unpublished has no page: the old link is not sent to a
    404 but shows the articles of the service it also asked for, and says so."""
    _parenting, cbt, _emdr, articles = topics_and_services
    unused = ArticleTopicFactory(name="Retired topic")

    response = client.get(article_index.url, {"topic": unused.slug, "service": cbt.slug})

    assert set(listed(response)) == {articles["parenting_cbt"], articles["anxiety_cbt"]}
    html = response.content.decode()
    assert "the topic filter is left out and the others still apply" in html
    assert f'href="{cbt.url}">Cognitive behavioral therapy</a>' in html


def test_topic_list_offers_only_topics_with_live_articles(client, article_index):
    used = ArticleTopicFactory(name="Grief")
    ArticleTopicFactory(name="Unused topic")
    only_in_drafts = ArticleTopicFactory(name="Draft topic")
    ArticlePageFactory(parent=article_index, topics=[used])
    ArticlePageFactory(parent=article_index, live=False, topics=[only_in_drafts])

    response = client.get(article_index.url)

    assert [link.topic for link in response.context["topic_links"]] == [used]
    assert f'href="{article_index.url}topics/{used.slug}/"' in response.content.decode()
    assert "?topic=" not in response.content.decode()
