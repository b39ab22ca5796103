"""The base every page type builds on: wagtail-seo's metadata and a shared promote tab.

Every page gets a title, description, canonical URL and share image that crawlers accept
even when editors leave the promote tab empty, and describes itself as schema.org JSON-LD
(`get_structured_data`). Absolute URLs come from the Wagtail Site record (Settings › Sites:
hostname and port), the same address Wagtail uses for its own full URLs.
"""

from dataclasses import dataclass
from operator import attrgetter

from django.conf import settings
from django.db import models
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction, Site
from wagtail.search import index

from wagtailseo.models import SeoMixin, SeoSettings, TwitterCard
from wagtailseo.utils import ensure_absolute_url

from . import structured_data
from .cache import any_view_restrictions
from .models import PracticeSettings
from .text import plain_text, shorten

TITLE_MAX_LENGTH = 65
TITLE_SEPARATOR = " | "
DESCRIPTION_MIN_LENGTH = 50
DESCRIPTION_MAX_LENGTH = 160


def live_related_pages(relation, order_by: str = "title") -> list[Page]:
    """The live, public pages of a ParentalManyToManyField, in one query.

    In a preview the relation is held in memory (modelcluster's FakeQuerySet, which has no
    page filters), so the live filter then runs in Python on the chosen pages.
    """
    pages = relation.all()
    if isinstance(pages, models.QuerySet):
        return list(public_pages(pages.live()).order_by(order_by))
    return sorted((page for page in pages if page.live), key=attrgetter(order_by))


def public_pages(pages: PageQuerySet) -> PageQuerySet:
    """Wagtail's `.public()`, which reads every view restriction to leave out private sections
    on each call; with no private page on the site (known from the cache) none is left out.
    For querysets of any page type; the site's own page types' `.public()` is this."""
    return PageQuerySet.public(pages) if any_view_restrictions() else pages.all()


class SitePageQuerySet(PageQuerySet):
    def public(self):
        return public_pages(self)


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


def fit_title(main: str, extra: str) -> str:
    """Join as "main | extra" when that fits a search result's title, else main alone."""
    combined = f"{main}{TITLE_SEPARATOR}{extra}" if extra else main
    return combined if len(combined) <= TITLE_MAX_LENGTH else shorten(main, TITLE_MAX_LENGTH)


@dataclass(frozen=True)
class SchemaLinks:
    """The addresses a page's structured data needs, worked out once per page."""

    request: HttpRequest | None
    root_url: str  # e.g. "http://127.0.0.1:8000": the Site record's address
    page_url: str

    @property
    def home_url(self) -> str:
        return f"{self.root_url}/"

    @property
    def organisation(self) -> dict:
        return structured_data.ref(structured_data.organisation_id(self.home_url))

    def url_of(self, page: Page) -> str:
        return page.get_full_url(self.request)


