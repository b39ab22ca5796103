"""Full-text search over the site's live, public pages, grouped by the kind of page.

The search backend (database full-text search by default; Elasticsearch or OpenSearch when
configured) does the matching and ranking. This module decides how forgiving to be: all the
words first; if nothing matches, any of the words; if still nothing, the last word as the start
of a word in titles and abbreviations, so that "ander" finds "Dr. Anderson".
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from articles.models import ArticlePage
from services.models import ServicePage, TherapistPage

# Enough for any real question; caps the cost of an "any of the words" query.
MAX_QUERY_WORDS = 8

# The words PostgreSQL's English configuration leaves out of searches (Snowball's English stop
# words, and the rest of "I'm" or "you've"), left out here for every backend when a search has
# other words. SQLite's full-text search keeps them, so "what are panic attacks?" needed pages
# with "what" and "are", then matched every page through "are".
# fmt: off
STOP_WORDS = frozenset([
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
    "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
    "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which",
    "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be",
    "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an",
    "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for",
    "with", "about", "against", "between", "into", "through", "during", "before", "after",
    "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
    "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all",
    "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
    "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
    "should", "now", "d", "ll", "m", "re", "ve",
])
# fmt: on


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


def run_search(pages, query: str, match: str, **kwargs):
    if match == WORD_START:
        return pages.autocomplete(query, operator="and", **kwargs)
    return pages.search(query, operator="and" if match == ALL_WORDS else "or", **kwargs)


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

    def __init__(self, words: list[str], *, result_type: str = "", site: Site | None = None):
        self.words = ([word for word in words if word not in STOP_WORDS] or words)[:MAX_QUERY_WORDS]
        self.query = " ".join(self.words)
        self.result_type = result_type
        self.site = site
        self.match, self.counts = ALL_WORDS, {}
        for match in (ALL_WORDS, ANY_WORD, WORD_START):
            if match == ANY_WORD and len(self.words) < 2:
                continue
            self.match = match
            self.counts = self.count_by_type()
            if self.counts:
                break

    @cached_property
    def pages(self):
        pages = Page.objects.live().public()
        return pages.in_site(self.site) if self.site else pages.filter(depth__gt=1)

    def count_by_type(self) -> dict[str, int]:
        """Matches per result type, in one query. Only types with matches are present."""
        keys = typed_content_types()
        facets = run_search(self.pages, self.query, self.match, order_by_relevance=False)
        counts = dict.fromkeys(RESULT_TYPES, 0)
        for content_type_id, count in facets.facet("content_type_id").items():
            counts[keys.get(content_type_id, OTHER_PAGES)] += count
        return {key: count for key, count in counts.items() if count}

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
        type on the page). Any page number is accepted: Paginator.get_page falls back to the
        first or last page."""
        pages = self.pages
        if self.result_type == OTHER_PAGES:
            pages = pages.not_type(*(kind.model for kind in RESULT_TYPES.values() if kind.model))
        elif self.result_type:
            pages = pages.type(RESULT_TYPES[self.result_type].model)
        results = run_search(pages.specific().defer_streamfields(), self.query, self.match)
        paginator = CountedPaginator(results if self.count else [], per_page, count=self.count)
        page = paginator.get_page(page_number)
        page.object_list = [SearchHit(result, type_key_of(result)) for result in page.object_list]
        # A therapist's result shows the credential letters after the name.
        prefetch_related_objects(
            [hit.page for hit in page.object_list if hit.type_key == "therapist"], "credentials"
        )
        return page
