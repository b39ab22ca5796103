from datetime import date

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from wagtailseo.models import SeoType

from practice.blocks import BodyStreamBlock
from practice.images import rendition_prefetch
from practice.models import TaxonomyTerm
from practice.pages import SitePage
from practice.text import reading_time_minutes
from services.models import ServicePage

ARTICLES_PER_PAGE = 10


@register_snippet
class ArticleTopic(TaxonomyTerm):
    """A topic readers can browse by, e.g. Parenting, Women's issues, Anxiety."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("article topic")


ARTICLE_CARD_IMAGE = "fill-640x360"


def card_image_prefetch(lookup="hero_image"):
    return rendition_prefetch(lookup, ARTICLE_CARD_IMAGE)


class ArticleIndexPage(SitePage):
    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("A short welcome above the list of articles."),
    )

    content_panels = [*SitePage.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    search_fields = [*SitePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("articles index")

    def get_articles(self):
        """Live, public articles under this index, newest first, ready for cards."""
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(card_image_prefetch(), "topics")
            .order_by("-first_published", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.get_articles()
        topic = ArticleTopic.objects.filter(slug=request.GET.get("topic", "")).first()
        service = None
        service_slug = request.GET.get("service", "")
        if service_slug:
            service = ServicePage.objects.live().public().filter(slug=service_slug).first()
        if topic:
            articles = articles.filter(topics=topic)
        if service:
            articles = articles.filter(related_services=service)
        filter_unknown = bool(
            (request.GET.get("topic") and not topic) or (service_slug and not service)
        )
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        context.update(
            articles=paginator.get_page(request.GET.get("page")),
            active_topic=topic,
            active_service=service,
            filter_unknown=filter_unknown,
            topics=ArticleTopic.objects.filter(articles__live=True).distinct(),
        )
        return context


class ArticlePage(SitePage):
    summary = models.TextField(
        max_length=300,
        help_text=_(
            "One or two sentences shown in listings, search results and link previews. "
            "Plain language; no clinical jargon."
        ),
    )
    hero_image = models.ForeignKey(
        "practice.PracticeImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A calm, relevant image shown at the top and in listings. Landscape works best."
        ),
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text=_(
            "The article, built from blocks: headings, paragraphs, lists, strategies, callouts..."
        ),
    )
    author = models.ForeignKey(
        "services.TherapistPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_articles",
        help_text=_("The clinician who wrote the article. Shown as the byline."),
    )
    clinical_reviewer = models.ForeignKey(
        "services.TherapistPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text=_("The licensed clinician who checked the article for clinical accuracy."),
    )
    first_published = models.DateField(
        default=date.today,
        help_text=_("The date the article first appeared. Shown to readers."),
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text=_("When a clinician last reviewed the content. Shown to readers."),
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "When the content should next be checked for clinical accuracy (e.g. in a year)."
        ),
    )
    topics = ParentalManyToManyField(
        "articles.ArticleTopic",
        blank=True,
        related_name="articles",
        help_text=_(
            "Topics readers can browse by. Manage the list under Snippets › Article topics."
        ),
    )
    related_services = ParentalManyToManyField(
        "services.ServicePage",
        blank=True,
        related_name="discussed_in",
        help_text=_(
            "The services this article discusses. It will be listed on those service pages."
        ),
    )
    reading_time = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text=_("Minutes, computed from the body when saved.")
    )

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    relations_panels = [
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("clinical_reviewer")], heading=_("Byline")
        ),
        FieldPanel("related_services", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    review_panels = [
        FieldPanel("first_published"),
        FieldPanel("last_reviewed"),
        FieldPanel("next_review_due"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(relations_panels, heading=_("Relations")),
            ObjectList(review_panels, heading=_("Dates and review")),
            ObjectList(SitePage.promote_panels, heading=_("Promote")),
            ObjectList(SitePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *SitePage.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name", boost=1.5)]),
        index.RelatedFields("author", [index.SearchField("title")]),
        index.RelatedFields("related_services", [index.SearchField("title")]),
        index.FilterField("first_published"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    seo_content_type = SeoType.ARTICLE
    seo_image_sources = ["og_image", "hero_image"]

    class Meta:
        verbose_name = _("article")

    def save(self, *args, **kwargs):
        self.reading_time = reading_time_minutes(self.body)
        super().save(*args, **kwargs)

    @property
    def seo_author(self) -> str:
        return self.author.title if self.author else ""

    @property
    def seo_published_at(self):
        return self.first_published

    @cached_property
    def linked_services(self):
        return list(self.related_services.live().public().order_by("title"))

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    def get_related_articles(self, limit=3):
        """Other live articles sharing a topic or a service, newest first."""
        topic_ids = [topic.pk for topic in self.topic_list]
        service_ids = [service.pk for service in self.linked_services]
        if not topic_ids and not service_ids:
            return ArticlePage.objects.none()
        return (
            ArticlePage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(Q(topics__in=topic_ids) | Q(related_services__in=service_ids))
            .distinct()
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(card_image_prefetch())
            .order_by("-first_published", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = self.get_related_articles()
        return context
