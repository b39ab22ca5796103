"""Pages built from the database reuse shared fragments (practice/cache.py): the Site record and
practice settings, the menu, the header, the footer, the metadata and each page's main
content. Each is served from the cache until a change that could alter it, then rebuilt.

The page cache is off here, so that every response is built by the templates; a change made
behind Wagtail's back (a queryset update, which sends no signal) shows whether a fragment
was reused, and the same change made as editors make it shows that it was then refreshed."""

from wagtail.models import Page

import pytest

from practice.cache import PROXY_EXPIRES_HEADER, bump_generation
from practice.models import PracticeSettings
from tests.factories import ArticlePageFactory, TherapistPageFactory, publish_as_reviewed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


@pytest.fixture
def menu_settings(practice_settings, article_index, service_index):
    practice_settings.navigation = [
        {"type": "link", "value": {"page": index.pk, "label": "", "url": ""}}
        for index in (article_index, service_index)
    ]
    practice_settings.save()
    return practice_settings


@pytest.fixture
def article(article_index, client, menu_settings):
    page = ArticlePageFactory(parent=article_index, title="Grounding when panic rises")
    client.get(page.url)  # the site's first view may create settings rows
    bump_generation()
    return page


def main_menu(response) -> str:
    html = response.content.decode()
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


def footer(response) -> str:
    html = response.content.decode()
    return html[html.index('<footer class="site-footer"') :]


def test_the_menu_is_reused_until_a_page_it_links_to_changes(
    client, article, article_index, service_index
):
    assert article_index.title in main_menu(client.get(article.url))
    Page.objects.filter(pk=service_index.pk).update(title="Unseen title")  # no signal
    assert "Unseen title" not in main_menu(client.get(service_index.url))

    service_index.title = "Ways we help"
    service_index.save_revision().publish()

    menu = main_menu(client.get(article.url))
    assert "Ways we help" in menu
    # Built once per generation and still marked up for the page it is shown on.
    assert 'aria-current="page">Ways we help' in main_menu(client.get(service_index.url))
    assert 'aria-current="page"' not in menu


def test_the_footer_is_reused_until_the_phone_number_changes(client, article, menu_settings):
    assert "(205) 555-0142" in footer(client.get(article.url))
    PracticeSettings.objects.filter(pk=menu_settings.pk).update(phone="(205) 555-0100")
    assert "(205) 555-0100" not in footer(client.get(article.url))

    menu_settings.phone = "(205) 555-0199"
    menu_settings.save()

    response = client.get(article.url)
    assert "(205) 555-0199" in footer(response)
    assert "(205) 555-0142" not in response.content.decode()


def test_an_article_shows_its_authors_new_name_once_published(client, article, therapist_index):
    author = TherapistPageFactory(parent=therapist_index, title="Dana Rivers")
    article.author = author
    publish_as_reviewed(article)
    assert b"Dana Rivers" in client.get(article.url).content

    author.title = "Dana Rivers-Okafor"
    author.save_revision().publish()

    assert b"Dana Rivers-Okafor" in client.get(article.url).content


def test_a_preview_shows_the_draft_not_the_cached_fragments(client, article):
    client.get(article.url)  # the live page's fragments are cached
    article.summary = "A summary only the preview shows."

    preview = article.make_preview_request()

    assert b"A summary only the preview shows." in preview.content
    assert b"A summary only the preview shows." not in client.get(article.url).content


def test_only_anonymous_cacheable_pages_may_be_kept_by_nginx(
    client, article, settings, django_user_model
):
    settings.PROXY_CACHE_SECONDS = 5
    assert client.get(article.url)[PROXY_EXPIRES_HEADER] == "5"
    assert PROXY_EXPIRES_HEADER not in client.get("/search/?q=panic")
    assert PROXY_EXPIRES_HEADER not in client.get("/healthz")

    editor = django_user_model.objects.create_user("editor", password="a-long-passphrase")
    client.force_login(editor)
    assert PROXY_EXPIRES_HEADER not in client.get(article.url)

    client.logout()
    settings.PROXY_CACHE_SECONDS = 0
    assert PROXY_EXPIRES_HEADER not in client.get(article.url)
