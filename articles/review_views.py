"""What a clinical reviewer is told once an approval is recorded."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import ArticlePage, ClinicalReview


def approval_message(review) -> str:
    article = review.article
    reviewer = (
        review.reviewer.title
        if review.reviewer
        else (review.approved_by.get_full_name() or review.approved_by.get_username())
    )
    state = _("is live") if article.live else _("will go live at its scheduled time")
    return _(
        "Approved by %(reviewer)s on %(date)s: “%(title)s” %(state)s. "
        "Next clinical review due %(due)s."
    ) % {
        "reviewer": reviewer,
        "date": date_format(review.reviewed_on),
        "title": article.title,
        "state": state,
        "due": date_format(article.next_review_due) if article.next_review_due else "—",
    }


def latest_review_by(user, article_pk):
    return (
        ClinicalReview.objects.filter(article_id=article_pk, approved_by=user)
        .select_related("article", "reviewer", "approved_by")
        .first()
    )


def review_recorded(request, page_id):
    """Where an approval from the review dialog lands: says who approved, what happens now
    and when the next review is due, then shows the article in the explorer."""
    article = get_object_or_404(ArticlePage, pk=page_id)
    review = latest_review_by(request.user, article.pk)
    if review:
        messages.success(request, approval_message(review))
    return redirect("wagtailadmin_explore", article.get_parent().pk)
