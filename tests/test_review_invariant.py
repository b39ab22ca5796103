"""No article is live without a recorded clinical review of the revision that is live: tried
on every route an intruder or a hurried staff member could take."""

import datetime
import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, Revision, Workflow, WorkflowPage

import pytest

from articles.models import ArticleIndexPage, ArticlePage, ClinicalReview
from articles.review import UnreviewedArticleError

from .editorial import approve, edit_form_data, submit_for_review
from .factories import ArticleIndexPageFactory, ArticlePageFactory


@pytest.fixture
def admin(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw-123456789")


@pytest.fixture
def live_article(client, editor, reviewer, draft_article):
    """An article that went live the proper way: submitted, then approved."""
    submit_for_review(client, editor, draft_article)
    approve(client, reviewer, draft_article)
    article = ArticlePage.objects.get(pk=draft_article.pk)
    assert article.live
    return article


def assert_reviewed_or_draft(article):
    article = ArticlePage.objects.get(pk=article.pk)
    if article.live:
        review = ClinicalReview.objects.get(revision_id=article.live_revision_id)
        assert review.article_id == article.pk
        assert review.reviewed_on and (review.approved_by_id or review.reviewer_id)
    return article


def test_approval_records_the_review_of_the_revision_that_goes_live(live_article, reviewer):
    review = ClinicalReview.objects.get(article=live_article)
    assert review.revision_id == live_article.live_revision_id
    assert review.approved_by == reviewer
    assert review.reviewer == reviewer.therapist_profile
    assert review.reviewed_on == timezone.localdate()


def test_nobody_has_a_publish_button_for_articles(client, admin, reviewer, draft_article):
    for user in (admin, reviewer):
        assert not draft_article.permissions_for_user(user).can_publish()
    reviewers = Group.objects.get(name="Clinical reviewers")
    assert not GroupPagePermission.objects.filter(
        group=reviewers, permission__codename="publish_page"
    ).exists()


def test_the_publish_button_posted_anyway_publishes_nothing(client, admin, draft_article):
    client.force_login(admin)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft_article.pk]),
        edit_form_data(client, draft_article, "action-publish"),
    )
    assert response.status_code in (200, 302, 403)
    assert not assert_reviewed_or_draft(draft_article).live


@pytest.mark.parametrize("who", ["admin", "reviewer", "site_manager"])
def test_bulk_publish_from_the_explorer_publishes_no_article(client, request, who, draft_article):
    client.force_login(request.getfixturevalue(who))
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={draft_article.pk}", {"include_descendants": "on"})
    assert response.status_code in (200, 302, 403)
    assert not assert_reviewed_or_draft(draft_article).live


def test_a_copy_of_a_live_article_is_a_draft(client, admin, live_article, article_index):
    client.force_login(admin)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[live_article.pk]),
        {
            "new_title": "Copied article",
            "new_slug": "copied-article",
            "new_parent_page": article_index.pk,
            "publish_copies": "on",
        },
    )
    # Publishing a new article is nobody's to do: the form says so and copies nothing.
    assert response.status_code == 200
    assert "permission to publish" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="copied-article").exists()

    copy = live_article.copy(
        to=article_index, update_attrs={"slug": "copied-article"}, keep_live=True
    )
    copy = ArticlePage.objects.get(pk=copy.pk)
    assert not copy.live
    assert copy.live_revision is None
    # The copy claims no review and no publication date.
    assert copy.last_reviewed is None and copy.clinical_reviewer is None
    assert copy.first_published is None


def test_copying_the_whole_articles_section_live_leaves_the_articles_drafts(
    admin, live_article, article_index, home_page
):
    copied = article_index.copy(
        recursive=True,
        to=home_page,
        update_attrs={"slug": "articles-copy", "title": "Articles copy"},
        keep_live=True,
        user=admin,
    )
    [article_copy] = ArticlePage.objects.child_of(copied)
    assert not article_copy.live
    assert ArticlePage.objects.get(pk=live_article.pk).live


def test_reverting_to_an_earlier_revision_does_not_publish_it(client, admin, live_article):
    earlier = Revision.page_revisions.filter(object_id=str(live_article.pk)).earliest("created_at")
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[live_article.pk, earlier.pk])
    data = edit_form_data(client, live_article, "action-publish")
    client.post(url, data)
    article = assert_reviewed_or_draft(live_article)
    assert article.live_revision_id == live_article.live_revision_id
    with pytest.raises(UnreviewedArticleError):
        article.save_revision(user=admin).publish(user=admin, previous_revision=earlier)


def test_moving_an_article_keeps_it_reviewed_and_publishes_no_draft(
    admin, live_article, article_index, home_page
):
    draft = ArticlePageFactory(parent=article_index, live=False, title="Still a draft")
    other_index = ArticleIndexPageFactory(parent=home_page, title="More articles")
    for article in (live_article, draft):
        ArticlePage.objects.get(pk=article.pk).move(other_index, pos="last-child", user=admin)
    assert assert_reviewed_or_draft(live_article).live
    assert not assert_reviewed_or_draft(draft).live


def test_unpublish_then_publish_needs_a_new_review(client, admin, site_manager, live_article):
    client.force_login(site_manager)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[live_article.pk]))
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=live_article.pk)
    assert not article.live
    article.title = "Changed while down"
    revision = article.save_revision(user=admin)
    with pytest.raises(UnreviewedArticleError):
        revision.publish(user=admin, skip_permission_checks=True)
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_scheduled_publishing_publishes_only_a_reviewed_revision(admin, draft_article):
    draft_article.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = draft_article.save_revision(user=admin)
    with pytest.raises(UnreviewedArticleError):  # refused when scheduling...
        revision.publish(user=admin, skip_permission_checks=True)
    # ...and when the time comes, should a revision be marked for publishing behind its back.
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with pytest.raises(UnreviewedArticleError):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert not ArticlePage.objects.get(pk=draft_article.pk).live


def test_a_script_cannot_set_an_article_live(draft_article, article_index):
    draft_article.live = True
    with pytest.raises(UnreviewedArticleError):
        draft_article.save()
    assert not ArticlePage.objects.get(pk=draft_article.pk).live
    created = article_index.add_child(
        instance=ArticlePage(title="Made in the shell", slug="shell", summary="Typed in.")
    )
    assert not ArticlePage.objects.get(pk=created.pk).live


def test_an_approval_in_another_workflow_does_not_publish_an_article(
    client, editor, site_manager, draft_article
):
    """An article in a section that ended up under the site managers' workflow."""
    publishing = Workflow.objects.get(name="Publishing approval")
    index = ArticleIndexPage.objects.get(pk=draft_article.get_parent().pk)
    WorkflowPage.objects.filter(page=index).update(workflow=publishing)
    state = submit_for_review(client, editor, draft_article)
    assert state.workflow == publishing
    # Refused (the approval rolls back) like any publish the user may not make.
    assert approve(client, site_manager, draft_article).status_code in (302, 403)
    assert not ArticlePage.objects.get(pk=draft_article.pk).live
    assert not ClinicalReview.objects.exists()


def test_republishing_the_reviewed_revision_is_allowed(admin, live_article):
    reviewed = Revision.objects.get(pk=live_article.live_revision_id)
    live_article.unpublish(user=admin)
    reviewed.publish(user=admin, skip_permission_checks=True)
    assert assert_reviewed_or_draft(live_article).live


def test_factories_publish_articles_as_reviewed(article_index):
    article = ArticlePageFactory(parent=article_index)
    assert assert_reviewed_or_draft(article).live
