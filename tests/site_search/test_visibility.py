"""What search shows: only live, public pages, editors' picks first; and the query
statistics it keeps."""

from django.db import OperationalError

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

import pytest

from ..factories import ArticlePageFactory, ArticleTopicFactory, StandardPageFactory
from .results import result_urls, search

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


@pytest.mark.parametrize("update_fields", [None, ["topics"]], ids=["whole page", "topics only"])
def test_the_index_follows_a_change_of_topics(practice, update_fields):
    """modelcluster writes a page's topics after the page's own row; the search index must
    follow them, however the save names what changed."""
    panic = practice["panic"]

    def found():
        return list(Page.objects.live().search("zebraphobia"))

    panic.topics = [ArticleTopicFactory(name="Zebraphobia")]
    panic.save(update_fields=update_fields)
    assert found() == [panic.page_ptr]

    panic.topics = []
    panic.save(update_fields=update_fields)
    assert found() == []


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


def test_an_editors_pick_shows_at_once_and_goes_at_once(client, practice):
    """The results of a search are reused until the site changes: adding or removing an
    editor's pick (Settings › Promoted search results) is such a change."""
    assert "Recommended" not in search(client, q="mom guilt").content.decode()
    promotion = SearchPromotion.objects.create(
        query=Query.get("mom guilt"), page=practice["cbt"], sort_order=0
    )
    assert result_urls(search(client, q="mom guilt"))[0] == practice["cbt"].url

    promotion.delete()

    assert "Recommended" not in search(client, q="mom guilt").content.decode()


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
