"""Admin views that bring outside text into articles: a Word upload and "paste as blocks".
Both go through the one converter (html_to_blocks) and end with its report."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from practice.safe_messaging import warn_about_unsafe_wording

from .drafts import create_draft_article, report_to_editor, update_article_body
from .html_to_blocks import HtmlToBlocks
from .word import MAX_UPLOAD_BYTES, DocxImportError, read_docx

DOCX_TYPES = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_PASTE_CHARACTERS = 2_000_000


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


class ArticleImportView(WagtailAdminTemplateMixin, FormView):
    """An import into the articles index given in the URL (or into one article)."""

    header_icon = "doc-full-inverse"
    submit_label = gettext_lazy("Import as a draft")

    accepts_article = False  # whether the view may add to an existing article

    def dispatch(self, request, page_id):
        self.target = get_object_or_404(Page, pk=page_id).specific
        if isinstance(self.target, ArticleIndexPage):
            self.index, self.article = self.target, None
            allowed = self.index.permissions_for_user(request.user).can_add_subpage()
        elif isinstance(self.target, ArticlePage) and self.accepts_article:
            self.index, self.article = self.target.get_parent().specific, self.target
            allowed = self.article.permissions_for_user(request.user).can_edit()
        else:
            raise PermissionDenied
        if not allowed:
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
            submit_button_label=self.submit_label,
            submit_button_active_label=_("Importing…"),
            index=self.index,
            article=self.article,
            **kwargs,
        )

    def new_draft(self, conversion, **fields):
        article = create_draft_article(self.index, conversion, self.request.user, **fields)
        messages.success(
            self.request,
            _(
                "Imported “%(title)s” as a draft. Check the title, summary and headings, "
                "add the relations, then submit it for clinical review."
            )
            % {"title": article.title},
        )
        report_to_editor(self.request, conversion)
        warn_about_unsafe_wording(self.request, article)
        return redirect("wagtailadmin_pages:edit", article.pk)

    def add_to_article(self, conversion, replace):
        update_article_body(self.article, conversion, self.request.user, replace=replace)
        messages.success(
            self.request,
            _("The imported text was added to “%(title)s” as a new draft: check it.")
            % {"title": self.article.title},
        )
        report_to_editor(self.request, conversion)
        warn_about_unsafe_wording(self.request, self.article.get_latest_revision_as_object())
        return redirect("wagtailadmin_pages:edit", self.article.pk)


class ImportDocxView(ArticleImportView):
    """Upload a .docx draft and get a new draft article under the index, ready to edit."""

    form_class = ImportDocxForm
    template_name = "admin/articles/import_docx.html"
    page_title = gettext_lazy("Import an article from Word")
    accepts_article = True

    def form_valid(self, form):
        if self.article is None:
            return self.new_draft(form.imported)
        return self.add_to_article(form.imported, replace=False)


class PasteForm(forms.Form):
    html = forms.CharField(
        label=gettext_lazy("Pasted text"),
        max_length=MAX_PASTE_CHARACTERS,
        help_text=gettext_lazy(
            "Paste from Word, Google Docs or a web page. Only the structure is kept: headings, "
            "paragraphs, lists, bold, italic and links."
        ),
        widget=forms.Textarea(attrs={"rows": 12, "data-paste-source": ""}),
        error_messages={"required": gettext_lazy("Paste some text first.")},
    )
    title = forms.CharField(
        label=gettext_lazy("Title of the new article"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Blank: the first top-level heading of the pasted text."),
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("Put the blocks"),
        choices=[
            ("append", gettext_lazy("After the article's current body")),
            ("replace", gettext_lazy("Instead of the article's current body")),
        ],
        initial="append",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, into_article=False, **kwargs):
        super().__init__(*args, **kwargs)
        if into_article:
            del self.fields["title"]
        else:
            del self.fields["mode"]

    def clean(self):
        cleaned = super().clean()
        conversion = HtmlToBlocks().convert(cleaned.get("html", ""))
        if not conversion.blocks:
            self.add_error("html", _("Nothing readable was pasted: no text was found."))
        if "title" in self.fields and not (cleaned.get("title") or conversion.title):
            self.add_error(
                "title", _("Give the new article a title (the pasted text has no heading 1).")
            )
        self.conversion = conversion
        return cleaned


class PasteBlocksView(ArticleImportView):
    """Paste formatted text and get it as blocks: a new draft article under an index, or added
    to (or replacing) the body of an article's latest draft."""

    form_class = PasteForm
    template_name = "admin/articles/paste_blocks.html"
    page_title = gettext_lazy("Paste as blocks")
    header_icon = "clipboard-list"
    accepts_article = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "into_article": self.article is not None}

    @property
    def submit_label(self):
        return _("Add the blocks") if self.article else _("Create a draft article")

    def form_valid(self, form):
        conversion = form.conversion
        if self.article is None:
            return self.new_draft(conversion, title=form.cleaned_data["title"])
        return self.add_to_article(conversion, replace=form.cleaned_data["mode"] == "replace")
