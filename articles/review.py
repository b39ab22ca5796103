"""Clinical review of articles.

An article goes live only when a member of the clinical review task's groups (the "Clinical
reviewers") approves it in the "Clinical review" workflow. Approving stamps the article with
today's review date and the reviewer's therapist profile, in a new revision that the workflow
then publishes, so the live page always says who reviewed it and when.

Publishing rights that a group holds on the whole site (site managers) do not extend to
articles: see ArticlePermissionTester. Every articles index is put under the workflow when it
is created, wherever that happens (admin, demo content, shell).
"""

import datetime

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import (
    GroupPagePermission,
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    get_default_page_content_type,
)

REVIEW_INTERVAL = datetime.timedelta(days=365)
REVIEW_DUE_WARNING = datetime.timedelta(days=30)


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
    """Only clinical reviewers (by approving) and superusers may publish an article."""

    def can_publish(self):
        return super().can_publish() and can_approve_articles(self.user)


class ArticleIndexPermissionTester(PagePermissionTester):
    """The index itself publishes normally; a new article under it cannot be published in
    the same step, except by those who may publish articles."""

    def can_publish_subpage(self):
        return super().can_publish_subpage() and can_approve_articles(self.user)


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
    """Assign the workflow to an articles index and let the task's reviewers publish there
    (Wagtail publishes an approved page as the approving user)."""
    WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})
    publish = Permission.objects.get(
        content_type=get_default_page_content_type(), codename="publish_page"
    )
    reviewers = Group.objects.filter(
        clinicalreviewtask__workflow_tasks__workflow=workflow
    ).distinct()
    for group in reviewers:
        GroupPagePermission.objects.get_or_create(group=group, page=index_page, permission=publish)


@receiver(post_save, sender="articles.ArticleIndexPage")
def review_articles_in_new_index(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    workflow = clinical_review_workflow()
    if workflow:
        put_under_clinical_review(instance, workflow)


def record_clinical_review(article, user):
    """Stamp the latest draft of an article with this review, as a new revision.

    The reviewer is the approving user's therapist profile, or nobody if their account is not
    linked to one: the page never names a clinician who did not approve it.
    """
    draft = article.get_latest_revision_as_object()
    today = timezone.localdate()
    draft.last_reviewed = today
    draft.clinical_reviewer = getattr(user, "therapist_profile", None)
    if not draft.next_review_due or draft.next_review_due <= today:
        draft.next_review_due = today + REVIEW_INTERVAL
    return draft.save_revision(user=user, clean=False)
