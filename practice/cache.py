"""Anonymous page cache with site-wide invalidation.

Every cache key carries a *generation* number kept in the shared cache (Redis in production).
Publishing, unpublishing, moving, copying or deleting a page, and saving a snippet, a site
setting, a Site, an image or a document bumps it, so every cached page and fragment (home,
indexes, topic pages, profiles, menus, the sitemap) is fresh at once, in every app process that
shares the cache. Stale entries are never read again and expire with PAGE_CACHE_SECONDS.

Only anonymous GET/HEAD requests without a session are served from the cache, and only
responses that are 200, set no cookie, used no CSRF token and do not ask to stay private.

A page the cache does not hold is still built from shared parts kept under the same generation:
the Site record and practice settings every request reads (`prime_site`), the page an anonymous
request's address leads to (`prime_route`), whether any page is private at all
(`any_view_restrictions`), the main menu
(`site_menu`), and the footer and each page's metadata, JSON-LD and body (`{% wagtailcache %}`
fragments keyed on `{% fragment_cache %}`'s generation), so that mostly the page's own lists
cost queries.
"""

import hashlib
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

GENERATION_KEY = "page-cache:generation"
CACHE_STATUS_HEADER = "X-Page-Cache"
# Read by nginx's micro-cache (deploy/nginx/locations.conf.template), which hides it from clients.
PROXY_EXPIRES_HEADER = "X-Accel-Expires"
# Not served from the page cache: the admin and previews, document downloads (permission
# checks), search (records popular searches; unbounded keys), the health check.
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/search/", "/healthz")
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
# The admin reads settings as it edits them; the health check must answer 503, not fail, when
# the database or the cache is down.
NOT_PRIMED_PREFIXES = ("/admin/", "/healthz")
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Robots-Tag", "Link")
# How long a shared fragment (menu, footer, metadata) may stay in the cache. Any change that
# could alter one bumps the generation first, so this only bounds how long unused ones use memory.
FRAGMENT_CACHE_SECONDS = 3600


# The generation a request read first, so that its fragments, route and data all come from
# one generation and the shared cache is asked once per request, not once per fragment.
_request_generation: ContextVar[int | None] = ContextVar("request_generation", default=None)


def current_generation() -> int:
    generation = _request_generation.get()
    if generation is not None:
        return generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock, not 1, so a lost key never brings back an old generation.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY) or 0
    return generation


def bump_generation() -> None:
    _request_generation.set(None)  # this request's own changes are read back fresh
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate_site_cache() -> None:
    """Bump now (this process stops serving the old pages), and again after the transaction
    commits, so no other process can refill the cache from data that was not yet visible."""
    bump_generation()
    transaction.on_commit(bump_generation)


def generation_key(*parts: str) -> str:
    """A cache key that goes stale with the site: for fragments and data shown on many pages."""
    return ":".join(["site", str(current_generation()), *parts])


# Small values under generation keys, as this process last read them: such a key's value never
# changes (a change bumps the generation), so a process may keep it. Immutable values only.
_known_values: dict[str, object] = {}
KNOWN_VALUES_LIMIT = 512


def shared_value(compute, *parts: str):
    """`compute()`, kept under the generation in the shared cache and, once read, in this
    process: for a small immutable value several parts of every request ask for."""
    key = generation_key(*parts)
    value = _known_values.get(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, FRAGMENT_CACHE_SECONDS)
    if len(_known_values) >= KNOWN_VALUES_LIMIT:
        _known_values.clear()  # the older generations' values, mostly
    _known_values[key] = value
    return value


def prime_site(request) -> None:
    """Give the request its Site, practice settings (with the logo and telehealth states the
    organisation's JSON-LD shows) and wagtail-seo settings from the shared cache, where
    Wagtail looks for them (`Site.find_for_request`, `BaseSiteSetting.for_request`), instead
    of five queries per request. Each bumps the generation when saved."""
    from django.db.models import prefetch_related_objects

    from wagtail.models import Site

    from wagtailseo.models import SeoSettings

    from .models import PracticeSettings

    key = generation_key("site", request.get_host())
    cached = cache.get(key)
    if cached is None:
        site = Site.find_for_request(request)
        if site is None:
            return
        site.root_page.specific  # where routing starts: kept with the site  # noqa: B018
        practice = PracticeSettings.for_site(site)
        prefetch_related_objects([practice], "logo", "telehealth_states")
        seo = SeoSettings.for_site(site)
        prefetch_related_objects([seo], "og_image_default")  # a page's share image otherwise
        cached = (site, practice, seo)
        cache.set(key, cached, FRAGMENT_CACHE_SECONDS)
    site, *site_settings = cached
    request._wagtail_site = site  # where Site.find_for_request keeps it for the request
    for setting in site_settings:
        setting._request = request
        setattr(request, setting.get_cache_attr_name(), setting)


def prime_route(request) -> None:
    """Give an anonymous request the page its address led to last time, where Wagtail keeps a
    request's route (`Page.route_for_request` reads `request._wagtail_route_for_request`),
    instead of a walk down the page tree (three queries for an article). A route found by
    walking is kept by the `before_serve_page` hook `prepare_and_remember_route`, as found
    (with what `SitePage.prepare_to_serve` loads), before the page is served and its instance
    gains state."""
    from wagtail.url_routing import RouteResult

    key = generation_key("route", request.get_host(), request.path_info)
    route = cache.get(key)
    if route is None:
        request.route_cache_key = key
    else:
        request._wagtail_route_for_request = RouteResult(*route)


