"""Full-text search over the site's live, public pages, grouped by the kind of page.

The search backend (database full-text search by default; Elasticsearch or OpenSearch when
configured) does the matching and ranks by text; `relevance` orders the first results by what
the pages are about. This module decides how forgiving to be: all the words (each with its
synonyms) first; if nothing matches, any of the words; if still nothing, the last word as the
start of a word in titles and abbreviations, so that "ander" finds "Dr. Anderson".
"""

from collections import Counter
from dataclasses import dataclass
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from modelsearch.query import And, Or, PlainText

from articles.models import ArticlePage
from practice.pages import public_pages
from services.models import ServicePage, TherapistPage

from .backends.ranking import OnePassResults
from .relevance import RERANK_DEPTH, aboutness, rank_by_intent, subject_names
from .vocabulary import STOP_WORDS, SynonymSet, significant

# Enough for any real question; caps the cost of an "any of the words" query.
MAX_QUERY_WORDS = 8


@dataclass(frozen=True)
class ResultType:
    label: str
    plural: str
    model: type[Page] | None = None  # None: every page that is not one of the other types


RESULT_TYPES = {
    "article": ResultType(_("Article"), _("Articles"), ArticlePage),
    "service": ResultType(_("Service"), _("Services"), ServicePage),
    "therapist": ResultType(_("Therapist"), _("Therapists"), TherapistPage),
    "page": ResultType(_("Page"), _("Other pages")),
}
OTHER_PAGES = "page"

ALL_WORDS, ANY_WORD, WORD_START = "all", "any", "start"


def typed_content_types() -> dict[int, str]:
    """Content type id -> result type key, for the page types that have their own type."""
    models = [kind.model for kind in RESULT_TYPES.values() if kind.model]
    content_types = ContentType.objects.get_for_models(*models)  # cached after the first call
    keys = {kind.model: key for key, kind in RESULT_TYPES.items() if kind.model}
    return {content_type.pk: keys[model] for model, content_type in content_types.items()}


def counts_by_result_type(counts_by_content_type: dict[int, int]) -> dict[str, int]:
    """Matches per result type from matches per content type; only types with matches."""
    keys = typed_content_types()
    counts = Counter()
    for content_type_id, count in counts_by_content_type.items():
        counts[keys.get(content_type_id, OTHER_PAGES)] += count
    return {key: counts[key] for key in RESULT_TYPES if counts[key]}


def run_search(pages, query, match: str, **kwargs):
    """`query`: the words as a string, or a query object when synonyms add alternatives."""
    if match == WORD_START:
        return pages.autocomplete(query, operator="and", **kwargs)
    return pages.search(query, operator="and" if match == ALL_WORDS else "or", **kwargs)


def alternatives_query(alternatives):
    queries = [PlainText(" ".join(significant(alternative))) for alternative in alternatives]
    return queries[0] if len(queries) == 1 else Or(queries)


@dataclass(frozen=True)
class SearchHit:
    page: Page
    type_key: str

    @property
    def type(self) -> ResultType:
        return RESULT_TYPES[self.type_key]


def type_key_of(page: Page) -> str:
    for key, kind in RESULT_TYPES.items():
        if kind.model and isinstance(page, kind.model):
            return key
    return OTHER_PAGES


class CountedPaginator(Paginator):
    """A paginator told its count, which the type facet has already worked out."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


class SiteSearch:
    """One visitor's search: which way of matching found something, and how much of each type."""

    def __init__(
        self,
        words: list[str],
        *,
        result_type: str = "",
        site: Site | None = None,
        synonyms: SynonymSet | None = None,
    ):
        self.words = ([word for word in words if word not in STOP_WORDS] or words)[:MAX_QUERY_WORDS]
        self.query = " ".join(self.words)
        synonyms = synonyms if synonyms is not None else SynonymSet.load()
        self.groups = synonyms.expand(self.words)
        self.result_type = result_type
        self.site = site
        self.match, self.counts = ALL_WORDS, {}
        for match in (ALL_WORDS, ANY_WORD, WORD_START):
            if match == ANY_WORD and len(self.words) < 2:
                continue
            self.match, self.matches = match, self.find(match)
            self.counts = self.matches.counts_by_type()
            if self.counts:
                break

    def backend_query(self, match: str):
        """The words as the backend gets them: a plain string unless synonyms add choices."""
        if match == WORD_START or all(len(group) == 1 for group in self.groups):
            return self.query
        if match == ALL_WORDS:
            return And([alternatives_query(group) for group in self.groups])
        return alternatives_query([alternative for group in self.groups for alternative in group])

    @cached_property
    def pages(self):
        pages = public_pages(Page.objects.live())
        return pages.in_site(self.site) if self.site else pages.filter(depth__gt=1)

    def find(self, match: str) -> "RankedMatches | BackendMatches":
        """The matches of one way of matching: ranked in one pass where the backend can (the
        project's database backends), else counted and ranked by the backend per request."""
        results = run_search(self.pages, self.backend_query(match), match)
        ranked = results.ranked_matches() if isinstance(results, OnePassResults) else None
        if ranked is None:
            return BackendMatches(self, match)
        return RankedMatches(self.pages, ranked)

    @property
    def type_filters(self) -> list[tuple[str, ResultType, int]]:
        """(key, type, count) for each type with matches, and for the chosen type even without."""
        return [
            (key, kind, self.counts.get(key, 0))
            for key, kind in RESULT_TYPES.items()
            if key in self.counts or key == self.result_type
        ]

    @property
    def chosen_type(self) -> ResultType | None:
        return RESULT_TYPES.get(self.result_type)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def count(self) -> int:
        """Matches of the chosen type (or of all types)."""
        return self.counts.get(self.result_type, 0) if self.result_type else self.total

    def paginate(self, page_number, per_page: int):
        """The requested page of results, best first, as specific pages (one query per page
        type among the pages shown or ranked by intent). Any page number is accepted:
        Paginator.get_page falls back to the first or last page."""
        results = self.matches.ranked(self.result_type)
        ranked = IntentRankedResults(results, self.groups, prefix=self.match == WORD_START)
        ranked = ranked if self.count else []
        paginator = CountedPaginator(ranked, per_page, count=self.count)
        page = paginator.get_page(page_number)
        page.object_list = [SearchHit(result, type_key_of(result)) for result in page.object_list]
        # A therapist's result shows the credential letters after the name.
        prefetch_related_objects(
            [hit.page for hit in page.object_list if hit.type_key == "therapist"], "credentials"
        )
        return page


