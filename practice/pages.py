"""The base every page type builds on: wagtail-seo's metadata and a shared promote tab."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from wagtailseo.models import SeoMixin


class SitePage(SeoMixin, Page):
    """Abstract base: SEO and social metadata, breadcrumbs and a summary for listings."""

    summary = models.TextField(
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown in listings, search results and link previews. "
            "Plain language; no clinical jargon."
        ),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("og_image"),
                FieldPanel("canonical_url"),
            ],
            heading=_("Search engines and social media"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Navigation")),
    ]

    seo_description_sources = ["search_description", "summary"]

    class Meta:
        abstract = True

    @property
    def breadcrumbs(self):
        """Ancestors from the home page down to the parent, for the breadcrumb trail."""
        return self.get_ancestors().filter(depth__gt=1).specific(defer=True)