def prepare_and_remember_route(page, request, args, kwargs) -> None:
    if hasattr(page, "prepare_to_serve"):
        page.prepare_to_serve()
    key = getattr(request, "route_cache_key", None)
    if key is not None:
        cache.set(key, (page, args, kwargs), FRAGMENT_CACHE_SECONDS)


def any_view_restrictions() -> bool:
    """Whether any page is private (login, password or groups). Wagtail looks for the
    restrictions of each page it serves; a site with none needs no such query."""
    from wagtail.models import PageViewRestriction

    return shared_value(PageViewRestriction.objects.exists, "view-restrictions")


def page_cache_key(request) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return generation_key("page", hashlib.sha256(url.encode()).hexdigest())


def request_is_cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        # Wagtail previews run the middleware on a dummy request for the page's own URL.
        and not getattr(request, "is_dummy", False)
        and not request.path_info.startswith(UNCACHED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
    )


def response_is_cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a form with a token
        return False
    directives = {
        part.split("=")[0].strip().lower()
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }
    return not directives & UNCACHEABLE_DIRECTIVES


def mark_public(response) -> None:
    """Shared caches may keep it for CDN_CACHE_SECONDS; browsers revalidate (a cheap 304).
    It varies on Cookie because signed-in staff get a private, uncached response."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.CDN_CACHE_SECONDS)
    patch_vary_headers(response, ["Cookie"])


def allow_proxy_cache(response):
    """Let the front server keep this anonymous page for PROXY_CACHE_SECONDS: the most a page
    it serves can lag behind a change (README § Caching)."""
    if settings.PROXY_CACHE_SECONDS > 0:
        response[PROXY_EXPIRES_HEADER] = str(settings.PROXY_CACHE_SECONDS)
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(None)
        try:
            _request_generation.set(current_generation())
            return self.respond(request)
        finally:
            _request_generation.reset(token)

    def respond(self, request):
        if not request_is_cacheable(request):
            response = self.build(request, anonymous=False)
            if not request.path_info.startswith("/admin/") and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response

        key = page_cache_key(request)
        entry = cache.get(key) if settings.PAGE_CACHE_SECONDS > 0 else None
        if entry is not None:
            return allow_proxy_cache(self.response_from(entry))

        response = self.build(request)
        if not response_is_cacheable(request, response):
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        response[CACHE_STATUS_HEADER] = "miss"
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["ETag"] = f'"{digest}"'
        response["Last-Modified"] = http_date()
        mark_public(response)
        entry = {
            "content": response.content,
            "headers": {
                name: response[name]
                for name in (*KEPT_HEADERS, "ETag", "Last-Modified", "Cache-Control", "Vary")
                if name in response
            },
        }
        if settings.PAGE_CACHE_SECONDS > 0:
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return allow_proxy_cache(response)

    def build(self, request, anonymous=True):
        """The response from the views, which find the Site, the settings and, for anonymous
        visitors, the page already loaded."""
        if not request.path_info.startswith(NOT_PRIMED_PREFIXES):
            prime_site(request)
            if anonymous:
                prime_route(request)
        return self.get_response(request)

    @staticmethod
    def response_from(entry) -> HttpResponse:
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"].items():
            response[name] = value
        response[CACHE_STATUS_HEADER] = "hit"
        return response


def page_changed(sender=None, **kwargs) -> None:
    invalidate_site_cache()


def shown_on_many_pages(model) -> bool:
    """Snippets, site settings, Sites, images and documents appear on many pages; a view
    restriction (Settings › Privacy) makes a page and its descendants private; an editor's
    pick (Settings › Promoted search results) changes the cached results of its search."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    shared = (BaseSiteSetting, BaseGenericSetting, Site, AbstractImage, AbstractDocument)
    changes = (BaseViewRestriction, SearchPromotion)
    return issubclass(model, (*shared, *changes)) or model in get_snippet_models()


def content_saved(sender, instance, created=False, **kwargs) -> None:
    from wagtail.models import Page

    if issubclass(sender, Page):
        # Draft saves and revisions leave the public site as it was; a page created live (a
        # copy with "publish copies", an import) changes it.
        if created and instance.live:
            invalidate_site_cache()
    elif shown_on_many_pages(sender):
        invalidate_site_cache()


def content_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if issubclass(sender, Page) or shown_on_many_pages(sender):
        invalidate_site_cache()


def deployed(sender, **kwargs) -> None:
    """Every deployment runs `migrate`: what the cache holds was built by the code and the
    data before it (fragments rendered by old templates, pickled pages of an old schema)."""
    if sender.name == "practice":  # post_migrate is sent once per app
        bump_generation()


def connect_invalidation_signals() -> None:
    from django.db.models.signals import post_delete, post_migrate, post_save

    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="page_cache_moved")
    post_save.connect(content_saved, dispatch_uid="page_cache_content_saved")
    post_delete.connect(content_deleted, dispatch_uid="page_cache_content_deleted")
    post_migrate.connect(deployed, dispatch_uid="page_cache_deployed")
