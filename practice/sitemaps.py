"""The sitemap index and its sections (Wagtail's sitemap under Django's sitemap index).

`/sitemap.xml` lists one section per kind of page; a section is split into files of LIMIT
pages, so no response grows with the site. Both are served from the page cache and go stale
with it (practice/cache.py)."""

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count, Max
from django.db.models.functions import Coalesce

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .cache import FRAGMENT_CACHE_SECONDS, generation_key
from .pages import public_pages


class PageTypeSitemap(Sitemap):
    """Live, public pages of the request's site, of `page_models` (or all but `other_than`),
    given as "app_label.ModelName" so that practice imports no app of ours."""

    limit = 500
    page_models: tuple[str, ...] = ()
    other_than: tuple[str, ...] = ()

    @classmethod
    def section(cls, *, of=(), other_than=()):
        return type("SectionSitemap", (cls,), {"page_models": of, "other_than": other_than})

    def pages(self):
        root = self.get_wagtail_site().root_page
        pages = public_pages(root.get_descendants(inclusive=True).live()).order_by("path")
        if self.page_models:
            pages = pages.type(*map(apps.get_model, self.page_models))
        if self.other_than:
            pages = pages.not_type(*map(apps.get_model, self.other_than))
        return pages

    def items(self):
        pages = self.pages().defer_streamfields()
        # Specific pages only where a page type adds addresses of its own (the articles
        # index's topic pages); loading every article as an article costs more than the rest.
        return pages if self.plain_pages_only() else pages.specific()

    def plain_pages_only(self) -> bool:
        return bool(self.page_models) and all(
            apps.get_model(name).get_sitemap_urls is Page.get_sitemap_urls
            for name in self.page_models
        )

    def section_facts(self) -> dict:
        """How many pages the section has and when the latest changed, kept under the site's
        generation: the index asks both of every section, the section's files the count."""
        site = self.get_wagtail_site()
        key = generation_key("sitemap", str(site.pk), *self.page_models, "-", *self.other_than)
        facts = cache.get(key)
        if facts is None:
            # One aggregate query, where Django's default loads every page of the section to
            # ask each for its date (seconds at 10,000 articles).
            facts = self.pages().aggregate(
                count=Count("pk"),
                latest=Max(Coalesce("last_published_at", "latest_revision_created_at")),
            )
            cache.set(key, facts, FRAGMENT_CACHE_SECONDS)
        return facts

    def get_latest_lastmod(self):
        return self.section_facts()["latest"]

    @property
    def paginator(self):
        paginator = super().paginator
        paginator.count = self.section_facts()["count"]  # instead of a COUNT per request
        return paginator
