"""Clinical review of articles.

The invariant: no article is live without a recorded clinical review (ClinicalReview: who
approved, the clinician named, the date) of the very revision that is live.

- Approving in the "Clinical review" workflow records the review on a new revision, stamped
  with the reviewer and the date, and the workflow publishes that revision as the workflow
  (WAGTAIL_FINISH_WORKFLOW_ACTION: articles.workflow_finish), so reviewers need no publishing rights of their own.
- Nobody holds a Publish button for articles (ArticlePermissionTester), and the model refuses
  any other route (ArticlePage.publish and ArticlePage.save call check_can_go_live): bulk
  publish, revert, copies kept live, scheduled publishing, commands, the shell. Queryset
  updates that would set `live` or `live_revision` are refused too (ArticlePageQuerySet).
- What the ORM cannot see (raw SQL, an update through the base Page model) is caught by
  `manage.py audit_clinical_reviews`, run from cron beside publish_scheduled: it lists, and
  with --unpublish takes down, any live article whose live revision has no review.

Every articles index is put under the workflow when it is created, wherever that happens
(admin, demo content, shell).
"""

import contextvars
import datetime

from django.apps import apps
from django.db.models import Exists, OuterRef
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import PageManager, PagePermissionTester, Workflow, WorkflowPage

from practice.pages import SitePageQuerySet

UNREVIEWED_UNPUBLISHED = "articles.unreviewed_unpublished"
REVIEW_INTERVAL = datetime.timedelta(days=365)
_bulk_update_checked = contextvars.ContextVar("bulk_update_checked", default=False)
REVIEW_DUE_WARNING = datetime.timedelta(days=30)


class UnreviewedArticleError(PublishPermissionError):
    """An article was about to go live with a revision no clinician approved."""


def can_approve_articles(user) -> bool:
    """Whether the user approves articles in clinical review (or is a superuser). Cached on
    the user object, as permission testers ask many times per admin request."""
    if user.is_superuser:
        return True
    if not hasattr(user, "_can_approve_articles"):
        user._can_approve_articles = (
            user.is_active
            and user.groups.filter(
                clinicalreviewtask__active=True,
                clinicalreviewtask__workflow_tasks__workflow__active=True,
            ).exists()
        )
    return user._can_approve_articles


class ArticlePermissionTester(PagePermissionTester):
    """Articles go live only by approval in clinical review: no role, superusers included,
    publishes one directly (so no Publish button, bulk publish or "publish copies")."""

    def can_publish(self):
        return False


class ArticleIndexPermissionTester(PagePermissionTester):
    """The index itself publishes normally; a new article under it is never published in the
    same step (creating, copying or moving one)."""

    def can_publish_subpage(self):
        return False


def clinical_review_workflow():
    """The active workflow whose task is a clinical review, if the site has one."""
    return (
        Workflow.objects.filter(
            active=True,
            workflow_tasks__task__active=True,
            workflow_tasks__task__clinicalreviewtask__isnull=False,
        )
        .distinct()
        .first()
    )


def put_under_clinical_review(index_page, workflow):
    WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})


@receiver(post_save, sender="articles.ArticleIndexPage")
def review_articles_in_new_index(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    workflow = clinical_review_workflow()
    if workflow:
        put_under_clinical_review(instance, workflow)


def is_reviewed(article, revision_id) -> bool:
    ClinicalReview = apps.get_model("articles", "ClinicalReview")
    return bool(
        article.pk
        and revision_id
        and ClinicalReview.objects.filter(article_id=article.pk, revision_id=revision_id).exists()
    )


def check_can_go_live(article, revision_id):
    """Refuse, whatever the route, to make an article live with a revision that has no
    recorded clinical review."""
    if not is_reviewed(article, revision_id):
        raise UnreviewedArticleError(
            _(
                "“%(title)s” cannot go live: this version has not been approved in clinical "
                "review. Submit it for review; a clinical reviewer's approval publishes it."
            )
            % {"title": article.title}
        )


def unreviewed_live_articles(articles):
    """The live articles among `articles` whose live revision has no recorded review."""
    ClinicalReview = apps.get_model("articles", "ClinicalReview")
    reviewed = ClinicalReview.objects.filter(
        article_id=OuterRef("pk"), revision_id=OuterRef("live_revision_id")
    )
    return articles.filter(live=True).exclude(Exists(reviewed))


class ArticlePageQuerySet(SitePageQuerySet):
    """Refuses the bulk routes around ArticlePage.publish and ArticlePage.save: an update that
    could set `live` or `live_revision`, unless bulk_update has checked each article."""

    GUARDED_FIELDS = {"live", "live_revision", "live_revision_id"}

    def update(self, **kwargs):
        sets_live = any(
            kwargs.get(field) not in (None, False) for field in self.GUARDED_FIELDS & kwargs.keys()
        )
        if sets_live and not _bulk_update_checked.get():
            raise UnreviewedArticleError(
                _(
                    "Articles go live only through clinical review, never by a bulk update. "
                    "Submit them for review; approval publishes them."
                )
            )
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        if not self.GUARDED_FIELDS & set(fields):
            return super().bulk_update(objs, fields, *args, **kwargs)
        for article in objs:
            if article.live:
                check_can_go_live(article, article.live_revision_id)
        token = _bulk_update_checked.set(True)
        try:
            return super().bulk_update(objs, fields, *args, **kwargs)
        finally:
            _bulk_update_checked.reset(token)


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


def record_clinical_review(article, user, acknowledged_flags=()):
    """Stamp the latest draft of an article with this review, as a new revision, and record
    the review of that revision.

    The reviewer shown to readers is the approving user's therapist profile, or nobody if the
    account is not linked to one: the page never names a clinician who did not approve it.
    """
    ClinicalReview = apps.get_model("articles", "ClinicalReview")
    draft = article.get_latest_revision_as_object()
    today = timezone.localdate()
    draft.last_reviewed = today
    draft.clinical_reviewer = getattr(user, "therapist_profile", None)
    if not draft.next_review_due or draft.next_review_due <= today:
        draft.next_review_due = today + REVIEW_INTERVAL
    revision = draft.save_revision(user=user, clean=False)
    return ClinicalReview.objects.create(
        article=article,
        revision=revision,
        approved_by=user,
        reviewer=draft.clinical_reviewer,
        reviewed_on=today,
        acknowledged_flags=[
            {"found": flag.found, "suggestion": flag.suggestion} for flag in acknowledged_flags
        ],
    )


def publish_reviewed_elsewhere(article, *, approved_by=None):
    """Publish an article whose clinical review happened outside the site (demo content,
    migrated archives): its reviewer and review date must already be filled in."""
    ClinicalReview = apps.get_model("articles", "ClinicalReview")
    if not article.last_reviewed or not (article.clinical_reviewer_id or approved_by):
        raise UnreviewedArticleError(
            _("“%(title)s” names no reviewer and review date.") % {"title": article.title}
        )
    revision = article.save_revision(user=approved_by, clean=False)
    ClinicalReview.objects.create(
        article=article,
        revision=revision,
        approved_by=approved_by,
        reviewer_id=article.clinical_reviewer_id,
        reviewed_on=article.last_reviewed,
    )
    revision.publish(user=approved_by, skip_permission_checks=True)
    return revision