class RankedMatches:
    """Every match of one search, ranked by the backend in one query, as (key, content type
    id): the counts by type and every page of results come from it, and only the pages that
    are shown (or ranked by intent) are loaded, by key."""

    def __init__(self, pages, ranked: list[tuple[int, int]]):
        self.pages, self.matches = pages, ranked
        type_keys = typed_content_types()
        self.type_of = {
            content_type_id: type_keys.get(content_type_id, OTHER_PAGES)
            for content_type_id in set(map(itemgetter(1), ranked))
        }

    def counts_by_type(self) -> dict[str, int]:
        return counts_by_result_type(Counter(map(itemgetter(1), self.matches)))

    def ranked(self, result_type: str) -> "PagesByKey":
        if not result_type:
            return PagesByKey(self.pages, list(map(itemgetter(0), self.matches)))
        chosen = {ct for ct, type_key in self.type_of.items() if type_key == result_type}
        return PagesByKey(self.pages, [key for key, ct in self.matches if ct in chosen])


class PagesByKey:
    """Specific pages (without StreamFields) by key, in the keys' order, a slice at a time."""

    def __init__(self, pages, keys: list[int]):
        self.pages, self.keys = pages, keys

    def __getitem__(self, items: slice) -> list[Page]:
        keys = self.keys[items]
        if not keys:
            return []
        found = self.pages.filter(pk__in=keys).specific().defer_streamfields()
        by_key = {page.pk: page for page in found}
        return [by_key[key] for key in keys if key in by_key]


class BackendMatches:
    """Any other backend's matches (Elasticsearch, OpenSearch, autocomplete): the counts from
    the backend's facet, each page of results from a ranked search of the chosen type."""

    def __init__(self, search: SiteSearch, match: str):
        self.search, self.match = search, match

    def counts_by_type(self) -> dict[str, int]:
        """Matches per result type, from the backend's facet: one query."""
        query = self.search.backend_query(self.match)
        facets = run_search(self.search.pages, query, self.match, order_by_relevance=False)
        return counts_by_result_type(facets.facet("content_type_id"))

    def ranked(self, result_type: str):
        pages = self.search.pages
        if result_type == OTHER_PAGES:
            pages = pages.not_type(*(kind.model for kind in RESULT_TYPES.values() if kind.model))
        elif result_type:
            pages = pages.type(RESULT_TYPES[result_type].model)
        query = self.search.backend_query(self.match)
        return run_search(pages.specific().defer_streamfields(), query, self.match)


class IntentRankedResults:
    """The backend's results with the first RERANK_DEPTH in order of intent (relevance.py).
    Pages beyond those keep the backend's order, so no result is shown twice or left out."""

    def __init__(self, results, groups, prefix=False):
        self.results, self.groups, self.prefix = results, groups, prefix

    @cached_property
    def top(self) -> list[Page]:
        return rank_by_intent(list(self.results[:RERANK_DEPTH]), self.groups, self.prefix)

    def __getitem__(self, items: slice) -> list[Page]:
        start, stop = items.start or 0, items.stop
        if stop is not None and stop <= RERANK_DEPTH:
            return self.top[start:stop]
        head = self.top[start:] if start < RERANK_DEPTH else []
        tail = list(self.results[max(start, RERANK_DEPTH) : stop])
        return head + tail


# What a page must be about to be offered below the crisis resources.
CRISIS_HELP_WORDS = ["crisis", "grounding", "coping"]
CRISIS_HELP_PAGES = 4


def pages_that_help_in_a_crisis(site: Site | None) -> list[Page]:
    """Articles and plain pages whose title, topics or summary are about crisis, grounding or
    coping, title matches first: never a page that only mentions one of the words."""
    pages = public_pages(Page.objects.live())
    pages = pages.in_site(site) if site else pages.filter(depth__gt=1)
    pages = pages.not_type(ServicePage, TherapistPage).specific().defer_streamfields()
    candidates = list(run_search(pages, " ".join(CRISIS_HELP_WORDS), ANY_WORD)[:RERANK_DEPTH])
    subjects = subject_names(candidates)
    scored = []
    for page in candidates:
        # The words in order of urgency: a page about crisis first, then grounding, coping.
        score, urgency = max(
            (aboutness(page, (((word,),),), subjects[page.pk]), -position)
            for position, word in enumerate(CRISIS_HELP_WORDS)
        )
        if score > 0:
            scored.append((score, urgency, page))
    helpful = sorted(scored, key=lambda item: (-item[0], -item[1]))
    return [page for _, _, page in helpful[:CRISIS_HELP_PAGES]]
