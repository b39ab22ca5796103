"""The WordPress import for Site managers: upload the export, read the dry-run report, then
confirm. The upload waits in a temporary file between the two steps (its name is kept in the
session, never taken from the form)."""

import os
import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.menu import MenuItem

from articles.models import ArticleIndexPage

from .wordpress import WordPressImport, parse_author_map

SESSION_KEY = "wordpress_import"
MAX_EXPORT_BYTES = 200 * 1024 * 1024


def can_import_wordpress(user) -> bool:
    """Site managers: they may add articles, redirects and topics."""
    index = ArticleIndexPage.objects.order_by("path").first()
    return bool(
        index
        and user.has_perm("wagtailredirects.add_redirect")
        and user.has_perm("articles.add_articletopic")
        and index.permissions_for_user(user).can_add_subpage()
    )


class WordPressUploadForm(forms.Form):
    export = forms.FileField(
        label=gettext_lazy("WordPress export (.xml)"),
        help_text=gettext_lazy(
            "In WordPress: Tools › Export › Posts › Download Export File. Images are not in "
            "this file: import them with the command (see the README) or add them afterwards."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,text/xml,application/xml"}),
    )
    author_map = forms.CharField(
        label=gettext_lazy("Authors"),
        required=False,
        help_text=gettext_lazy(
            "WordPress logins and therapist profile slugs, e.g. “jane=jane-rivera, sam=sam-lee”. "
            "Others are matched by name; no therapist profile is created."
        ),
    )

    def clean_export(self):
        export = self.cleaned_data["export"]
        if export.size > MAX_EXPORT_BYTES:
            raise forms.ValidationError(_("This file is larger than 200 MB: use the command."))
        return export


class WordPressImportView(View):
    template_name = "admin/articles/import_wordpress.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_import_wordpress(request.user):
            raise PermissionDenied
        self.index = ArticleIndexPage.objects.order_by("path").first()
        return super().dispatch(request, *args, **kwargs)

    def render(self, **context):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"page_title": _("Import from WordPress"), "header_icon": "download", **context},
        )

    def get(self, request):
        return self.render(form=WordPressUploadForm())

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm()
        form = WordPressUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        self.forget_upload()
        handle, path = tempfile.mkstemp(prefix="wordpress-export-", suffix=".xml")
        with os.fdopen(handle, "wb") as file:
            for chunk in form.cleaned_data["export"].chunks():
                file.write(chunk)
        options = {
            "author_map": form.cleaned_data["author_map"],
        }
        request.session[SESSION_KEY] = {"path": path, **options}
        report = self.run(path, options, dry_run=True)
        if report.error:
            self.forget_upload()
        return self.render(report=report, options=options)

    def confirm(self):
        pending = self.request.session.get(SESSION_KEY)
        if not pending or not Path(pending["path"]).is_file():
            return redirect("articles_import_wordpress")
        report = self.run(pending["path"], pending, dry_run=False)
        self.forget_upload()
        return self.render(report=report, done=True)

    def run(self, path, options, dry_run):
        return WordPressImport(
            path,
            self.index,
            user=self.request.user,
            dry_run=dry_run,
            author_map=parse_author_map(options["author_map"]),
        ).run()

    def forget_upload(self):
        pending = self.request.session.pop(SESSION_KEY, None)
        if pending:
            Path(pending["path"]).unlink(missing_ok=True)


class WordPressMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_wordpress(request.user)
