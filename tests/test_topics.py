"""Topic pages are real pages: /articles/topics/<slug>/ has its own title, description,
canonical URL, breadcrumb, JSON-LD and feeds; paginated listings are canonical to themselves;
old ?topic= links redirect; every link to a topic goes to its page; the sitemap lists them."""

import datetime
import json
import xml.etree.ElementTree as ET
from types import SimpleNamespace

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticleIndexPage, ArticlePage, ArticleTopic
from home.demo.site import TOPICS as DEMO_TOPICS
from home.models import HomePage
from services.models import ServicePage

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleTopicFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    publish_as_reviewed,
)
from .sitemaps import sitemap_entries

ROOT_URL = "http://127.0.0.1:8000"
SITE_NAME = "Riverbend Counseling Collective"
ANXIETY_DESCRIPTION = (
    "Worry, panic and the what-ifs: what anxiety is, why it sticks, and steps that help."
)


@pytest.fixture(scope="module")
def listing_keys(module_db) -> dict:
    """Twelve articles about anxiety (two pages), one about sleep, one topic in drafts only, on
    the site at its public address, built once per module (see `module_db`): primary keys."""
    with module_db.unblock():
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port, site.site_name = "127.0.0.1", 8000, SITE_NAME
        site.save()
        home_page = HomePage.objects.get()
        article_index = ArticleIndexPageFactory(parent=home_page)
        service_index = ServiceIndexPageFactory(parent=home_page)
        anxiety = ArticleTopicFactory(name="Anxiety", description=ANXIETY_DESCRIPTION)
        sleep = ArticleTopicFactory(name="Sleep")
        drafts_only = ArticleTopicFactory(name="Grief")
        cbt = ServicePageFactory(parent=service_index, title="CBT")
        anxiety_articles = [
            ArticlePageFactory(
                parent=article_index,
                topics=[anxiety],
                first_published=datetime.date(2025, 1, 1) + datetime.timedelta(days=day),
            )
            for day in range(12)
        ]
        sleep_article = ArticlePageFactory(
            parent=article_index,
            title="Settling at night",
            topics=[sleep],
            related_services=[cbt],
        )
        ArticlePageFactory(parent=article_index, live=False, topics=[drafts_only])
        return {
            "index": article_index.pk,
            "topics": {"anxiety": anxiety.pk, "sleep": sleep.pk, "drafts_only": drafts_only.pk},
            "cbt": cbt.pk,
            "anxiety_articles": [article.pk for article in reversed(anxiety_articles)],
            "sleep_article": sleep_article.pk,
        }


@pytest.fixture
def listing(listing_keys, db):
    """Fresh instances of the module's pages and topics (a test may change them)."""
    index = ArticleIndexPage.objects.get(pk=listing_keys["index"])
    topics = ArticleTopic.objects.in_bulk(listing_keys["topics"].values())
    articles = ArticlePage.objects.in_bulk(
        [*listing_keys["anxiety_articles"], listing_keys["sleep_article"]]
    )
    return SimpleNamespace(
        index=index,
        **{key: topics[pk] for key, pk in listing_keys["topics"].items()},
        cbt=ServicePage.objects.get(pk=listing_keys["cbt"]),
        anxiety_articles=[articles[pk] for pk in listing_keys["anxiety_articles"]],  # newest first
        sleep_article=articles[listing_keys["sleep_article"]],
        anxiety_url=f"{index.url}topics/anxiety/",
        sleep_url=f"{index.url}topics/sleep/",
    )


@pytest.fixture
def without_listing(db):
    """The site as the migrations left it: the module's pages and topics, when a test before
    has built them, are deleted for this test only (its savepoint rolls the deletion back)."""
    for page in HomePage.objects.get().get_children():
        page.delete()
    ArticleTopic.objects.all().delete()


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def head_of(soup):
    """What crawlers read: title, description, canonical and the JSON-LD graph."""
    (script,) = soup.find_all("script", type="application/ld+json")
    return SimpleNamespace(
        title=soup.title.string,
        description=soup.find("meta", attrs={"name": "description"})["content"],
        canonical=soup.find("link", rel="canonical")["href"],
        og_url=soup.find("meta", property="og:url")["content"],
        graph=json.loads(script.string)["@graph"],
        feeds={
            link["href"]
            for link in soup.head.find_all("link", rel="alternate")
            if link.get("type", "").endswith("+xml")
        },
    )


