"""The review invariant on the routes that skip model methods: queryset updates are refused,
and what even the ORM cannot see (raw SQL, the base Page model) is found by the audit."""

import io

from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.models import Page, PageLogEntry

import pytest

from articles.models import ArticlePage
from articles.review import UNREVIEWED_UNPUBLISHED, UnreviewedArticleError

from .factories import ArticlePageFactory


@pytest.fixture
def live_article(article_index):
    return ArticlePageFactory(parent=article_index)  # published through a recorded review


def test_a_queryset_update_cannot_set_articles_live(draft_article):
    with pytest.raises(UnreviewedArticleError):
        ArticlePage.objects.filter(pk=draft_article.pk).update(live=True)
    with pytest.raises(UnreviewedArticleError):
        ArticlePage.objects.update(live_revision=draft_article.latest_revision)
    assert not ArticlePage.objects.get(pk=draft_article.pk).live


def test_a_queryset_update_may_take_articles_down_or_change_other_fields(live_article):
    ArticlePage.objects.filter(pk=live_article.pk).update(summary="Shorter.")
    ArticlePage.objects.filter(pk=live_article.pk).update(live=False, live_revision=None)
    assert not ArticlePage.objects.get(pk=live_article.pk).live


def test_bulk_update_sets_live_only_on_a_reviewed_revision(live_article, draft_article):
    draft_article.live = True
    draft_article.live_revision = draft_article.latest_revision
    with pytest.raises(UnreviewedArticleError):
        ArticlePage.objects.bulk_update([draft_article], ["live", "live_revision"])
    assert not ArticlePage.objects.get(pk=draft_article.pk).live
    # The reviewed article passes the same check.
    ArticlePage.objects.bulk_update([live_article], ["live", "live_revision"])
    assert ArticlePage.objects.get(pk=live_article.pk).live


def test_the_audit_passes_when_every_live_article_was_reviewed(live_article, draft_article):
    out = io.StringIO()
    call_command("audit_clinical_reviews", stdout=out)
    assert "Every live article" in out.getvalue()


def test_the_audit_finds_an_article_set_live_behind_the_models_back(draft_article):
    # The base Page model and raw SQL know nothing of the review.
    Page.objects.filter(pk=draft_article.pk).update(live=True)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 live article"):
        call_command("audit_clinical_reviews", stdout=out)
    assert f"live without review: {draft_article.title}" in out.getvalue()
    assert ArticlePage.objects.get(pk=draft_article.pk).live  # listing only

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailcore_page SET live_revision_id = %s WHERE id = %s",
            [draft_article.latest_revision_id, draft_article.pk],
        )
    with pytest.raises(CommandError):
        call_command("audit_clinical_reviews", "--unpublish", stdout=io.StringIO())
    assert not ArticlePage.objects.get(pk=draft_article.pk).live
    assert PageLogEntry.objects.filter(page=draft_article, action=UNREVIEWED_UNPUBLISHED).exists()
    call_command("audit_clinical_reviews", stdout=io.StringIO())  # clean again


def test_the_audit_does_not_flag_a_live_article_with_an_unreviewed_draft(live_article):
    live_article.summary = "A draft change waiting for review."
    live_article.save_revision()
    call_command("audit_clinical_reviews", stdout=io.StringIO())
