from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

from articles.review import record_clinical_review

from .article import ArticlePage


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """A workflow step in which a clinician approves an article or asks for changes.
    Approving records the review on the article before the workflow publishes it."""

    def on_action(self, task_state, user, action_name, **kwargs):
        page = task_state.workflow_state.content_object
        if action_name == "approve" and isinstance(page.specific, ArticlePage):
            # The workflow goes on to publish page.get_latest_revision(): the stamped one.
            page.latest_revision = record_clinical_review(page.specific, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve articles or request changes. Approval records "
            "the reviewer and the review date on the article, then publishes it."
        )

    class Meta:
        verbose_name = _("clinical review task")
        verbose_name_plural = _("clinical review tasks")
