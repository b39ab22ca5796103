"""Ranking for intent, tuned here and only here, the same on every database.

The search backend finds the matching pages and orders them by text relevance. The first
RERANK_DEPTH of them are then ordered by what each page is *about*: a page whose title (or a
service's short name) has the visitor's words comes before one whose topics or specialties
have them, which comes before one whose summary has them, which comes before one that only
mentions them in its text. Each page type weighs that differently: articles and services are
about one subject; a therapist lists many specialties; home, index and utility pages are only
the answer when the words are their title ("fees"). Ties keep the backend's order.

Words are compared by Snowball stem, with the visitor's synonyms, so "panic attacks" is about
the article "What to do during a panic attack" on SQLite as on PostgreSQL.
"""

from collections import defaultdict

from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage, StandardPage
from services.models import ServiceIndexPage, ServicePage, TherapistIndexPage, TherapistPage

from .models import search_words
from .vocabulary import Group, is_form_of, stems

# The backend's first results that are ordered by intent: the first two pages of results.
RERANK_DEPTH = 20

# How much a match in each part of a page says the page is about the words.
IN_TITLE, IN_SUBJECTS, IN_SUMMARY = 2.0, 1.5, 1.0
# A title that is the words and little else ("Couples therapy" for "couples therapy").
WHOLE_TITLE_BONUS = 0.5

TYPE_WEIGHTS = {
    ArticlePage: 1.0,
    ServicePage: 1.0,
    TherapistPage: 0.7,
    StandardPage: 0.5,
    HomePage: 0.3,
    ArticleIndexPage: 0.3,
    ServiceIndexPage: 0.3,
    TherapistIndexPage: 0.3,
}
OTHER_PAGE_WEIGHT = 0.5
# Home and index pages sum up everything in their summaries: only their titles count.
TITLE_ONLY = (HomePage, ArticleIndexPage, ServiceIndexPage, TherapistIndexPage)
# What a page that only mentions the words is worth, before its type's weight, so that such
# an article or service still comes before such a home or index page.
MENTIONS = 0.2

# Words every page of a therapy practice could be about: they decide what a page is about only
# when a search has nothing else ("therapy"), not in "how much does therapy cost".
GENERIC_WORDS = frozenset(["therapy", "therapist", "counseling", "counselor", "treatment", "help"])

# The names of a page's subjects: the relations that say what a page is about.
SUBJECT_RELATIONS = {
    ArticlePage: ["topics"],
    TherapistPage: ["specialties", "client_groups"],
}


def type_weight(page: Page) -> float:
    return TYPE_WEIGHTS.get(type(page), OTHER_PAGE_WEIGHT)


def subject_names(pages: list[Page]) -> dict[int, list[str]]:
    """Page id -> names of its topics, specialties and client groups: one query a relation."""
    names = defaultdict(list)
    for model, relations in SUBJECT_RELATIONS.items():
        ids = [page.pk for page in pages if isinstance(page, model)]
        if not ids:
            continue
        for relation in relations:
            field = model._meta.get_field(relation)
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = field.remote_field.through.objects.filter(**{f"{source}__in": ids})
            for page_id, name in rows.values_list(f"{source}_id", f"{target}__name"):
                names[page_id].append(name)
    return names


def words_of(*texts: str) -> frozenset[str]:
    return frozenset(word for text in texts if text for word in search_words(text))


def has_group(group: Group, words: frozenset[str], prefix: bool = False) -> bool:
    """True if the words (of a title, say) have every word of one alternative of the group, in
    any form; `prefix`: the alternative's last word may be the start of a word, as typed."""

    def has(query_word, last):
        if prefix and last:
            return any(word.startswith(query_word) for word in words)
        return any(is_form_of(word, query_word) for word in words)

    return any(
        all(has(word, position == len(alt) - 1) for position, word in enumerate(alt))
        for alt in group
    )


def aboutness(
    page: Page, groups: tuple[Group, ...], subjects: list[str], prefix: bool = False
) -> float:
    """How much the page is about the query, before its type's weight: 0 when only its text
    mentions the words. `prefix`: the words are starts of words."""
    specific = [group for group in groups if not set(group[0]) <= GENERIC_WORDS]
    groups = tuple(specific) or groups
    if not groups:
        return 0.0
    title = words_of(page.title, getattr(page, "short_name", ""))
    parts = (
        (IN_TITLE, title),
        (IN_SUBJECTS, words_of(*subjects)),
        (IN_SUMMARY, words_of(getattr(page, "summary", ""), page.search_description)),
    )
    if isinstance(page, TITLE_ONLY):
        parts = parts[:1]
    score = 0.0
    for group in groups:
        score += next((weight for weight, words in parts if has_group(group, words, prefix)), 0.0)
    score /= len(groups)
    if score == IN_TITLE and not prefix:
        query_words = {word for group in groups for alt in group for word in stems(alt)}
        title_stems = set(stems(words_of(page.title)))
        covered = len(title_stems & query_words) / max(len(title_stems), 1)
        score += WHOLE_TITLE_BONUS * covered
    return score


def intent_scores(pages: list[Page], groups: tuple[Group, ...], prefix=False) -> list[float]:
    subjects = subject_names(pages)
    return [
        (MENTIONS + aboutness(page, groups, subjects[page.pk], prefix)) * type_weight(page)
        for page in pages
    ]


def rank_by_intent(pages: list[Page], groups: tuple[Group, ...], prefix=False) -> list[Page]:
    """The pages in order of intent; the backend's order breaks ties (a stable sort)."""
    scores = intent_scores(pages, groups, prefix)
    order = sorted(range(len(pages)), key=lambda position: -scores[position])
    return [pages[position] for position in order]
