"""Plain text from page content, by Wagtail's own means, and what is measured from it.

A StreamField's blocks say which of their text is prose (`get_searchable_content`: the same
text the search index receives, without block ids, choices or links); rich text is flattened
by `wagtail.rich_text.get_text_for_indexing`, which keeps paragraphs and list items apart.
"""

import math

from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText, get_text_for_indexing

WORDS_PER_MINUTE = 200


def plain_text(value) -> str:
    """The readable text of a StreamField value, rich text or plain text, on one line."""
    if isinstance(value, StreamValue):
        parts = value.stream_block.get_searchable_content(value)
    elif isinstance(value, RichText):
        parts = [get_text_for_indexing(value.source)]
    else:
        parts = [get_text_for_indexing(str(value or ""))]
    return " ".join(" ".join(parts).split())


def reading_time_minutes(stream_value) -> int:
    words = len(plain_text(stream_value).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def shorten(text: str, max_length: int) -> str:
    """Cut text at a word boundary so that, with an ellipsis, it fits max_length."""
    text = " ".join(text.split())
    if len(text) <= max_length:
        return text
    cut = text[:max_length]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]
    return cut.rstrip(" ,;:.-–—") + "…"