class SitePage(SeoMixin, Page):
    """Abstract base: SEO and social metadata, breadcrumbs and a summary for listings.

    `summary` is declared here only. A page type whose cards and previews need it sets
    `summary_required = True`: its copy of the field is then required to publish (a draft may
    still be saved without it, as Wagtail does for every required field).
    """

    summary_required = False
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

    # In order of preference; each page type has only some of these. When the first is short,
    # the next ones complete it, so that every page has a description of a useful length.
    seo_description_sources = [
        "search_description",
        "summary",
        "hero_intro",
        "intro",
        "bio",
        "body",
    ]
    # The schema.org type of the page itself (subtypes of WebPage).
    schema_page_type = "WebPage"

    objects = SitePageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail asks on every page view; a site with no private page needs no query."""
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        """Wagtail's routing, which also notes on the page it finds the pages it went through
        (`routed_through`, from the home page down): its breadcrumb trail, without a query."""
        result = super().route(request, path_components)
        if result[0] is not self:
            result[0].__dict__.setdefault("routed_through", []).insert(0, self)
        return result

    def prepare_to_serve(self) -> None:
        """Load at once what every view of the page shows, where that saves queries; the
        `before_serve_page` hook calls it, and the route cache keeps the result with the page
        (practice/cache.py)."""

    @cached_property
    def breadcrumbs(self):
        """Ancestors from the home page down to the parent, for the breadcrumb trail."""
        routed_through = self.__dict__.get("routed_through")
        if routed_through is not None:
            return [page for page in routed_through if page.depth > 1]
        return list(self.get_ancestors().filter(depth__gt=1).specific(defer=True))

    # -- Search and social metadata (wagtail-seo's properties, with fallbacks) --------------

    @cached_property
    def seo_site(self):
        return self.get_site()

    def get_context(self, request, *args, **kwargs):
        # Serving a page, the request already knows its Site (Wagtail caches it on the
        # request while routing): reuse it for the metadata rather than query it again.
        if "seo_site" not in self.__dict__:
            self.__dict__["seo_site"] = Site.find_for_request(request) or self.get_site()
        if "seo_org_fields" not in self.__dict__ and self.seo_site:
            self.__dict__["seo_org_fields"] = SeoSettings.for_request(request)
        return super().get_context(request, *args, **kwargs)

    @cached_property
    def seo_org_fields(self) -> SeoSettings:
        """wagtail-seo's settings, for what only they hold: which meta tags to output and the
        default share image. The practice's identity comes from PracticeSettings."""
        return SeoSettings.for_site(self.seo_site)

    @cached_property
    def seo_sitename(self) -> str:
        site_name = self.seo_site.site_name if self.seo_site else ""
        return site_name or settings.WAGTAIL_SITE_NAME

    @cached_property
    def seo_pagetitle(self) -> str:
        """The editor's SEO title, else "<title> | <site name>" within 65 characters."""
        return self.seo_title or fit_title(self.title, self.seo_sitename)

    @cached_property
    def seo_description(self) -> str:
        """Between 50 and 160 characters: the search description, else the summary, else
        text from the page's content."""
        description = ""
        for attr in self.seo_description_sources:
            text = plain_text(getattr(self, attr, ""))
            if text:
                description = f"{description} {text}".strip()
            if len(description) >= DESCRIPTION_MIN_LENGTH:
                break
        return shorten(description, DESCRIPTION_MAX_LENGTH)

    @cached_property
    def seo_canonical_url(self) -> str:
        return super().seo_canonical_url

    @cached_property
    def seo_image(self):
        """The page's own share image, else its main image, else the site default."""
        for attr in self.seo_image_sources:
            image = getattr(self, attr, None)
            if image:
                return image
        return self.seo_org_fields.og_image_default

    @cached_property
    def seo_image_rendition(self):
        return self.seo_image.get_rendition(structured_data.SHARE_IMAGE) if self.seo_image else None

    @cached_property
    def seo_image_url(self) -> str:
        if not self.seo_image_rendition:
            return ""
        return ensure_absolute_url(self.seo_image_rendition.url, self.seo_site.root_url)

    @property
    def seo_twitter_card_content(self) -> str:
        card = TwitterCard.LARGE if self.seo_image else TwitterCard.SUMMARY
        return card.value

    # -- Structured data ---------------------------------------------------------------------

    @property
    def schema_name(self) -> str:
        """The page's name in its structured data and last breadcrumb."""
        return self.title

    def get_schema_page_url(self, root_url: str, page_path: str) -> str:
        """The address that identifies the page in its structured data. A routable page
        serving another listing than its own (a topic of the articles index) returns that."""
        return root_url + page_path

    def get_schema_page(self, links: SchemaLinks) -> dict:
        """Properties to add to the WebPage node, for page types that know more about it."""
        return {}

    def get_schema_entities(self, links: SchemaLinks) -> list[dict]:
        """Nodes for what the page is about (an article, a therapy, a clinician)."""
        return []

    def get_structured_data(self, request: HttpRequest | None = None) -> list[dict]:
        """The schema.org nodes describing this page: the practice, the website, the page,
        its breadcrumb trail, what it is about and its FAQs."""
        url_parts = self.get_url_parts(request)
        if url_parts is None:  # not routable, e.g. outside any site
            return []
        page_url = self.get_schema_page_url(root_url=url_parts[1], page_path=url_parts[2])
        links = SchemaLinks(request, root_url=url_parts[1], page_url=page_url)
        nodes = [
            structured_data.organisation(
                PracticeSettings.for_request(request)
                if request
                else PracticeSettings.for_site(self.seo_site),
                name=self.seo_sitename,
                home_url=links.home_url,
                root_url=links.root_url,
            ),
            structured_data.website(
                name=self.seo_sitename, home_url=links.home_url, root_url=links.root_url
            ),
        ]
        page_node = {
            "@type": self.schema_page_type,
            "@id": links.page_url,
            "url": links.page_url,
            "name": self.schema_name,
            "description": self.seo_description,
            "inLanguage": structured_data.LANGUAGE,
            "isPartOf": structured_data.ref(structured_data.website_id(links.home_url)),
            "datePublished": self.first_published_at,
            "dateModified": self.last_published_at,
        }
        if self.seo_image:
            page_node["primaryImageOfPage"] = {"@type": "ImageObject", "url": self.seo_image_url}
        nodes.append(page_node)
        if self.breadcrumbs:
            crumbs = [(_("Home"), links.url_of(self.breadcrumbs[0]))]
            crumbs += [(crumb.title, links.url_of(crumb)) for crumb in self.breadcrumbs[1:]]
            crumbs.append((self.schema_name, links.page_url))
            trail = structured_data.breadcrumb_list(crumbs, page_url=links.page_url)
            page_node["breadcrumb"] = structured_data.ref(trail["@id"])
            nodes.append(trail)
        page_node.update(self.get_schema_page(links))
        nodes.extend(self.get_schema_entities(links))
        faq = structured_data.faq_page(
            getattr(self, "body", None), page_url=links.page_url, home_url=links.home_url
        )
        if faq:
            nodes.append(faq)
        return nodes


@receiver(class_prepared)
def require_summary(sender, **kwargs):
    """Make `summary` required on the page types that ask for it.

    Django gives each concrete subclass its own copy of an abstract base's fields, so setting
    `blank` on that copy changes that page type only; the admin form, Wagtail's deferred
    validation of drafts and `full_clean` on publishing all read it from there."""
    if issubclass(sender, SitePage) and sender.summary_required:
        sender._meta.get_field("summary").blank = False


class IndexPage(SitePage):
    """Abstract base of the listing pages (articles, services, therapists): one of each, under
    the home page, a welcome above the list, and a schema.org CollectionPage."""

    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("A short welcome above the list."),
    )

    content_panels = [*SitePage.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
    ]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    schema_page_type = "CollectionPage"

    class Meta:
        abstract = True
