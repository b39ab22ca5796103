"""The sitemap index and its sections (Wagtail's sitemap under Django's sitemap index).

`/sitemap.xml` lists one section per kind of page; a section is split into files of LIMIT
pages, so no response grows with the site. Both are served from the page cache and go stale
with it (practice/cache.py)."""

from django.apps import apps

from wagtail.contrib.sitemaps import Sitemap


class PageTypeSitemap(Sitemap):
    """Live, public pages of the request's site, of `page_models` (or all but `other_than`),
    given as "app_label.ModelName" so that practice imports no app of ours."""

    limit = 2000
    page_models: tuple[str, ...] = ()
    other_than: tuple[str, ...] = ()

    @classmethod
    def section(cls, *, of=(), other_than=()):
        return type("SectionSitemap", (cls,), {"page_models": of, "other_than": other_than})

    def items(self):
        pages = (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
        )
        if self.page_models:
            pages = pages.type(*map(apps.get_model, self.page_models))
        if self.other_than:
            pages = pages.not_type(*map(apps.get_model, self.other_than))
        return pages.defer_streamfields().specific()
