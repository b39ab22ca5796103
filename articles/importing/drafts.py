"""Put a conversion into an article: a new draft, or the body of an existing one.

Every import path (Word, paste, WordPress) ends here, so they all save a revision the same
way, set the related services the text links to, and tell the editor what became what.
"""

from django.contrib import messages
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from articles.models import ArticlePage

from .html_to_blocks import Conversion


def free_slug(parent, wanted: str) -> str:
    """`wanted` (e.g. the old post's slug) when no sibling has it; otherwise empty, and Wagtail
    makes a unique slug from the title when the page is added."""
    slug = slugify(wanted)[:255]
    return "" if not slug or parent.get_children().filter(slug=slug).exists() else slug


def service_ids(conversion: Conversion) -> list[int]:
    return [service.page_id for service in conversion.services if service.page_id]


def create_draft_article(index, conversion: Conversion, user, **fields) -> ArticlePage:
    """A new, unpublished article under the index, with a first revision."""
    title = fields.pop("title", "") or conversion.title or _("Imported article")
    article = ArticlePage(
        title=title[:255],
        slug=free_slug(index, fields.pop("slug", "")),
        summary=fields.pop("summary", "") or conversion.summary or title,
        body=conversion.blocks,
        owner=user,
        live=False,
        **fields,
    )
    with transaction.atomic():
        index.add_child(instance=article)
        article.related_services.set(service_ids(conversion))
        article.save(update_fields=["related_services"], clean=False)
        article.save_revision(user=user, log_action=False, clean=False)
        log(instance=article, action="wagtail.create", user=user)
    return article


def update_article_body(article: ArticlePage, conversion: Conversion, user, replace=False):
    """Append the blocks to (or replace) the body of the article's latest revision, as a new
    draft revision: a live article stays as it is until the draft is approved."""
    draft = article.get_latest_revision_as_object()
    existing = [] if replace else list(draft.body.raw_data)
    draft.body = existing + conversion.blocks
    draft.related_services.add(*service_ids(conversion))
    draft.save_revision(user=user, clean=False)
    return draft


def report_to_editor(request, conversion: Conversion):
    """The report as admin messages: what became what, then what to check."""
    if conversion.report:
        messages.info(request, _("What became what: %s.") % "; ".join(conversion.report))
    for note in conversion.notes:
        messages.warning(request, note)
