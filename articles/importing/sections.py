"""Recognising titled sections: a bold line or subheading followed by its text, or text that
opens with a bold (or numbered) title. A run of them becomes a strategies block."""

import re

from .html_reader import Item, Segment, segments_text

STRATEGY_TITLE_MAX = 120
BOLD_LINE_MAX = 100
TITLED_TEXT = re.compile(r"^\s*(?P<number>(\d+|step \d+)[.):]\s+)?(?P<title>[^:.!?]{2,80}?)\s*:\s+")
NUMBER_PREFIX = re.compile(r"^\s*(\d+|step \d+)[.):]\s+", re.IGNORECASE)


def split_title(segments: list[Segment]):
    """(title, rest, numbered) for text that opens with a bold title ("Rest on purpose: ..."
    or "**1. Rest on purpose** ...") or a short title ended by a colon; else None."""
    if not segments:
        return None
    first = segments[0]
    if first.bold and len(segments) > 1:
        title = first.text.strip()
        rest = [Segment(segments[1].text.lstrip(" :–—-"), *_style(segments[1])), *segments[2:]]
        numbered = bool(NUMBER_PREFIX.match(title))
        title = NUMBER_PREFIX.sub("", title).rstrip(" :–—-.")
        if title and len(title) <= STRATEGY_TITLE_MAX and segments_text(rest):
            return title, rest, numbered
        return None
    match = TITLED_TEXT.match(first.text)
    if match and is_title_case(match["title"]):
        rest = [Segment(first.text[match.end() :], *_style(first)), *segments[1:]]
        if segments_text(rest):
            return match["title"].strip(), rest, bool(match["number"])
    return None


def _style(segment: Segment):
    return segment.bold, segment.italic, segment.href


def is_title_case(text: str) -> bool:
    words = [word for word in text.split() if len(word) > 3]
    return bool(words) and len(text.split()) <= 8 and all(word[0].isupper() for word in words)


def is_bold_line(item: Item) -> bool:
    text = item.text
    return (
        bool(text)
        and all(segment.bold or not segment.text.strip() for segment in item.segments)
        and len(text) <= BOLD_LINE_MAX
        and not text.endswith((".", ",", ";"))
    )


def titled_paragraph_run(items, start):
    run = []
    for item in items[start:]:
        titled = split_title(item.segments) if item.kind == "paragraph" else None
        if not titled:
            break
        run.append(titled)
    return run if len(run) >= 2 else []


def titled_run(items, start, section_level):
    """Two or more [title line, its paragraphs] groups, where the title is a bold line or a
    subheading under the current section: [(title, [paragraph segments...]), ...]."""
    run = []
    index = start
    level = None
    while index < len(items):
        item = items[index]
        if item.kind == "heading" and section_level > 1 and item.level > section_level:
            kind = ("heading", item.level)
        elif item.kind == "paragraph" and is_bold_line(item):
            kind = ("bold", 0)
        else:
            break
        if level not in (None, kind):
            break
        texts = []
        index += 1
        while (
            index < len(items)
            and items[index].kind == "paragraph"
            and not is_bold_line(items[index])
        ):
            texts.append(items[index].segments)
            index += 1
        if not texts or len(texts) > 3:
            break
        level = kind
        run.append((item.text, texts))
    return run if len(run) >= 2 else []


def run_is_numbered(run) -> bool:
    return all(NUMBER_PREFIX.match(title) for title, _texts in run)
