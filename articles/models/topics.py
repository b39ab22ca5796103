from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

from practice.images import rendition_prefetch
from practice.models import TaxonomyTerm


@register_snippet
class ArticleTopic(TaxonomyTerm):
    """A topic readers can browse by, e.g. Parenting, Women's issues, Anxiety."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("article topic")


ARTICLE_CARD_IMAGE = "fill-640x360"


def card_image_prefetch(lookup="hero_image"):
    return rendition_prefetch(lookup, ARTICLE_CARD_IMAGE)
