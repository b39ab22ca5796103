"""Admin views for articles: import a Word draft, and the dashboard panel for clinical review."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from practice.safe_messaging import warn_about_unsafe_wording

from .docx_import import MAX_UPLOAD_BYTES, DocxImportError, read_docx
from .models import ArticleIndexPage, ArticlePage
from .review import REVIEW_DUE_WARNING

DOCX_TYPES = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PANEL_LIST_LENGTH = 10


class ImportDocxForm(forms.Form):
    document = forms.FileField(
        label=gettext_lazy("Word document (.docx)"),
        help_text=gettext_lazy(
            "The draft as a .docx file, up to 10 MB. Use Word's heading styles for headings "
            "and its bullet button for lists; the first Heading 1 (or Title) becomes the title."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": DOCX_TYPES}),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("This file is larger than 10 MB. Remove large images first."))
        if not upload.name.lower().endswith(".docx"):
            raise ValidationError(
                _("Choose a Word document ending in .docx (in Word: File › Save As › .docx).")
            )
        try:
            self.imported = read_docx(upload, upload.name)
        except DocxImportError as e:
            raise ValidationError(str(e)) from e
        return upload


class ImportDocxView(WagtailAdminTemplateMixin, FormView):
    """Upload a .docx draft and get a new draft article under the index, ready to edit."""

    form_class = ImportDocxForm
    template_name = "admin/articles/import_docx.html"
    page_title = gettext_lazy("Import an article from Word")
    header_icon = "doc-full-inverse"

    def dispatch(self, request, index_id):
        self.index = get_object_or_404(ArticleIndexPage, pk=index_id)
        if not self.index.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_explore", args=[self.index.pk]),
                "label": self.index.title,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=_("Import as a draft"),
            submit_button_active_label=_("Importing…"),
            index=self.index,
            **kwargs,
        )

    def form_valid(self, form):
        imported = form.imported
        article = ArticlePage(
            title=imported.title,
            # No slug: Wagtail makes a unique one from the title when the page is added.
            summary=imported.summary,
            body=imported.body,
            owner=self.request.user,
            live=False,
        )
        with transaction.atomic():
            self.index.add_child(instance=article)
            article.save_revision(user=self.request.user, log_action=False, clean=False)
            log(instance=article, action="wagtail.create", user=self.request.user)
        messages.success(
            self.request,
            _(
                "Imported “%(title)s” as a draft. Check the title, summary and headings, "
                "add the relations, then submit it for clinical review."
            )
            % {"title": article.title},
        )
        for note in imported.notes:
            messages.warning(self.request, note)
        warn_about_unsafe_wording(self.request, article)
        return redirect("wagtailadmin_pages:edit", article.pk)


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
        }
