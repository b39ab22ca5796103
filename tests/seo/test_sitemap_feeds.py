"""How crawlers and feed readers find the pages: the sitemap, robots.txt and the RSS and Atom
feeds."""

import datetime
import re
from urllib.parse import urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from articles.models import ArticlePage
from practice.sitemaps import PageTypeSitemap

from ..factories import ArticlePageFactory, ArticleTopicFactory, publish_as_reviewed
from ..sitemaps import SITEMAP, parse_xml, sitemap_entries, sitemap_sections
from .markup import ATOM, ROOT_URL, get_soup

# -- Sitemap, robots.txt, feeds -----------------------------------------------------------------


def test_sitemap_lists_exactly_the_live_public_pages(client, pages, article_index):
    draft = ArticlePageFactory(parent=article_index, title="Not ready yet", live=False)
    private = ArticlePageFactory(parent=article_index, title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in Page.objects.live().filter(depth__gt=1).specific():
        if isinstance(page, ArticlePage):  # articles go live only with a clinical review
            publish_as_reviewed(page)
        else:
            page.save_revision().publish()

    sections = sitemap_sections(client)
    assert sorted(urlsplit(url).path for url in sections) == [
        "/sitemap-articles.xml",
        "/sitemap-pages.xml",
    ]
    entries = sitemap_entries(client)
    live = Page.objects.live().filter(depth__gt=1).exclude(pk=private.pk)
    # The articles index's routes: the page of the one topic with live articles.
    topic_pages = {f"{ROOT_URL}{article_index.url}topics/sleep/"}
    assert set(entries) == {f"{ROOT_URL}{page.url}" for page in live} | topic_pages
    assert {f"{ROOT_URL}{page.url}" for page in pages.values()} <= set(entries)
    assert f"{ROOT_URL}{draft.url}" not in entries
    assert f"{ROOT_URL}{private.url}" not in entries
    assert all(re.match(r"\d{4}-\d{2}-\d{2}", lastmod) for lastmod in entries.values())


def test_robots_txt_allows_the_site_and_names_the_sitemap(client, practice_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert f"Sitemap: {ROOT_URL}/sitemap.xml" in lines


@pytest.fixture
def dated_articles(pages, article_index):
    anxiety = ArticleTopicFactory(name="Anxiety")
    newest = ArticlePageFactory(
        parent=article_index, title="Newest", first_published=datetime.date(2025, 6, 1)
    )
    older = ArticlePageFactory(
        parent=article_index, title="Older", first_published=datetime.date(2025, 2, 1)
    )
    older.topics.add(anxiety)
    older.save()
    return {"anxiety": anxiety, "newest": newest, "older": older}


def test_rss_feed_lists_the_newest_articles_first(client, dated_articles):
    response = client.get("/feeds/articles.rss")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Newest",
        "Older",
        "Calming a racing mind at night",
    ]
    newest = items[0]
    assert newest.findtext("link") == f"{ROOT_URL}{dated_articles['newest'].url}"
    assert newest.findtext("pubDate").startswith("Sun, 01 Jun 2025")
    assert channel.findtext("link") == f"{ROOT_URL}{dated_articles['older'].get_parent().url}"
    assert channel.find(f"{ATOM}link").get("href") == f"{ROOT_URL}/feeds/articles.rss"


def test_atom_feed_per_topic(client, dated_articles, article_index):
    topic_page = f"{article_index.url}topics/{dated_articles['anxiety'].slug}/"
    response = client.get(f"{topic_page}feed/atom/")
    assert response.status_code == 200
    feed = parse_xml(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Older"]
    assert entries[0].find(f"{ATOM}link").get("href") == f"{ROOT_URL}{dated_articles['older'].url}"
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == f"{ROOT_URL}{topic_page}"
    assert client.get(f"{article_index.url}topics/no-such-topic/feed/").status_code == 404


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_old_topic_feed_addresses_redirect_permanently(
    client, dated_articles, article_index, feed_format
):
    slug = dated_articles["anxiety"].slug

    response = client.get(f"/feeds/topics/{slug}.{feed_format}")

    assert response.status_code == 301
    new_path = {"rss": "feed/", "atom": "feed/atom/"}[feed_format]
    assert response["Location"] == f"{article_index.url}topics/{slug}/{new_path}"
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/feeds/topics/no-such-topic.{feed_format}").status_code == 404


def test_feeds_are_discoverable_from_the_page_head(client, pages):
    soup = get_soup(client, pages["article"].url)
    feeds = {
        link["href"]: link["type"]
        for link in soup.head.find_all("link", rel="alternate")
        if link.get("type", "").endswith("+xml")
    }
    assert feeds == {
        "/feeds/articles.rss": "application/rss+xml",
        "/feeds/articles.atom": "application/atom+xml",
        "/articles/topics/sleep/feed/": "application/rss+xml",
        "/articles/topics/sleep/feed/atom/": "application/atom+xml",
    }


def test_sitemap_index_dates_each_section_without_loading_its_pages(
    client, pages, article_index, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    newest = max(ArticlePage.objects.live(), key=lambda article: article.last_published_at)
    index = parse_xml(client.get("/sitemap.xml").content)
    articles_section = next(
        entry
        for entry in index.findall(f"{SITEMAP}sitemap")
        if entry.findtext(f"{SITEMAP}loc").endswith("/sitemap-articles.xml")
    )
    lastmod = datetime.datetime.fromisoformat(articles_section.findtext(f"{SITEMAP}lastmod"))
    assert lastmod == newest.last_published_at  # the same instant, in the site's time zone
    with CaptureQueriesContext(connection) as before:
        client.get("/sitemap.xml")
    for number in range(4):
        ArticlePageFactory(parent=article_index, title=f"Another article {number}")
    client.get("/sitemap.xml")  # shared data cached again after the publishing (practice/cache.py)
    with CaptureQueriesContext(connection) as after:
        client.get("/sitemap.xml")
    assert len(after) == len(before)


def test_a_sitemap_section_is_split_into_files_of_limited_size(
    client, pages, article_index, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 0
    listed = [
        ArticlePageFactory(parent=article_index, title=f"Listed article {number}")
        for number in range(3)
    ]
    monkeypatch.setattr(PageTypeSitemap, "limit", 2)
    articles = [url for url in sitemap_sections(client) if "/sitemap-articles.xml" in url]
    assert len(articles) == 2  # four live articles, two per file
    entries = sitemap_entries(client)
    assert {f"{ROOT_URL}{article.url}" for article in [pages["article"], *listed]} <= set(entries)
