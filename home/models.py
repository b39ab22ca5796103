from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from articles.models import ArticlePage, card_image_prefetch
from practice.blocks import BodyStreamBlock
from practice.images import rendition_prefetch
from practice.pages import SitePage, fit_title
from services.models import therapist_card_prefetches

LATEST_ARTICLES_ON_HOME = 3


class HomePage(SitePage):
    hero_heading = models.CharField(
        max_length=120,
        help_text=_(
            "The main message, e.g. 'Compassionate care for anxiety and trauma'. The page's H1."
        ),
    )
    hero_intro = models.TextField(
        max_length=400,
        blank=True,
        help_text=_("One or two reassuring sentences under the heading."),
    )
    hero_image = models.ForeignKey(
        "practice.PracticeImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A calm, welcoming image. Landscape."),
    )

    content_panels = [
        *SitePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro"), FieldPanel("hero_image")],
            heading=_("Welcome"),
        ),
        FieldPanel("summary"),
        InlinePanel(
            "featured_services",
            heading=_("Featured services"),
            label=_("Service"),
            help_text=_("Three or four services to show first."),
            max_num=6,
        ),
        InlinePanel(
            "featured_therapists",
            heading=_("Featured therapists"),
            label=_("Therapist"),
            help_text=_("Clinicians to introduce on the home page."),
            max_num=6,
        ),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
        index.SearchField("summary"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "services.ServiceIndexPage",
        "services.TherapistIndexPage",
        "services.AppointmentRequestPage",
        "home.StandardPage",
    ]
    max_count = 1
    seo_image_sources = ["og_image", "hero_image"]

    class Meta:
        verbose_name = _("home page")

    @cached_property
    def seo_pagetitle(self) -> str:
        """The practice's name first on its home page, not "Home | ..."."""
        return self.seo_title or fit_title(self.seo_sitename, self.hero_heading)

    def get_schema_page(self, links):
        return {"about": links.organisation}

    def get_featured_services(self):
        links = self.featured_services.filter(service__live=True).select_related("service")
        links = links.prefetch_related(rendition_prefetch("service__image", "card"))
        return [link.service for link in links]

    def get_featured_therapists(self):
        links = self.featured_therapists.filter(therapist__live=True).select_related("therapist")
        links = links.prefetch_related(*therapist_card_prefetches("therapist__"))
        return [link.therapist for link in links]

    def get_latest_articles(self):
        return (
            ArticlePage.objects.live()
            .public()
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(card_image_prefetch())
            .order_by("-first_published", "-pk")[:LATEST_ARTICLES_ON_HOME]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read only when the page's cached fragment is missing (practice/cache.py).
        context.update(
            featured_services=SimpleLazyObject(self.get_featured_services),
            featured_therapists=SimpleLazyObject(self.get_featured_therapists),
            latest_articles=SimpleLazyObject(lambda: list(self.get_latest_articles())),
        )
        return context


class HomeFeaturedService(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_services")
    service = models.ForeignKey(
        "services.ServicePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A service page."),
    )

    panels = [FieldPanel("service")]


class HomeFeaturedTherapist(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_therapists")
    therapist = models.ForeignKey(
        "services.TherapistPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A therapist profile."),
    )

    panels = [FieldPanel("therapist")]


class StandardPage(SitePage):
    """A plain page for content such as 'About us', 'Fees and insurance' or the privacy notice."""

    body = StreamField(
        BodyStreamBlock(), blank=True, help_text=_("The page content, built from blocks.")
    )

    content_panels = [*SitePage.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
