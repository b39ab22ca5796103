"""Which links in imported text point at the practice's own pages.

A link to one of our pages is stored as a Wagtail page link (`<a linktype="page" id="..">`),
so it follows the page when it is renamed or moved. A link is ours when it is relative, or its
host is this site's (or the old site's); the path is then matched against this site's page
paths, then against an old-site mapping (e.g. WordPress permalinks), then by its last segment
against page slugs and titles, so "/cognitive-behavioral-therapy/" on the old site finds the
service page titled "Cognitive behavioral therapy" whatever its slug here.
"""

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.utils.functional import cached_property
from django.utils.text import slugify

from wagtail.models import Page, Site

from services.models import ServicePage

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
TRAILING_THERAPY = re.compile(r"-(therapy|counseling|counselling)$")


@dataclass(frozen=True)
class PageTarget:
    """A page a link resolves to. `page_id` is None for a page a dry run would create."""

    page_id: int | None
    title: str
    is_service: bool = False


@dataclass(frozen=True)
class ResolvedLink:
    href: str  # the address as written, for reports
    page: PageTarget | None = None  # set when the link points at one of our pages


def normalise_path(path: str) -> str:
    path = "/" + unquote(path).strip("/").lower()
    return path if path == "/" else path + "/"


def bare_host(host: str) -> str:
    return host.lower().removeprefix("www.")


def without_abbreviation(slug: str) -> str:
    """ "internal-family-systems-ifs" -> "internal-family-systems"."""
    *words, last = slug.split("-")
    return "-".join(words) if len(words) >= 2 and 2 <= len(last) <= 4 else slug


def slug_keys(text: str) -> set[str]:
    """Forms under which an old address may name a page: its slug with and without a
    trailing "-therapy" or abbreviation ("/ifs-therapy/", "/internal-family-systems-ifs/")."""
    slug = slugify(text)
    keys = {slug, TRAILING_THERAPY.sub("", slug)}
    keys |= {without_abbreviation(key) for key in keys}
    keys |= {TRAILING_THERAPY.sub("", key) for key in keys}
    return {key for key in keys if key}


class LinkResolver:
    def __init__(self, site: Site | None = None, hosts=(), old_paths=None):
        if site is not None:
            self.site = site
        self.old_hosts = {bare_host(host) for host in hosts if host}
        # Old-site paths mapped by the caller (e.g. an imported post's permalink).
        self.old_paths: dict[str, PageTarget] = dict(old_paths or {})

    @cached_property
    def site(self) -> Site | None:
        return Site.objects.filter(is_default_site=True).select_related("root_page").first()

    def is_ours(self, host: str) -> bool:
        """Only asks the database for this site's host when a link names a host at all."""
        return host in self.old_hosts or bool(self.site and host == bare_host(self.site.hostname))

    def add_old_path(self, path: str, target: PageTarget):
        self.old_paths[normalise_path(path)] = target

    def resolve(self, href: str) -> ResolvedLink | None:
        """None for an address that must not be kept (javascript:, data:...)."""
        href = (href or "").strip()
        if not href:
            return None
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme and scheme not in SAFE_SCHEMES:
            return None
        if href.startswith("#") or scheme in ("mailto", "tel"):
            return ResolvedLink(href)
        host = bare_host(parts.hostname or "")
        if host and not self.is_ours(host):
            return ResolvedLink(href)
        if not parts.path or (parts.path == "/" and not host):
            return ResolvedLink(href)
        return ResolvedLink(href, self.find_page(parts.path))

    def find_page(self, path: str) -> PageTarget | None:
        path = normalise_path(path)
        if path in self.old_paths:
            return self.old_paths[path]
        if path in self.pages_by_path:
            return self.pages_by_path[path]
        segment = path.strip("/").rsplit("/", 1)[-1]
        for key in slug_keys(segment):
            if key in self.pages_by_slug:
                return self.pages_by_slug[key]
        return None

    @cached_property
    def service_ids(self) -> set[int]:
        return set(ServicePage.objects.values_list("pk", flat=True))

    @cached_property
    def pages_by_path(self) -> dict[str, PageTarget]:
        if not self.site:
            return {}
        root_path = self.site.root_page.url_path
        pages = Page.objects.descendant_of(self.site.root_page, inclusive=True)
        return {
            normalise_path(url_path[len(root_path) :]): PageTarget(
                pk, title, pk in self.service_ids
            )
            for pk, url_path, title in pages.values_list("pk", "url_path", "title")
        }

    @cached_property
    def pages_by_slug(self) -> dict[str, PageTarget]:
        """Services first, so an old service address never lands on an article of that name."""
        by_slug = {}
        services = ServicePage.objects.values_list("pk", "slug", "title", "short_name")
        for pk, slug, title, short_name in services:
            target = PageTarget(pk, title, is_service=True)
            for text in (slug, title, short_name):
                for key in slug_keys(text or ""):
                    by_slug.setdefault(key, target)
        for path, target in self.pages_by_path.items():
            for text in (path.strip("/").rsplit("/", 1)[-1], target.title):
                for key in slug_keys(text):
                    by_slug.setdefault(key, target)
        return by_slug