def node(graph, schema_type):
    (found,) = [item for item in graph if item["@type"] == schema_type]
    return found


def test_a_topic_page_lists_its_articles_under_its_own_heading(client, listing):
    response = client.get(listing.anxiety_url)

    soup = soup_of(response)
    assert list(response.context["articles"]) == listing.anxiety_articles[:10]
    assert soup.h1.get_text(strip=True) == "Articles about Anxiety"
    assert ANXIETY_DESCRIPTION in soup.find(class_="lede").get_text()
    assert listing.sleep_article.title not in response.content.decode()
    current = soup.find("nav", class_="topic-filter").find(attrs={"aria-current": "page"})
    assert current.get_text() == "Anxiety"


def test_a_topic_page_has_its_own_title_description_and_canonical(client, listing):
    index = head_of(soup_of(client.get(listing.index.url)))
    topic = head_of(soup_of(client.get(listing.anxiety_url)))
    generated = head_of(soup_of(client.get(listing.sleep_url)))

    assert topic.title == f"Articles about Anxiety | {SITE_NAME}"
    assert topic.description == ANXIETY_DESCRIPTION
    assert topic.canonical == topic.og_url == f"{ROOT_URL}{listing.anxiety_url}"
    # A topic without a description of its own gets a sentence made from its name.
    assert generated.description.startswith("Articles about Sleep, written and reviewed")
    assert 50 <= len(generated.description) <= 160
    for page in (topic, generated):
        assert page.title != index.title
        assert page.description != index.description
        assert page.canonical != index.canonical


def test_a_topic_page_has_a_breadcrumb_and_describes_itself_as_a_collection(client, listing):
    soup = soup_of(client.get(listing.anxiety_url))
    graph = head_of(soup).graph

    crumbs = soup.find("nav", class_="breadcrumbs")
    assert [a["href"] for a in crumbs.find_all("a")] == ["/", listing.index.url]
    assert crumbs.find(attrs={"aria-current": "page"}).get_text() == "Articles about Anxiety"
    page = node(graph, "CollectionPage")
    assert page["@id"] == page["url"] == f"{ROOT_URL}{listing.anxiety_url}"
    assert page["name"] == "Articles about Anxiety"
    assert page["description"] == ANXIETY_DESCRIPTION
    trail = node(graph, "BreadcrumbList")
    assert page["breadcrumb"] == {"@id": trail["@id"]}
    assert [(item["name"], item["item"]) for item in trail["itemListElement"]] == [
        ("Home", f"{ROOT_URL}/"),
        (listing.index.title, f"{ROOT_URL}{listing.index.url}"),
        ("Articles about Anxiety", f"{ROOT_URL}{listing.anxiety_url}"),
    ]


def test_a_topic_page_offers_its_own_feeds(client, listing):
    feeds = head_of(soup_of(client.get(listing.anxiety_url))).feeds

    assert feeds == {
        "/feeds/articles.rss",
        "/feeds/articles.atom",
        f"{listing.anxiety_url}feed/",
        f"{listing.anxiety_url}feed/atom/",
    }


