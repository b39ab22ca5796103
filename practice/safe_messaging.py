"""The safe-messaging check: find wording about suicide that public guidelines advise against,
and say what to write instead.

The check flags and does not block. Clinical review is the gate for articles; an article may
quote a phrase on purpose (to explain why it hurts), and a hard block would only teach editors
to misspell their way past it.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.admin.panels import Panel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .models import SafeMessagingRule
from .text import plain_text

NOT_PROSE = (models.URLField, models.SlugField, models.EmailField)


@dataclass(frozen=True)
class Finding:
    found: str
    suggestion: str
    explanation: str


def find_unsafe_wording(text: str, rules=None) -> list[Finding]:
    """Each rule whose phrase occurs in the text, with the words as written there."""
    if rules is None:
        rules = SafeMessagingRule.objects.all()
    findings = []
    for rule in rules:
        match = rule.pattern.search(text)
        if match:
            findings.append(Finding(match.group(0), rule.suggestion, rule.explanation))
    return findings


def page_text(page) -> str:
    """What a visitor or a search engine reads on a page: the title and search snippet, and
    every text, rich-text and StreamField field of its type."""
    parts = [page.title, getattr(page, "seo_title", ""), page.search_description]
    page_fields = {field.name for field in Page._meta.get_fields()}
    for field in type(page)._meta.concrete_fields:
        if field.name in page_fields or field.choices or isinstance(field, NOT_PROSE):
            continue
        value = getattr(page, field.attname)
        if isinstance(field, StreamField | RichTextField):
            parts.append(plain_text(value))
        elif isinstance(field, models.CharField | models.TextField):
            parts.append(value or "")
    return "\n".join(part for part in parts if part)


def warn_about_unsafe_wording(request, page):
    """Add an admin warning for each safe-messaging rule the page's text breaks."""
    for finding in find_unsafe_wording(page_text(page)):
        messages.warning(
            request,
            format_html(
                _(
                    "Safe messaging: this page says “{found}”. Consider “{suggestion}” instead. {why}"
                ),
                found=finding.found,
                suggestion=finding.suggestion,
                why=finding.explanation,
            ),
        )


class SafeMessagingPanel(Panel):
    """Shows, at the top of the editor, the flags on the text being edited: the version an
    editor is writing or a reviewer is about to approve, recomputed on every visit."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "admin/safe_messaging_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["findings"] = find_unsafe_wording(page_text(self.instance))
            return context
