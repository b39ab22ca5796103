import logging

from django.db import DatabaseError, transaction
from django.db.models import Count, Q
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from articles.models import ArticleIndexPage, ArticleTopic
from services.models import ServicePage

from .forms import SearchForm
from .models import CrisisTerm, search_words
from .results import RESULT_TYPES, SiteSearch, pages_that_help_in_a_crisis
from .vocabulary import cached_until_vocabulary_changes, corrected_words, site_vocabulary

RESULTS_PER_PAGE = 10
SUGGESTED_TOPICS = 8

logger = logging.getLogger(__name__)


def record_search(query: str):
    """Count the search for the admin's Search terms report. The statistics are never worth a
    failed search: on a busy SQLite database, for one, the write can time out."""
    try:
        with transaction.atomic():
            Query.get(query).add_hit()
    except DatabaseError as error:
        logger.warning("Search statistics not recorded: %s", type(error).__name__)


def promotions_for(query: str, search: SiteSearch):
    """Editors' picks for this exact query: external links, or pages that are live and public."""
    return (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__in=search.pages))
        .select_related("page")
    )


def popular_topics() -> list[ArticleTopic]:
    """The topics with the most live articles. Counting every article's topics takes tens of
    milliseconds at 10,000 articles, so the list is cached until a page is published or
    unpublished or a topic changes (search.vocabulary)."""
    topics = (
        # An article has a topic once, so the count needs no DISTINCT (which sorts every pair).
        ArticleTopic.objects.annotate(
            article_count=Count("articles", filter=Q(articles__live=True))
        )
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")[:SUGGESTED_TOPICS]
    )
    return list(topics)


def suggestions(site: Site | None) -> dict:
    """Where to go next when there is nothing (or nothing yet) to show: the topics with the
    most articles, and the services. Lazy: read only where the template shows them."""
    pages = ServicePage.objects.live().public()
    article_index = ArticleIndexPage.objects.live().public()
    if site:
        pages, article_index = pages.in_site(site), article_index.in_site(site)
    return {
        "suggested_topics": SimpleLazyObject(
            lambda: cached_until_vocabulary_changes("suggested-topics", popular_topics)
        ),
        "article_index": SimpleLazyObject(article_index.first),
        "suggested_services": pages.defer_streamfields().order_by("title"),
    }


@require_safe
def search(request):
    form = SearchForm(request.GET)
    form.is_valid()  # every field falls back to a default: an invalid value is never an error
    query = form.query
    words = search_words(query)
    site = Site.find_for_request(request)
    # A misspelt crisis word ("suicidle") is a crisis search; a word the site never uses, close
    # to one it does, is searched as what was meant.
    in_crisis = bool(words) and CrisisTerm.matches_or_nearly(query)
    correction = None
    if words and not in_crisis and not form.cleaned_data.get("exact"):
        correction = corrected_words(words, site_vocabulary(site and site.pk))
    context = {
        "search_form": form,
        "search_query": query,
        "result_type": form.result_type,
        "result_types": RESULT_TYPES,
        "in_crisis": in_crisis,
        # Links to other pages of results carry the cleaned parameters, never the raw ones.
        "search_params": QueryDict(mutable=True),
    }
    if query:
        context["search_params"]["q"] = query
    if form.result_type:
        context["search_params"]["type"] = form.result_type
    if form.cleaned_data.get("exact"):
        context["search_params"]["exact"] = "1"

    if in_crisis:
        # Only what helps now: the crisis resources, then pages about crisis and coping;
        # never a spelling hint, partial matches, or a record of the search.
        context["crisis_help_pages"] = pages_that_help_in_a_crisis(site)
    elif words:
        if correction:
            context.update(corrected_from=query, did_you_mean=" ".join(correction))
        # Lazy, like the suggestions: the same search again in the same generation of the
        # site is answered by the template's cached fragment without searching.
        site_search = SimpleLazyObject(
            lambda: SiteSearch(correction or words, result_type=form.result_type, site=site)
        )
        results = SimpleLazyObject(
            lambda: site_search.paginate(request.GET.get("page"), RESULTS_PER_PAGE)
        )
        context.update(
            site_search=site_search,
            search_results=results,
            promotions=SimpleLazyObject(
                lambda: list(promotions_for(query, site_search)) if results.number == 1 else []
            ),
            **suggestions(site),
        )
        # A new search comes from the search box with only ?q; following a filter or a page
        # link is the same search and is not counted again. Crisis searches are never stored.
        is_new_search = set(request.GET) == {"q"}
        if is_new_search:
            record_search(query)
    else:
        context.update(suggestions(site))
    return TemplateResponse(request, "search/search.html", context)
