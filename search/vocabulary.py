"""The practice's vocabulary: word stems, staff-edited synonyms and "did you mean".

Every part of the search that compares words (crisis detection, synonyms, ranking, spelling)
compares Snowball English stems, the stemmer PostgreSQL's English configuration uses, so that
"attacks" meets "attack" and "suicidal" meets "suicide" whatever the database.
"""

import contextlib
import difflib
import threading
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache

import snowballstemmer

# Short words are left alone by "did you mean": too many real words are one letter apart.
MIN_CORRECTABLE_LENGTH = 4
SPELLING_CUTOFF = 0.8
# Closer for crisis words: "suicidle" and "overdoze" are crisis searches, "overdue bill" is not.
CRISIS_SPELLING_CUTOFF = 0.85
VOCABULARY_CACHE_SECONDS = 10 * 60

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
    # and the fillers of a question, which say nothing about the page wanted
    "much", "many", "take", "get", "need", "want", "find", "looking", "someone", "please",
    "problem", "problems", "issue", "issues", "trouble",
])
# fmt: on


def significant(words) -> tuple[str, ...]:
    """The words without stop words, or all of them if that would leave none."""
    return tuple(word for word in words if word not in STOP_WORDS) or tuple(words)


_stemmer = snowballstemmer.stemmer("english")
_stemmer_lock = threading.Lock()  # a Snowball stemmer keeps state while it works


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    with _stemmer_lock:
        return _stemmer.stemWord(word)


def stems(words) -> tuple[str, ...]:
    return tuple(stem(word) for word in words)


# Shorter stems are matched as whole words: a prefix such as "run" would match "runway".
MIN_STEM_PREFIX = 4


@lru_cache(maxsize=16384)
def inflection_prefix(word: str) -> str | None:
    """The part a word shares with its Snowball stem ("attacks" -> "attack", "anxiety" ->
    "anxiet"): every word starting with it counts as a form of the word. None when that part is
    too short to say so."""
    word_stem = stem(word)
    length = 0
    while length < min(len(word), len(word_stem)) and word[length] == word_stem[length]:
        length += 1
    return word[:length] if length >= MIN_STEM_PREFIX else None


def is_form_of(text_word: str, query_word: str) -> bool:
    """True if a word of a page is a form of a word of a query, as the backends match it."""
    prefix = inflection_prefix(query_word)
    if prefix:
        return text_word.startswith(prefix)
    return stem(text_word) == stem(query_word)


# A search term as the backends receive it: groups that must all match, each group a choice of
# alternatives, each alternative a sequence of words ("obsessive compulsive").
Alternative = tuple[str, ...]
Group = tuple[Alternative, ...]


@dataclass(frozen=True)
class SynonymSet:
    """The staff's synonym groups, each a tuple of alternatives (as word tuples)."""

    groups: tuple[Group, ...]

    @classmethod
    def load(cls) -> "SynonymSet":
        """The current synonyms, cached as the site's vocabulary is (below)."""
        from .models import SearchSynonym

        return cached_until_vocabulary_changes(
            "synonyms",
            lambda: cls(tuple(synonym.alternatives for synonym in SearchSynonym.objects.all())),
        )

    def expand(self, words: list[str]) -> tuple[Group, ...]:
        """One group per word or synonym phrase of `words`: the query's own words first, then
        the other terms of each synonym group they belong to, longest phrase first."""
        by_stems = {}
        for group in self.groups:
            for alternative in group:
                by_stems.setdefault(stems(significant(alternative)), []).append(group)
        longest = max((len(key) for key in by_stems), default=0)
        query_stems = stems(words)
        expanded, position = [], 0
        while position < len(words):
            for length in range(min(longest, len(words) - position), 0, -1):
                key = query_stems[position : position + length]
                if key in by_stems:
                    own = tuple(words[position : position + length])
                    others = [
                        alternative
                        for group in by_stems[key]
                        for alternative in group
                        if stems(significant(alternative)) != key
                    ]
                    expanded.append((own, *dict.fromkeys(others)))
                    position += length
                    break
            else:
                expanded.append(((words[position],),))
                position += 1
        return tuple(expanded)


VOCABULARY_VERSION_KEY = "search:vocabulary:version"


def cached_until_vocabulary_changes(name: str, build):
    """`build()`, cached until a page is published or unpublished or a topic, specialty,
    client group, synonym or crisis term changes (and for a few minutes at most)."""
    version = cache.get_or_set(VOCABULARY_VERSION_KEY, 0, None)
    key = f"search:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, VOCABULARY_CACHE_SECONDS)
    return value


def site_vocabulary(site_id: int | None) -> frozenset[str]:
    """The words of the site's own titles, short names, topics, specialties, client groups and
    synonyms: what a misspelt search is corrected towards."""
    return cached_until_vocabulary_changes(
        f"vocabulary:{site_id}", lambda: frozenset(_vocabulary_words(site_id))
    )


def forget_site_vocabulary():
    with contextlib.suppress(ValueError):  # not cached yet: nothing to forget
        cache.incr(VOCABULARY_VERSION_KEY)


def _vocabulary_words(site_id: int | None):
    from wagtail.models import Page, Site

    from articles.models import ArticleTopic
    from practice.pages import public_pages
    from services.models import ClientGroup, ServicePage, Specialty

    from .models import SearchSynonym, search_words

    pages = public_pages(Page.objects.live())
    site = Site.objects.filter(pk=site_id).first() if site_id else None
    if site:
        pages = pages.in_site(site)
    texts = [
        *pages.values_list("title", flat=True).iterator(),
        *ServicePage.objects.live().values_list("short_name", flat=True),
        *ArticleTopic.objects.values_list("name", flat=True),
        *Specialty.objects.values_list("name", flat=True),
        *ClientGroup.objects.values_list("name", flat=True),
        *SearchSynonym.objects.values_list("terms", flat=True),
    ]
    for text in texts:
        for word in search_words(text):
            if len(word) >= MIN_CORRECTABLE_LENGTH and not word.isdigit():
                yield word


def corrected_words(
    words: list[str], vocabulary: frozenset[str], cutoff: float = SPELLING_CUTOFF
) -> list[str] | None:
    """The words with each unknown one replaced by the closest word of the site, or None when
    nothing needed correcting (or nothing close enough was found)."""
    corrected, changed = [], False
    known_stems = None
    for word in words:
        if (
            len(word) < MIN_CORRECTABLE_LENGTH
            or word in vocabulary
            or word in STOP_WORDS
            or word.isdigit()
        ):
            corrected.append(word)
            continue
        if known_stems is None:
            known_stems = {stem(known) for known in vocabulary}
        if stem(word) in known_stems or any(known.startswith(word) for known in vocabulary):
            corrected.append(word)  # a form of a site word ("attacks") or its start ("ander")
            continue
        match = difflib.get_close_matches(word, vocabulary, n=1, cutoff=cutoff)
        corrected.append(match[0] if match else word)
        changed = changed or bool(match)
    return corrected if changed else None
