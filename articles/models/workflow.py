from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.forms import TaskStateCommentForm
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask

from articles import review
from practice.safe_messaging import find_unsafe_wording, page_text

from .article import ArticlePage

SAFE_MESSAGING_ACKNOWLEDGED = "articles.safe_messaging_acknowledged"


class ClinicalReview(models.Model):
    """The record that a clinician approved one revision of an article: the only kind of
    revision an article may go live with (see ArticlePage.publish)."""

    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="clinical_reviews"
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="clinical_review"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff account that approved the revision."),
    )
    reviewer = models.ForeignKey(
        "services.TherapistPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The clinician named on the article as its reviewer."),
    )
    reviewed_on = models.DateField()
    acknowledged_flags = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Safe-messaging flags the reviewer saw and accepted when approving."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("clinical review")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(approved_by__isnull=False) | models.Q(reviewer__isnull=False),
                name="clinical_review_names_a_reviewer",
            )
        ]

    def __str__(self):
        return f"{self.article_id} reviewed on {self.reviewed_on}"


class ClinicalApprovalForm(TaskStateCommentForm):
    safe_messaging_acknowledged = forms.BooleanField(
        required=False,
        label=_("I have read the safe-messaging flags above and the wording is right as it is"),
    )
    flags_shown = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("flags_shown") and not cleaned.get("safe_messaging_acknowledged"):
            self.add_error(
                "safe_messaging_acknowledged",
                _(
                    "This article has safe-messaging flags: tick the box to confirm you read "
                    "them, or request changes instead."
                ),
            )
        return cleaned


def article_flags(article):
    """Safe-messaging findings on the text of the article's latest revision."""
    return find_unsafe_wording(page_text(article.get_latest_revision_as_object()))


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """A workflow step in which a clinician approves an article or asks for changes.
    Approving records the review of the exact revision the workflow then publishes."""

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        # Approving always opens the dialog: it lists the safe-messaging flags, if any.
        return [("reject", _("Request changes"), True), ("approve", _("Approve"), True)]

    def get_form_for_action(self, action):
        return ClinicalApprovalForm if action == "approve" else super().get_form_for_action(action)

    def get_template_for_action(self, action):
        return "admin/articles/approve_modal.html" if action == "approve" else ""

    def on_action(self, task_state, user, action_name, **kwargs):
        page = task_state.workflow_state.content_object.specific
        acknowledged = kwargs.pop("safe_messaging_acknowledged", False)
        kwargs.pop("flags_shown", None)
        if action_name == "approve" and isinstance(page, ArticlePage):
            flags = article_flags(page)
            if flags and not acknowledged:
                raise PermissionDenied(
                    "A flagged article needs the safe-messaging acknowledgement to be approved."
                )
            if flags:
                log(
                    instance=page,
                    action=SAFE_MESSAGING_ACKNOWLEDGED,
                    user=user,
                    data={"flags": [f"{flag.found} → {flag.suggestion}" for flag in flags]},
                )
            # The workflow goes on to publish the stamped revision.
            review.record_clinical_review(page, user, acknowledged_flags=flags)
            super().on_action(task_state, user, action_name, **kwargs)
            return reverse("articles_review_recorded", args=[page.pk])
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
