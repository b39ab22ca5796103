"""The filters on the article listings (the index and its topic pages), on the shared policy
of practice.filters: an unknown or stale topic or service drops that filter only."""

from django.utils.translation import gettext_lazy as _

import django_filters

from practice.filters import ListingFilterSet
from services.models import ServicePage

from .models.article import ArticlePage
from .models.topics import ArticleTopic


def live_services(request):
    return ServicePage.objects.live().public()


class ArticleFilterSet(ListingFilterSet):
    # Only topics that have a page: a topic whose articles were all unpublished is stale.
    topic = django_filters.ModelChoiceFilter(
        label=_("topic"),
        field_name="topics",
        queryset=lambda request: ArticleTopic.objects.in_use(),
        to_field_name="slug",
        distinct=False,  # one value of a many-to-many matches an article once: no DISTINCT
    )
    service = django_filters.ModelChoiceFilter(
        label=_("service"),
        field_name="related_services",
        queryset=live_services,
        to_field_name="slug",
        distinct=False,
    )

    class Meta:
        model = ArticlePage
        fields = ["topic", "service"]
