"""The one HTML-to-blocks converter behind every import (Word, pasted text, WordPress).

It turns HTML into the article body's blocks (practice.blocks.BodyStreamBlock), with the
structure a reader and a screen reader rely on:

- headings become heading blocks from H2, never skipping a level and never deeper than H4;
  a first H1 becomes the title;
- a paragraph ending in ":" just before a list becomes the list's lead-in;
- a run of titled sections - a bold line or subheading followed by its text, or paragraphs
  opening with a bold (or numbered) title - becomes a strategies block, numbered when the
  titles were; so does a list whose every item opens with a bold title;
- quotes become pull quotes, images become image blocks (when the caller can supply them);
- a closing paragraph that invites the reader to book or call becomes a call-to-action block;
- links to the practice's own pages become page links, and links to service pages are
  reported so the caller can set the article's related services.

It returns the blocks with a short report of what became what, and notes on anything left out.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practice.text import shorten

from .html_reader import HtmlReader, Item, Segment
from .links import LinkResolver, PageTarget
from .sections import (
    NUMBER_PREFIX,
    STRATEGY_TITLE_MAX,
    is_bold_line,
    run_is_numbered,
    split_title,
    titled_paragraph_run,
    titled_run,
)

DEEPEST_HEADING = 4
HEADING_MAX = 120
LEAD_IN_MAX = 200
QUOTE_MAX = 400
CALL_TO_ACTION = re.compile(
    r"\b(schedule|book|call us|contact us|reach out|get in touch|appointment|consultation|"
    r"first session|sign up|request)\b",
    re.IGNORECASE,
)
DEFAULT_CTA_HEADING = "Ready to take the next step?"


@dataclass
class Conversion:
    blocks: list[dict] = field(default_factory=list)  # StreamField's stored form
    title: str = ""
    summary: str = ""
    report: list[str] = field(default_factory=list)  # what became what
    notes: list[str] = field(default_factory=list)  # what the editor should check
    services: list[PageTarget] = field(default_factory=list)  # linked service pages
    pending_links: list[str] = field(default_factory=list)  # ours, but no page yet


class HtmlToBlocks:
    """Convert HTML to body blocks. `image_for(src, alt)` returns an image (or None with a
    note) when the caller can bring images in; without it images are reported as left out."""

    def __init__(self, links: LinkResolver | None = None, image_for=None):
        self.links = links or LinkResolver()
        self.image_for = image_for

    def convert(self, html: str, take_title: bool = True) -> Conversion:
        reader = HtmlReader()
        items = reader.read(html)
        result = Conversion(notes=list(reader.notes))
        self.result, self.counts = result, Counter()
        if take_title and items and items[0].kind == "heading" and items[0].level == 1:
            result.title = items.pop(0).text[:255]
        normalise_heading_levels(items)
        self.build(items)
        self.close_with_call_to_action()
        fix_heading_levels(result.blocks)
        first_paragraph = next((i.text for i in items if i.kind == "paragraph"), "")
        result.summary = shorten(first_paragraph, 300) if first_paragraph else ""
        result.report[:0] = [f"{label}: {count}" for label, count in self.counts.items()]
        return result

    # Structure

    def build(self, items: list[Item]):
        index = 0
        section_level = 1
        while index < len(items):
            item = items[index]
            run = titled_run(items, index, section_level)
            if run:
                numbered = run_is_numbered(run)
                run = [(NUMBER_PREFIX.sub("", title).rstrip(" :"), texts) for title, texts in run]
                self.add_strategies(run, numbered=numbered, source=_("titled sections"))
                index += sum(1 + len(texts) for _title, texts in run)
                continue
            paragraphs = titled_paragraph_run(items, index)
            if paragraphs:
                self.add_strategies(
                    [(title, [rest]) for title, rest, _n in paragraphs],
                    numbered=any(numbered for _t, _r, numbered in paragraphs),
                    source=_("paragraphs opening with a title"),
                )
                index += len(paragraphs)
                continue
            if item.kind == "heading":
                section_level = item.level
                self.add_heading(item.text, item.level)
            elif item.kind == "paragraph" and is_bold_line(item):
                level = min(section_level + 1, DEEPEST_HEADING)
                self.add_heading(item.text, level)
                self.counts[_("Bold lines that became headings")] += 1
            elif item.kind == "paragraph":
                self.add("paragraph", f"<p>{self.rich_text(item.segments)}</p>")
            elif item.kind == "list":
                self.add_list(item)
            elif item.kind == "quote":
                self.add_quote(item)
            elif item.kind == "image":
                self.add_image(item)
            index += 1

    def add(self, block_type: str, value):
        self.result.blocks.append({"type": block_type, "value": value})

    def add_heading(self, text: str, level: int):
        """Two headings with one text get distinct link targets (#summary, #summary-2)."""
        taken = {b["value"]["anchor"] or slugify(b["value"]["text"]) for b in self.headings()}
        text = text[:HEADING_MAX]
        anchor = base = slugify(text)
        number = 1
        while anchor in taken:
            number += 1
            anchor = f"{base[:50]}-{number}"
        value = {"text": text, "level": f"h{level}", "anchor": "" if anchor == base else anchor}
        self.add("heading", value)
        self.counts[_("Headings")] += 1

    def headings(self):
        return [block for block in self.result.blocks if block["type"] == "heading"]

    def add_list(self, item: Item):
        titled = [split_title(entry) for entry in item.entries]
        if len(titled) >= 2 and all(titled):
            self.add_strategies(
                [(title, [rest]) for title, rest, _n in titled],
                numbered=item.ordered,
                source=_("a list of titled points"),
            )
            return
        entries = [self.rich_text(entry) for entry in item.entries]
        if item.ordered:
            # The bulleted-list block has no numbers; an ordered list keeps them in a paragraph.
            self.add("paragraph", "<ol>" + "".join(f"<li>{e}</li>" for e in entries) + "</ol>")
            self.counts[_("Numbered lists (kept in a paragraph)")] += 1
            return
        lead_in = self.take_lead_in()
        self.add("bulleted_list", {"lead_in": lead_in, "items": [f"<p>{e}</p>" for e in entries]})
        self.counts[_("Bulleted lists")] += 1
        if lead_in:
            self.counts[_("Lists given their lead-in")] += 1

    def take_lead_in(self) -> str:
        """The sentence ending in ":" just before a list, taken from the paragraph before it
        (the rest of that paragraph stays a paragraph). Only plain text: a lead-in has no links."""
        if not self.result.blocks or self.result.blocks[-1]["type"] != "paragraph":
            return ""
        html = self.result.blocks[-1]["value"]
        inner = html.removeprefix("<p>").removesuffix("</p>")
        if not inner.rstrip().endswith(":") or "<" in inner or "&lt;" in inner:
            return ""
        text = inner.replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'")
        sentences = re.split(r"(?<=[.!?])\s+", text.strip())
        lead_in = sentences[-1]
        if len(lead_in) > LEAD_IN_MAX:
            return ""
        if len(sentences) > 1:
            self.result.blocks[-1]["value"] = f"<p>{escape(' '.join(sentences[:-1]))}</p>"
        else:
            self.result.blocks.pop()
        return lead_in

    def add_strategies(self, run, numbered: bool, source: str):
        items = [
            {
                "title": title[:STRATEGY_TITLE_MAX],
                "text": "".join(f"<p>{self.rich_text(texts)}</p>" for texts in text_parts),
            }
            for title, text_parts in run
        ]
        self.add("strategies", {"numbered": numbered, "items": items})
        self.result.report.append(
            _("%(count)d titled points from %(source)s became a strategies block")
            % {"count": len(items), "source": source}
        )

    def add_quote(self, item: Item):
        text = item.text
        if len(text) > QUOTE_MAX:
            self.add("paragraph", f"<p>{self.rich_text(item.segments)}</p>")
            self.note(_("A quotation longer than 400 characters was kept as a paragraph."))
            return
        self.add("pull_quote", {"quote": text.strip("“”\"' "), "attribution": item.caption[:120]})
        self.counts[_("Quotes")] += 1

    def add_image(self, item: Item):
        if self.image_for is None:
            self.note(_("Images are not imported: add them with an Image block (with alt text)."))
            return
        image = self.image_for(item.src, item.alt)
        if image is None:
            return
        self.add("image", {"image": image.pk, "caption": item.caption[:250]})
        self.counts[_("Images")] += 1

    def close_with_call_to_action(self):
        """A closing paragraph that invites the reader to act becomes a call-to-action block;
        its link (if any) becomes the button, else the button uses the practice's booking link."""
        blocks = self.result.blocks
        if not blocks or blocks[-1]["type"] != "paragraph" or "<ol>" in blocks[-1]["value"]:
            return
        html = blocks[-1]["value"]
        text = unescape(re.sub(r"<[^>]+>", "", html))
        if not CALL_TO_ACTION.search(text) or len(text) > 600:
            return
        button = {"label": "", "page": None, "url": ""}
        link = re.search(r'<a (linktype="page" id="(\d+)"|href="([^"]+)")>([^<]*)</a>', html)
        if link:
            button = {
                "label": link[4][:40],
                "page": int(link[2]) if link[2] else None,
                "url": "" if link[2] or not link[3].startswith("http") else link[3],
            }
        inner = html.removeprefix("<p>").removesuffix("</p>")
        first, *rest = re.split(r"(?<=[.!?])\s+", inner, maxsplit=1)
        if rest and "<" not in first and len(first) <= HEADING_MAX:
            heading, body = unescape(first), f"<p>{rest[0]}</p>"
        else:
            heading, body = DEFAULT_CTA_HEADING, html
        body = re.sub(r"^<p>\s*", "<p>", body)
        blocks[-1] = {
            "type": "call_to_action",
            "value": {"heading": heading, "text": body, **button},
        }
        self.result.report.append(_("The closing paragraph became a call-to-action block"))

    # Inline content

    def rich_text(self, segments: list[Segment]) -> str:
        """Wagtail rich text from segments: only <b>, <i>, <br/> and links are written."""
        html = []
        for segment in segments:
            text = escape(segment.text).replace("\n", "<br/>")
            if segment.italic:
                text = f"<i>{text}</i>"
            if segment.bold:
                text = f"<b>{text}</b>"
            if segment.href:
                text = self.link(segment.href, text)
            html.append(text)
        return "".join(html).strip()

    def link(self, href: str, html: str) -> str:
        link = self.links.resolve(href)
        if link is None:
            self.note(_("Links that were not web, email or phone addresses kept only their text."))
            return html
        target = link.page
        if target is None or target.page_id is None:
            if target is None and not re.match(r"^(https?:|mailto:|tel:|#)", href, re.IGNORECASE):
                self.note(
                    _("A link to “%(href)s” matches no page on this site: check it.")
                    % {"href": href}
                )
            if target is not None:
                self.result.pending_links.append(href)
            return f'<a href="{escape(href)}">{html}</a>'
        if target.is_service and target not in self.result.services:
            self.result.services.append(target)
            self.result.report.append(
                _("Links to the service “%(title)s” became page links; it is a related service")
                % {"title": target.title}
            )
        elif not target.is_service:
            self.counts[_("Links to our own pages made page links")] += 1
        return f'<a linktype="page" id="{target.page_id}">{html}</a>'

    def note(self, message: str):
        if message not in self.result.notes:
            self.result.notes.append(message)


# Heading levels


def normalise_heading_levels(items: list[Item]):
    """The shallowest heading becomes H2 and the others keep their distance from it."""
    levels = [item.level for item in items if item.kind == "heading"]
    shallowest = min(levels, default=2)
    for item in items:
        if item.kind == "heading":
            item.level = min(2 + item.level - shallowest, DEEPEST_HEADING)


def fix_heading_levels(blocks: list[dict]):
    """No heading deeper than one level below the heading before it (the title is the H1)."""
    previous = 1
    for block in blocks:
        if block["type"] == "heading":
            level = min(int(block["value"]["level"][1]), previous + 1)
            block["value"]["level"] = f"h{level}"
            previous = level
