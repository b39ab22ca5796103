"""What an anonymous page view takes from the shared cache besides fragments (practice/cache.py):
the page its address leads to (`prime_route`), whether any page is private at all
(`any_view_restrictions`), and each page's lists of other pages (cards), read only when their
fragment is missing. Each must follow the change that could alter it at once: a new slug, an
unpublish, a page made private, a newly published article.

The page cache is off unless a test turns it on, so that every response goes through routing
and the templates; a change made behind Wagtail's back (a queryset update, which sends no
signal) shows what was reused."""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from home.models import HomeFeaturedService
from practice.cache import current_generation
from tests.factories import (
    AppointmentRequestPageFactory,
    ArticlePageFactory,
    ArticleTopicFactory,
    ServicePageFactory,
    publish_as_reviewed,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


@pytest.fixture
def article(article_index, practice_settings, client):
    page = ArticlePageFactory(parent=article_index, title="Grounding when panic rises")
    client.get(page.url)  # the site's first view creates settings rows (a new generation)
    return page


def sql_of(client, url) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, [query["sql"] for query in queries.captured_queries]


def test_a_second_view_finds_the_page_without_walking_the_page_tree(client, article):
    client.get(article.url)
    status, statements = sql_of(client, article.url)

    assert status == 200
    assert not [sql for sql in statements if '"wagtailcore_page"."slug"' in sql]
    assert not [sql for sql in statements if "wagtailcore_pageviewrestriction" in sql]


def test_the_route_is_kept_until_the_site_changes(client, article):
    old_url = article.url
    assert client.get(old_url).status_code == 200
    Page.objects.filter(pk=article.pk).update(slug="renamed-quietly")  # no signal
    assert client.get(old_url).status_code == 200  # the kept route

    article.slug = "grounding-in-panic"
    publish_as_reviewed(article)

    assert client.get(old_url).status_code == 404
    assert client.get("/articles/grounding-in-panic/").status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, article):
    assert client.get(article.url).status_code == 200

    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_signed_in_staff_walk_the_page_tree(client, article, editor):
    client.get(article.url)
    client.force_login(editor)

    status, statements = sql_of(client, article.url)

    assert status == 200
    assert [sql for sql in statements if '"wagtailcore_page"."slug"' in sql]


@pytest.mark.parametrize("page_cache_seconds", [0, 3600])
def test_a_page_made_private_is_never_served_from_a_cache(
    client, settings, article, article_index, page_cache_seconds
):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    assert client.get(article.url).status_code == 200
    assert article.title.encode() in client.get(article_index.url).content

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(article.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert article.title.encode() not in client.get(article_index.url).content


def test_a_private_section_is_left_out_of_listings_and_opened_again(client, article, article_index):
    restriction = PageViewRestriction.objects.create(
        page=article_index, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(article.url).status_code == 302
    assert article.title.encode() not in client.get("/").content

    restriction.delete()

    assert client.get(article.url).status_code == 200
    assert article.title.encode() in client.get("/").content


@pytest.fixture
def listings(home_page, article_index, service_index, article):
    """A topic and a service that the article and the listings share, each listing viewed once
    so that its cards are cached."""
    topic = ArticleTopicFactory(name="Panic")
    service = ServicePageFactory(parent=service_index, title="Exposure therapy")
    article.topics = [topic]
    article.related_services = [service]
    publish_as_reviewed(article)
    home_page.featured_services = [HomeFeaturedService(service=service)]
    home_page.save_revision().publish()
    return (
        {
            "home": "/",
            "articles index": article_index.url,
            "topic page": f"{article_index.url}topics/{topic.slug}/",
            "service page": service.url,
            "related articles": article.url,
        },
        topic,
        service,
    )


def test_lists_of_cards_show_a_new_article_once_published(client, listings, article_index):
    urls, topic, service = listings
    for url in urls.values():
        assert client.get(url).status_code == 200
    Page.objects.filter(title="Grounding when panic rises").update(title="Unseen title")

    newest = ArticlePageFactory(parent=article_index, title="Breathing through a panic attack")
    newest.topics = [topic]
    newest.related_services = [service]
    publish_as_reviewed(newest)

    for name, url in urls.items():
        html = client.get(url).content.decode()
        assert "Breathing through a panic attack" in html, name


def test_lists_of_cards_are_reused_until_the_site_changes(client, listings):
    urls, _topic, _service = listings
    for url in urls.values():
        client.get(url)
    Page.objects.filter(title="Exposure therapy").update(title="Unseen title")  # no signal

    for name, url in urls.items():
        if name != "service page":  # its own title comes from the route, kept as found
            assert "Unseen title" not in client.get(url).content.decode(), name


def test_the_booking_button_follows_the_articles_services_once_published(
    client, article, service_index, home_page, practice_settings
):
    practice_settings.booking_url = ""  # the request form, not an external scheduler
    practice_settings.save()
    AppointmentRequestPageFactory(parent=home_page)
    first, second = (
        ServicePageFactory(parent=service_index, title=title) for title in ("EMDR", "CBT")
    )
    article.related_services = [first]
    publish_as_reviewed(article)
    assert f"?service={first.slug}" in client.get(article.url).content.decode()

    article.related_services = [second]
    publish_as_reviewed(article)

    html = client.get(article.url).content.decode()
    assert f"?service={second.slug}" in html
    assert f"?service={first.slug}" not in html


def test_the_sitemap_index_is_reused_until_a_page_is_published(client, article, article_index):
    client.get("/sitemap.xml")
    status, statements = sql_of(client, "/sitemap.xml")
    assert status == 200
    assert statements == []

    newest = ArticlePageFactory(parent=article_index, title="Breathing through a panic attack")

    status, statements = sql_of(client, "/sitemap.xml")
    assert statements  # read again
    assert newest.full_url in client.get("/sitemap-articles.xml").content.decode()


def test_a_deployment_forgets_what_the_cache_holds(client, article):
    """Every deployment runs `migrate`: pages, routes and fragments cached by the code before
    it are not read again."""
    client.get(article.url)
    before = current_generation()

    call_command("migrate", verbosity=0)

    assert current_generation() != before
