"""What staff edit about search: the words that mark a crisis, and the practice's synonyms."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .vocabulary import CRISIS_SPELLING_CUTOFF, MIN_CORRECTABLE_LENGTH, corrected_words, stems

WORD = re.compile(r"\w+")


def search_words(text: str) -> list[str]:
    """The lower-case words of `text`, dropping punctuation, symbols and emoji.

    Queries and crisis phrases are both reduced to words, so "Self-harm?" matches the phrase
    "self harm", and no character reaches a full-text query syntax unescaped."""
    return WORD.findall(text.lower())


class CrisisTerm(models.Model):
    phrase = models.CharField(
        max_length=80,
        unique=True,
        help_text=_(
            "A word or phrase that suggests someone may be in crisis, e.g. 'kill myself'. "
            "A search containing it shows the crisis resources first and is never recorded. "
            "Other forms of the same words are caught too: 'suicide' also catches 'suicidal', "
            "'kill myself' also catches 'killing myself'."
        ),
    )
    whole_search = models.BooleanField(
        _("only as the whole search"),
        default=False,
        help_text=_(
            "Tick for a word that signals a crisis only on its own: 'cutting' alone is a "
            "crisis search, 'cutting back on coffee' is not."
        ),
    )

    panels = [FieldPanel("phrase"), FieldPanel("whole_search")]

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("crisis search term")

    def __str__(self):
        return self.phrase

    def clean(self):
        # Stored as bare words so that "Self-harm" and "self harm" count as the same phrase.
        self.phrase = " ".join(search_words(self.phrase))
        if not self.phrase:
            raise ValidationError({"phrase": _("Enter at least one word.")})

    @classmethod
    def matches_or_nearly(cls, query: str) -> bool:
        """True if the query, or the query with a word close to a crisis word spelt as that
        word ("suicidle"), matches."""
        terms = list(cls.objects.values_list("phrase", "whole_search"))  # one query for both
        if cls.matches(query, terms):
            return True
        crisis_words = frozenset(
            word
            for phrase, _ in terms
            for word in phrase.split()
            if len(word) >= MIN_CORRECTABLE_LENGTH
        )
        correction = corrected_words(search_words(query), crisis_words, CRISIS_SPELLING_CUTOFF)
        return bool(correction) and cls.matches(" ".join(correction), terms)

    @classmethod
    def matches(cls, query: str, terms: list[tuple[str, bool]] | None = None) -> bool:
        """True if a staff-listed phrase appears in the query as whole words, in any of their
        forms (compared by stem), or is the whole query for a whole-search term. `terms`:
        (phrase, whole_search) pairs already read."""
        query_stems = stems(search_words(query))
        if not query_stems:
            return False
        if terms is None:
            terms = cls.objects.values_list("phrase", "whole_search")
        padded = f" {' '.join(query_stems)} "
        for phrase, whole_search in terms:
            phrase_stems = stems(phrase.split())
            if whole_search:
                if query_stems == phrase_stems:
                    return True
            elif f" {' '.join(phrase_stems)} " in padded:
                return True
        return False


class SearchSynonym(models.Model):
    """A group of words or phrases visitors use for the same thing. A search for any of them
    also finds pages that use the others."""

    terms = models.CharField(
        max_length=255,
        unique=True,
        help_text=_(
            "Words or phrases that mean the same to a visitor, separated by commas, e.g. "
            "'PTSD, trauma, post-traumatic stress'. Other forms are included: 'kid' also "
            "covers 'kids'."
        ),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("search synonym")

    def __str__(self):
        return self.terms

    @property
    def alternatives(self) -> tuple[tuple[str, ...], ...]:
        """Each term as its words: ("ptsd",), ("post", "traumatic", "stress")."""
        words = (tuple(search_words(term)) for term in self.terms.split(","))
        return tuple(dict.fromkeys(term for term in words if term))

    def clean(self):
        self.terms = ", ".join(" ".join(term) for term in self.alternatives)
        if len(self.alternatives) < 2:
            raise ValidationError(
                {"terms": _("Enter at least two words or phrases, separated by commas.")}
            )