def test_a_topic_feed_lists_the_topics_articles_and_links_its_page(client, listing):
    response = client.get(f"{listing.anxiety_url}feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own response
    assert channel.findtext("link") == f"{ROOT_URL}{listing.anxiety_url}"
    assert channel.findtext("description") == ANXIETY_DESCRIPTION
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == [article.title for article in listing.anxiety_articles]


@pytest.mark.parametrize(
    "path",
    ["topics/no-such-topic/", "topics/grief/", "topics/no-such-topic/feed/", "topics/"],
    ids=["unknown", "only-drafts", "unknown-feed", "no-slug"],
)
def test_a_topic_without_live_articles_has_no_page(client, listing, path):
    assert client.get(f"{listing.index.url}{path}").status_code == 404


@pytest.mark.parametrize("listing_url", ["index", "topic"])
def test_paginated_listings_are_canonical_to_themselves(client, listing, listing_url):
    url = listing.index.url if listing_url == "index" else listing.anxiety_url
    page_one = head_of(soup_of(client.get(url)))
    explicit_one = head_of(soup_of(client.get(url, {"page": 1})))
    not_a_number = head_of(soup_of(client.get(url, {"page": "abc"})))
    page_two = head_of(soup_of(client.get(url, {"page": 2})))
    past_the_end = head_of(soup_of(client.get(url, {"page": 99})))

    assert page_one.canonical == explicit_one.canonical == not_a_number.canonical
    assert page_one.canonical == f"{ROOT_URL}{url}"
    assert page_two.canonical == past_the_end.canonical == f"{ROOT_URL}{url}?page=2"
    assert page_two.title != page_one.title
    assert ", page 2" in page_two.title
    assert node(page_two.graph, "CollectionPage")["@id"] == f"{ROOT_URL}{url}?page=2"


def test_pagination_links_page_one_without_a_page_number(client, listing):
    index_two = soup_of(client.get(listing.index.url, {"page": 2}))
    filtered_two = soup_of(client.get(listing.anxiety_url, {"page": 2, "service": "x"}))

    def links(soup):
        return [a["href"] for a in soup.find("nav", class_="pagination").find_all("a")]

    assert links(index_two) == [listing.index.url, listing.index.url, "?page=2"]
    # Previous, 1, 2: other parameters are kept, page 1 has no ?page=1.
    assert links(filtered_two) == ["?service=x", "?service=x", "?page=2&service=x"]


def test_a_service_filter_is_not_a_page_of_its_own(client, listing):
    """A topic page filtered by service is a view of the topic page, canonical to it."""
    filtered = head_of(soup_of(client.get(listing.anxiety_url, {"service": listing.cbt.slug})))

    assert filtered.canonical == f"{ROOT_URL}{listing.anxiety_url}"


def test_every_link_to_a_topic_goes_to_its_page(client, listing):
    article = listing.anxiety_articles[0]
    article_page = client.get(article.url).content.decode()
    index_page = client.get(listing.index.url).content.decode()

    assert f'<a href="{listing.anxiety_url}">Anxiety</a>' in article_page
    assert f'href="{listing.anxiety_url}"' in index_page
    assert f'href="{listing.sleep_url}"' in index_page
    assert "?topic=" not in article_page + index_page


def test_search_suggestions_link_topic_pages(client, listing):
    html = client.get("/search/").content.decode()

    assert f'href="{listing.anxiety_url}"' in html
    assert "?topic=" not in html


def test_the_sitemap_lists_the_topic_pages(client, listing):
    for article in listing.anxiety_articles[3:5]:
        publish_as_reviewed(article)

    entries = sitemap_entries(client)
    assert f"{ROOT_URL}{listing.anxiety_url}" in entries
    assert f"{ROOT_URL}{listing.sleep_url}" in entries
    assert f"{ROOT_URL}{listing.index.url}topics/grief/" not in entries
    newest = max(article.last_published_at for article in listing.anxiety_articles[3:5])
    # A date in the site's time zone, which may not be the UTC date.
    assert entries[f"{ROOT_URL}{listing.anxiety_url}"] == timezone.localdate(newest).isoformat()


def test_demo_topic_urls_no_longer_repeat_the_index(client, without_listing):
    """The demo site's topics: once addresses of the index (?topic=) with its title,
    description and canonical (the 17 topic links on the demo site led to them), now pages of
    their own, each unlike the others and unlike the index."""
    with override_settings(DEBUG=True):  # the command refuses to run in production
        call_command("load_demo_content", verbosity=0)
    index = ArticleIndexPage.objects.live().get()
    topics = list(ArticleTopic.objects.in_use())
    assert len(topics) == len(DEMO_TOPICS)

    index_head = head_of(soup_of(client.get(index.url)))
    seen = {(index_head.title, index_head.description, index_head.canonical)}
    for topic in topics:
        old = client.get(index.url, {"topic": topic.slug})
        assert old.status_code == 301
        assert old["Location"] == f"{index.url}topics/{topic.slug}/"
        head = head_of(soup_of(client.get(old["Location"])))
        assert head.canonical == f"{Site.objects.get().root_url}{old['Location']}"
        assert 10 <= len(head.title) <= 65
        assert 50 <= len(head.description) <= 160
        for earlier in seen:
            assert head.title != earlier[0]
            assert head.description != earlier[1]
            assert head.canonical != earlier[2]
        seen.add((head.title, head.description, head.canonical))
    assert len(seen) == len(topics) + 1
