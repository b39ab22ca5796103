"""The anonymous page cache: who is served from it, which headers a CDN sees, and every change
that must make it fresh (practice/cache.py)."""

from django.http import HttpResponse

import pytest

from practice.cache import CACHE_STATUS_HEADER, bump_generation, response_is_cacheable
from practice.sitemaps import PageTypeSitemap
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleTopicFactory,
    publish_as_reviewed,
)

pytestmark = pytest.mark.django_db


def cache_status(response):
    return response.get(CACHE_STATUS_HEADER)


@pytest.fixture
def article(article_index, client):
    page = ArticlePageFactory(parent=article_index, title="Grounding when panic rises")
    # The site's first view may create its settings rows (which, like any settings change,
    # refreshes the cache); the tests start from a settled site with nothing cached.
    client.get(page.url)
    bump_generation()
    return page


def test_anonymous_views_are_served_from_the_cache(client, article, django_assert_num_queries):
    first = client.get(article.url)
    assert first.status_code == 200
    assert cache_status(first) == "miss"

    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert cache_status(second) == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_headers_let_a_cdn_keep_the_page_and_browsers_revalidate(client, article, settings):
    settings.CDN_CACHE_SECONDS = 120
    response = client.get(article.url)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=0", "s-maxage=120"}
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert "Set-Cookie" not in response


@pytest.mark.parametrize("validator", ["etag", "last-modified"])
def test_unchanged_pages_answer_304(client, article, validator):
    first = client.get(article.url)
    headers = (
        {"HTTP_IF_NONE_MATCH": first["ETag"]}
        if validator == "etag"
        else {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]}
    )
    again = client.get(article.url, **headers)
    assert again.status_code == 304
    assert again.content == b""


def test_logged_in_staff_are_never_served_from_the_cache(client, article, django_user_model):
    client.get(article.url)  # cached for visitors
    editor = django_user_model.objects.create_user("editor", password="a-long-passphrase")
    client.force_login(editor)

    response = client.get(article.url)

    assert response.status_code == 200
    assert cache_status(response) is None
    assert "private" in response["Cache-Control"]


def test_previews_are_not_cached(client, article):
    """Wagtail renders previews through the middleware, on a dummy request for the page's
    public URL: it must neither read the visitors' copy nor store the draft for them."""
    client.get(article.url)  # the visitors' copy is cached
    article.title = "A preview-only title"

    preview = article.make_preview_request()

    assert b"A preview-only title" in preview.content
    assert cache_status(preview) is None
    public = client.get(article.url)
    assert cache_status(public) == "hit"
    assert b"A preview-only title" not in public.content


def test_responses_with_a_csrf_token_or_private_are_not_cached(rf):
    request = rf.get("/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True

    assert not response_is_cacheable(request, HttpResponse("<form>"))
    assert response_is_cacheable(rf.get("/"), HttpResponse("<p>"))
    private = HttpResponse("<p>")
    private["Cache-Control"] = "private"
    assert not response_is_cacheable(rf.get("/"), private)


def test_search_and_health_are_not_cached(client, home_page):
    assert cache_status(client.get("/search/?q=anxiety")) is None
    assert cache_status(client.get("/healthz")) is None


def test_publishing_refreshes_the_page_and_the_listings(client, article, article_index, home_page):
    client.get(article.url)
    client.get(article_index.url)

    article.title = "Grounding when panic rises, revised"
    publish_as_reviewed(article)

    response = client.get(article.url)
    assert cache_status(response) == "miss"
    assert b"Grounding when panic rises, revised" in response.content
    listing = client.get(article_index.url)
    assert cache_status(listing) == "miss"
    assert b"Grounding when panic rises, revised" in listing.content


def test_unpublishing_removes_the_page_at_once(client, article, article_index):
    assert client.get(article.url).status_code == 200
    client.get(article_index.url)

    article.unpublish()

    assert client.get(article.url).status_code == 404
    assert b"Grounding when panic rises" not in client.get(article_index.url).content


def test_moving_a_page_refreshes_the_listings(client, article, article_index, home_page):
    other_index = ArticleIndexPageFactory(parent=home_page, title="Guides", slug="guides")
    old_url = article.url
    client.get(old_url)
    client.get(other_index.url)

    article.move(other_index, pos="last-child")

    assert client.get(old_url).status_code in (301, 404)
    assert b"Grounding when panic rises" in client.get(other_index.url).content


def test_deleting_a_page_removes_it(client, article, article_index):
    url = article.url
    client.get(url)
    client.get(article_index.url)

    article.delete()

    assert client.get(url).status_code == 404
    assert b"Grounding when panic rises" not in client.get(article_index.url).content


def test_a_settings_change_shows_on_every_page(client, practice_settings, article):
    assert b"(205) 555-0142" in client.get(article.url).content

    practice_settings.phone = "(205) 555-0199"
    practice_settings.save()

    response = client.get(article.url)
    assert cache_status(response) == "miss"
    assert b"(205) 555-0199" in response.content


def test_a_snippet_change_refreshes_pages(client, article):
    topic = ArticleTopicFactory(name="Panic")
    article.topics.add(topic)
    publish_as_reviewed(article)
    assert b"Panic" in client.get(article.url).content

    topic.name = "Panic attacks"
    topic.save()

    assert b"Panic attacks" in client.get(article.url).content


def test_saving_a_draft_keeps_the_cache(client, article):
    client.get(article.url)
    article.title = "An unpublished draft title"
    article.save_revision()

    response = client.get(article.url)
    assert cache_status(response) == "hit"
    assert b"An unpublished draft title" not in response.content


def test_the_sitemap_is_split_cached_and_refreshed(client, article, article_index, monkeypatch):
    monkeypatch.setattr(PageTypeSitemap, "limit", 1)
    ArticlePageFactory(parent=article_index, title="Sleep and worry")
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-articles.xml?p=2" in index
    assert "/sitemap-pages.xml" in index

    client.get("/sitemap-articles.xml?p=2")
    assert cache_status(client.get("/sitemap-articles.xml?p=2")) == "hit"

    newest = ArticlePageFactory(parent=article_index, title="Breathing for sleep")
    publish_as_reviewed(newest)
    refreshed = client.get("/sitemap-articles.xml?p=3")
    assert cache_status(refreshed) == "miss"
    assert newest.url in refreshed.content.decode()
