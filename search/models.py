"""The staff-edited list of words that mark a search as a possible crisis."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

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
            "Whole words only: add each form you want to catch ('suicide', 'suicidal')."
        ),
    )

    panels = [FieldPanel("phrase")]

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("crisis search term")

    def __str__(self):
        return self.phrase

    def clean(self):
        # Stored as bare words so that matching is a plain substring test on word boundaries,
        # and so that "Self-harm" and "self harm" count as the same phrase for uniqueness.
        self.phrase = " ".join(search_words(self.phrase))
        if not self.phrase:
            raise ValidationError({"phrase": _("Enter at least one word.")})

    @classmethod
    def matches(cls, query: str) -> bool:
        """True if any staff-listed phrase appears, as whole words, in the query."""
        words = search_words(query)
        if not words:
            return False
        padded = f" {' '.join(words)} "
        phrases = cls.objects.values_list("phrase", flat=True)
        return any(f" {phrase} " in padded for phrase in phrases)
