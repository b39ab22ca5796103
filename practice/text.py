"""Plain-text helpers for StreamField content (reading time, descriptions)."""

import math
import re

from django.utils.html import strip_tags
from django.utils.text import Truncator

WORDS_PER_MINUTE = 200
# Closing block-level tags separate words ("<p>One.</p><p>Two.</p>" is "One. Two.").
BLOCK_BOUNDARY = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def _strings(raw):
    if isinstance(raw, str):
        yield raw
    elif isinstance(raw, dict):
        for key, value in raw.items():
            # Skip identifiers and choices that are not prose (block ids, heading levels, ...).
            if key not in {"id", "type", "level", "anchor", "tone", "numbered", "page", "url"}:
                yield from _strings(value)
    elif isinstance(raw, list | tuple):
        for item in raw:
            yield from _strings(item)


def stream_plain_text(stream_value) -> str:
    """The readable text of a StreamField value, without markup or block identifiers."""
    raw = getattr(stream_value, "raw_data", stream_value) or []
    parts = (strip_tags(BLOCK_BOUNDARY.sub(" ", text)) for text in _strings(list(raw)))
    return " ".join(" ".join(parts).split())


def reading_time_minutes(stream_value) -> int:
    words = len(stream_plain_text(stream_value).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def summarise(text: str, length: int = 155) -> str:
    return Truncator(" ".join(text.split())).chars(length)
