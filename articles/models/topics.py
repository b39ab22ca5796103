from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from practice.images import rendition_prefetch
from practice.models import TaxonomyTerm


class ArticleTopicQuerySet(models.QuerySet):
    def in_use(self):
        """Topics with at least one live article: the ones that have a topic page."""
        return self.filter(Exists(live_articles_tagged(OuterRef("pk"))))


@register_snippet
class ArticleTopic(TaxonomyTerm):
    """A topic readers can browse by, e.g. Parenting, Women's issues, Anxiety. Each topic in
    use has its own page under the articles index (/articles/topics/<slug>/)."""

    description = models.TextField(
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown at the top of the topic's page and in search results. "
            "Left blank, a sentence is made from the topic's name."
        ),
    )

    objects = ArticleTopicQuerySet.as_manager()

    panels = [*TaxonomyTerm.panels, FieldPanel("description")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("article topic")


def live_articles_tagged(topic):
    """Links from `topic` to live articles. As an EXISTS test it stops at the first one, where
    a join with DISTINCT reads every tagged article."""
    live_article = Page.objects.filter(pk=OuterRef("articlepage_id"), live=True)
    return ArticleTopic.articles.through.objects.filter(articletopic=topic).filter(
        Exists(live_article)
    )


def card_image_prefetch(lookup="hero_image"):
    return rendition_prefetch(lookup, "card")
