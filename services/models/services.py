from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.fields import StreamField
from wagtail.search import index

from practice import structured_data
from practice.blocks import BodyStreamBlock
from practice.images import rendition_prefetch
from practice.pages import IndexPage, SchemaLinks, SitePage


def portrait_prefetch(lookup="photo"):
    return rendition_prefetch(lookup, "portrait")


def therapist_card_prefetches(lookup: str = "") -> list:
    """What a therapist card shows beyond the page row (its portrait and credential letters),
    prefetched so that a listing's queries do not grow with the number of cards.
    `lookup` leads from the listed objects to the therapist, e.g. "therapist__"."""
    return [portrait_prefetch(f"{lookup}photo"), f"{lookup}credentials"]


class ServiceIndexPage(IndexPage):
    subpage_types = ["services.ServicePage"]

    class Meta:
        verbose_name = _("services index")

    def get_services(self):
        return (
            ServicePage.objects.live()
            .public()
            .child_of(self)
            .defer_streamfields()
            .prefetch_related(rendition_prefetch("image", "card"))
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = self.get_services()
        return context


class ServicePage(SitePage):
    summary_required = True
    short_name = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("An abbreviation visitors may search for, e.g. 'CBT' or 'IFS'."),
    )
    image = models.ForeignKey(
        "practice.PracticeImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A calm image for the top of the page and the service card."),
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text=_("Who it helps, what to expect, the approach, and FAQs, built from blocks."),
    )
    call_to_action = models.CharField(
        max_length=160,
        blank=True,
        help_text=_(
            "An invitation above the booking buttons, e.g. 'Ready to start CBT? We can help.'"
        ),
    )

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("short_name"),
        FieldPanel(
            "summary",
            help_text=_(
                "One or two sentences on who this helps and how. Shown in listings and previews."
            ),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("call_to_action"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("short_name", boost=2),
        index.AutocompleteField("short_name"),
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
    ]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []
    seo_image_sources = ["og_image", "image"]
    schema_page_type = "MedicalWebPage"

    class Meta:
        verbose_name = _("service")

    @cached_property
    def therapists(self):
        """Live therapist profiles that offer this service (the reverse relation)."""
        return list(
            self.offered_by.live()
            .public()
            .defer_streamfields()
            .prefetch_related(*therapist_card_prefetches(), "licences")  # for their JSON-LD
            .order_by("title")
        )

    @cached_property
    def articles(self):
        """Live articles that discuss this service (the reverse relation), newest first."""
        return list(
            self.discussed_in.live()
            .public()
            .defer_streamfields()
            .select_related("author")
            .order_by("-first_published", "-pk")[:6]
        )

    def get_schema_therapy(self, links: SchemaLinks, *, full=False) -> dict:
        """This service as a schema.org therapy; `full` adds what its own page shows."""
        url = links.url_of(self)
        therapy = {
            "@type": ["MedicalTherapy", "Service"],
            "@id": f"{url}#therapy",
            "name": self.title,
            "url": url,
        }
        if full:
            therapy.update(
                alternateName=self.short_name,
                description=self.seo_description,
                image=self.seo_image_url,
                provider=[
                    links.organisation,
                    *(therapist.get_schema_person(links) for therapist in self.therapists),
                ],
            )
        return therapy

    def get_schema_page(self, links):
        return {"mainEntity": structured_data.ref(f"{links.page_url}#therapy")}

    def get_schema_entities(self, links):
        return [self.get_schema_therapy(links, full=True)]
