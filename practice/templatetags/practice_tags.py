"""Presentation helpers for the public templates: crisis help, navigation state, pagination
and section links. No app of ours but practice is imported here."""

from django import template

from wagtail.models import Page

from practice.crisis import CrisisHelp
from practice.models import PracticeSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def crisis_help(context) -> CrisisHelp:
    """The crisis help for templates/includes/crisis_resources.html: from the site's practice
    settings when serving a request; without one (the 500 page, which must render while the
    database is down), from the `practice` settings the error view could read, else the
    built-in default."""
    request = context.get("request")
    if request is not None:
        return PracticeSettings.for_request(request).crisis_help
    practice = context.get("practice")
    return practice.crisis_help if practice else CrisisHelp()


@register.simple_tag(takes_context=True)
def nav_current(context, href: str) -> str:
    """The aria-current value for a menu link: "page" on that page, "true" anywhere in its
    section, "" elsewhere. The home link is current only on the home page itself."""
    request = context.get("request")
    if not request or not href or not href.startswith("/"):
        return ""
    path = request.path
    if path == href:
        return "page"
    if href != "/" and path.startswith(href.rstrip("/") + "/"):
        return "true"
    return ""


@register.simple_tag
def page_numbers(page_obj):
    """Page numbers around the current one, with Paginator.ELLIPSIS where some are left out."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)


@register.simple_tag(takes_context=True)
def page_url(context, params, number) -> str:
    """The link to page `number` of a listing, keeping the query `params` (a QueryDict).
    Page 1 has one address, without ?page=1: the one listings name as canonical."""
    query = params.copy()
    if number == 1:
        query.pop("page", None)
    else:
        query["page"] = number
    return f"?{query.urlencode()}" if query else context["request"].path


@register.simple_tag(takes_context=True)
def section_urls(context, page: Page) -> dict[str, str]:
    """URLs of the live child pages of `page`, keyed by model name ("articleindexpage"), in one
    query, for the "see all" links on the home page."""
    request = context.get("request")
    urls = {}
    for child in page.get_children().live().public():
        urls.setdefault(child.specific_class._meta.model_name, child.get_url(request=request))
    return urls
