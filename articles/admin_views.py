"""The admin dashboard panel for clinical review of articles. (Imports: articles/importing/.)"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from .models import ArticleIndexPage, ArticlePage
from .review import REVIEW_DUE_WARNING

PANEL_LIST_LENGTH = 10


class ArticleReviewPanel(Component):
    """Dashboard panel: articles waiting for clinical review, and live articles whose review
    is overdue or due within a month."""

    name = "article_review"
    order = 90
    template_name = "admin/articles/review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        states = (
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                content_type=ContentType.objects.get_for_model(ArticlePage),
            )
            .select_related("requested_by")
            .order_by("created_at")
        )
        in_review = ArticlePage.objects.filter(
            pk__in=states.annotate(page_id=Cast("object_id", IntegerField())).values("page_id")
        )
        pages = {page.pk: page for page in in_review.defer_streamfields()}
        awaiting = [
            {"article": pages[int(state.object_id)], "state": state}
            for state in states
            if int(state.object_id) in pages
        ]
        due = (
            ArticlePage.objects.live()
            .filter(next_review_due__lte=today + REVIEW_DUE_WARNING)
            .defer_streamfields()
            .order_by("next_review_due")
        )
        index = ArticleIndexPage.objects.first()
        can_import = bool(index and index.permissions_for_user(self.user).can_add_subpage())
        return {
            "awaiting": awaiting[:PANEL_LIST_LENGTH],
            "awaiting_count": len(awaiting),
            "due": due[:PANEL_LIST_LENGTH],
            "due_count": due.count(),
            "today": today,
            "import_url": reverse("articles_import_docx", args=[index.pk]) if can_import else "",
            "paste_url": reverse("articles_paste_blocks", args=[index.pk]) if can_import else "",
        }
