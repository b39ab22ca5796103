"""Presentation helpers for the public templates: crisis help, navigation state, pagination
and section links. No app of ours but practice is imported here."""

from django import template
from django.core.cache import cache

from wagtail.models import Page, Site

from practice.cache import FRAGMENT_CACHE_SECONDS, current_generation, generation_key
from practice.crisis import CrisisHelp
from practice.models import PracticeSettings
from practice.pages import public_pages

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


@register.simple_tag
def fragment_cache() -> dict[str, int]:
    """For `{% wagtailcache fragment.seconds "name" fragment.generation ... %}` around parts
    that show content from anywhere on the site (footer, metadata): keyed on the site's cache
    generation, they go stale at once with any change (practice/cache.py), which a request
    reads once, so that every fragment of a page comes from the same generation."""
    return {"generation": current_generation(), "seconds": FRAGMENT_CACHE_SECONDS}


@register.simple_tag(takes_context=True)
def site_menu(context) -> list[dict[str, str]]:
    """The main menu's links, {"href", "text", "current"}: the links from the practice
    settings, kept in the shared cache under the generation (resolving the linked pages costs
    a query otherwise), and for this request the aria-current value of each (`nav_current`)."""
    request = context["request"]
    site = Site.find_for_request(request)
    key = generation_key("menu", str(site.pk if site else ""))
    links = cache.get(key)
    if links is None:
        links = [
            {"href": link.value.href, "text": link.value.link_text}
            for link in PracticeSettings.for_request(request).navigation
        ]
        cache.set(key, links, FRAGMENT_CACHE_SECONDS)
    return [{**link, "current": nav_current(request.path, link["href"])} for link in links]


def nav_current(path: str, href: str) -> str:
    """The aria-current value for a menu link: "page" on that page, "true" anywhere in its
    section, "" elsewhere. The home link is current only on the home page itself."""
    if not href or not href.startswith("/"):
        return ""
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
    """URLs of the live child pages of `page`, keyed by model name ("articleindexpage"), for
    the "see all" links on the home page; kept in the shared cache under the generation."""
    request = context.get("request")
    key = generation_key("sections", str(page.pk))
    urls = cache.get(key)
    if urls is None:
        urls = {}
        for child in public_pages(page.get_children().live()):
            urls.setdefault(child.specific_class._meta.model_name, child.get_url(request=request))
        cache.set(key, urls, FRAGMENT_CACHE_SECONDS)
    return urls
