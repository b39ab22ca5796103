from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.search import index

from wagtailseo.models import SeoType

from articles.forms import ArticlePageForm
from articles.outline import outline_placeholders
from articles.relations import ServicesLinkedInTextPanel, sync_services_with_text
from articles.review import (
    ArticlePageManager,
    ArticlePermissionTester,
    UnreviewedArticleError,
    check_can_go_live,
)
from practice import structured_data
from practice.blocks import BodyStreamBlock
from practice.pages import SchemaLinks, SitePage, live_related_pages
from practice.safe_messaging import SafeMessagingPanel
from practice.text import reading_time_minutes

from .topics import card_image_prefetch

REVIEW_RECORD_HELP = _(
    "Recorded when a clinical reviewer approves the article (the reviewer's therapist profile "
    "must be linked to their staff account). Shown to readers."
)


class ArticlePage(SitePage):
    summary_required = True
    objects = ArticlePageManager()
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
        null=True,
        blank=True,
        help_text=_(
            "Shown to readers as “Published”. Filled in on the day the article first goes "
            "live; change it only to correct it (e.g. for an article first published elsewhere)."
        ),
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
            "The services this article discusses. It will be listed on those service pages. "
            "Services the body links to are added (and ticked) automatically."
        ),
    )
    services_linked_in_text = ParentalManyToManyField(
        "services.ServicePage",
        blank=True,
        related_name="+",
        editable=False,
        help_text=_("Related services that come from links in the body."),
    )
    services_ticked_by_hand = ParentalManyToManyField(
        "services.ServicePage",
        blank=True,
        related_name="+",
        editable=False,
        help_text=_("Related services the editor ticked, which stay when the text stops linking."),
    )
    reading_time = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text=_("Minutes, computed from the body when saved.")
    )

    content_panels = [
        SafeMessagingPanel(heading=_("Safe messaging")),
        *SitePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    relations_panels = [
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("clinical_reviewer", read_only=True, help_text=REVIEW_RECORD_HELP),
            ],
            heading=_("Byline"),
        ),
        FieldPanel("related_services", widget=forms.CheckboxSelectMultiple),
        ServicesLinkedInTextPanel(heading=_("Services linked in the text")),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    review_panels = [
        FieldPanel("first_published"),
        FieldPanel("last_reviewed", read_only=True, help_text=REVIEW_RECORD_HELP),
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
    schema_page_type = "MedicalWebPage"

    base_form_class = ArticlePageForm
    safe_messaging_panel = True  # the editor shows the flags; no messages after saving

    # A copy is a new, unreviewed article: it claims no review and no publication date.
    exclude_fields_in_copy = ["first_published", "last_reviewed", "clinical_reviewer"]

    class Meta:
        verbose_name = _("article")
        indexes = [
            # Listings, feeds and "latest articles" read the newest ten of thousands of rows.
            models.Index(fields=["-first_published", "-page_ptr"], name="article_newest_first")
        ]

    def permissions_for_user(self, user):
        return ArticlePermissionTester(user, self)

    def publish(self, revision, *args, **kwargs):
        check_can_go_live(self, revision.pk)
        placeholders = outline_placeholders(revision.as_object().body)
        if placeholders:
            raise UnreviewedArticleError(" ".join(placeholders))
        return super().publish(revision, *args, **kwargs)

    def with_content_json(self, content):
        """Revisions drafted before the first publication carry no date; the page has it."""
        obj = super().with_content_json(content)
        if not obj.first_published:
            obj.first_published = self.first_published
        return obj

    def save_revision(self, *args, **kwargs):
        sync_services_with_text(self)
        return super().save_revision(*args, **kwargs)

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is None or "body" in update_fields:
            self.reading_time = reading_time_minutes(self.body)
            sync_services_with_text(self)
        if self._state.adding and self.live:
            # A new article (a copy kept live, an import, a script) starts as a draft: only
            # an approved clinical review publishes it.
            self.live = False
            self.has_unpublished_changes = True
            self.live_revision = self.first_published_at = self.last_published_at = None
        elif self.live and (
            update_fields is None or {"live", "live_revision"} & set(update_fields)
        ):
            # The last line of defence, for routes that set `live` without publishing a
            # revision through ArticlePage.publish.
            check_can_go_live(self, self.live_revision_id)
            if not self.first_published:
                self.first_published = timezone.localdate()
                if update_fields is not None:
                    update_fields = [*update_fields, "first_published"]
        elif not self.live:
            # As Wagtail keeps it; a copy "kept live" would otherwise point at its revision.
            self.live_revision = None
        super().save(*args, update_fields=update_fields, **kwargs)

    def prepare_to_serve(self) -> None:
        """The author's and the reviewer's profiles with their credentials and licences, for
        the byline and the JSON-LD: three queries for both instead of three each."""
        relations = [
            relation
            for relation in (type(self).author, type(self).clinical_reviewer)
            if getattr(self, relation.field.attname) and not relation.is_cached(self)
        ]
        if not relations:
            return
        people = {getattr(self, relation.field.attname) for relation in relations}
        profiles = relations[0].field.related_model.objects.filter(pk__in=people)
        by_key = profiles.prefetch_related("credentials", "licences").in_bulk()
        for relation in relations:
            profile = by_key.get(getattr(self, relation.field.attname))
            if profile is not None:
                relation.field.set_cached_value(self, profile)

    @property
    def seo_author(self) -> str:
        return self.author.title if self.author else ""

    @property
    def seo_published_at(self):
        return self.first_published

    @property
    def ends_with_booking_box(self) -> bool:
        """Whether the body closes with the call to action that links to booking, so the
        page's own closing one is left out."""
        last_block = self.body[-1] if len(self.body) else None
        return bool(
            last_block
            and last_block.block_type == "call_to_action"
            and last_block.value.uses_booking_link
        )

    @cached_property
    def linked_services(self):
        return live_related_pages(self.related_services)

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    @cached_property
    def topic_links(self):
        """The article's topics with the addresses of their pages and feeds."""
        if not self.topic_list:
            return []
        # The parent is the articles index (page-type rules); `specific_deferred` makes it
        # that type without another query.
        return self.get_parent().specific_deferred.links_for_topics(self.topic_list)

    @property
    def topic_feeds(self):
        return self.topic_links

    def get_schema_page(self, links: SchemaLinks) -> dict:
        """The clinical review belongs to the page (schema.org's MedicalWebPage)."""
        return {
            "mainEntity": structured_data.ref(f"{links.page_url}#article"),
            "datePublished": self.first_published,
            "lastReviewed": self.last_reviewed,
            "reviewedBy": (
                self.clinical_reviewer.get_schema_person(links) if self.clinical_reviewer else None
            ),
        }

    def get_schema_entities(self, links: SchemaLinks) -> list[dict]:
        return [
            {
                "@type": "Article",
                "@id": f"{links.page_url}#article",
                "headline": self.title,
                "description": self.seo_description,
                "url": links.page_url,
                "mainEntityOfPage": structured_data.ref(links.page_url),
                "image": self.seo_image_url,
                "datePublished": self.first_published,
                "dateModified": self.last_published_at or self.first_published,
                "author": (
                    self.author.get_schema_person(links) if self.author else links.organisation
                ),
                "publisher": links.organisation,
                "inLanguage": structured_data.LANGUAGE,
                "keywords": [topic.name for topic in self.topic_list],
                "timeRequired": f"PT{self.reading_time}M",
                "about": [service.get_schema_therapy(links) for service in self.linked_services],
            }
        ]

    def get_related_articles(self, limit=3):
        """Other live articles sharing a topic or a service, newest first."""
        topic_ids = [topic.pk for topic in self.topic_list]
        service_ids = [service.pk for service in self.linked_services]
        if not topic_ids and not service_ids:
            return ArticlePage.objects.none()
        # Two key lookups rather than joins: joining both relations repeats an article once per
        # shared topic and service, and removing the repeats (DISTINCT) read every article.
        sharing_a_topic = ArticlePage.topics.through.objects.filter(articletopic__in=topic_ids)
        sharing_a_service = ArticlePage.related_services.through.objects.filter(
            servicepage__in=service_ids
        )
        return (
            ArticlePage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(
                Q(pk__in=sharing_a_topic.values("articlepage"))
                | Q(pk__in=sharing_a_service.values("articlepage"))
            )
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(card_image_prefetch())
            .order_by("-first_published", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read only when the page's cached fragment is missing (practice/cache.py).
        context["related_articles"] = SimpleLazyObject(lambda: list(self.get_related_articles()))
        return context
