"""Read HTML from any source (Word, Google Docs, a web page, WordPress) into a flat list of
structural items: headings, paragraphs, lists, quotes, images and tables.

Only structure survives: text, bold, italic, line breaks and links. Styles, classes, scripts,
event handlers, forms and embeds are dropped here, so nothing pasted can reach a page as markup.
Word's and Google Docs' habits are recognised: Word writes list items as `MsoListParagraph`
paragraphs with a typed bullet, Google Docs writes bold as `font-weight:700` spans inside a
`<b style="font-weight:normal">` wrapper.
"""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
BLOCK_TAGS = {
    *HEADING_TAGS,
    *("p", "ul", "ol", "li", "blockquote", "figure", "table", "div", "section", "article"),
    *("main", "header", "footer", "aside", "img", "hr", "pre"),
}
DROPPED_TAGS = {"script", "style", "head", "title", "meta", "link", "noscript", "template"}
DROPPED_TAGS |= {"form", "input", "button", "select", "textarea", "svg", "canvas", "nav"}
EMBED_TAGS = {"iframe", "object", "embed", "video", "audio"}
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
NOT_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(normal|[1-4]00)", re.IGNORECASE)
ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
WORD_LIST_MARKER = re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE)
ORDERED_MARKER = re.compile(r"^\(?([0-9]+|[a-z]|[ivx]+)[.)]$", re.IGNORECASE)
WHITESPACE = re.compile(r"\s+")


@dataclass
class Segment:
    """A run of text with one formatting; `href` is the address as written."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass
class Item:
    kind: str  # heading, paragraph, list, quote, image, table_row
    segments: list[Segment] = field(default_factory=list)
    level: int = 0  # headings
    ordered: bool = False  # lists
    entries: list[list[Segment]] = field(default_factory=list)  # list items
    src: str = ""  # images
    alt: str | None = None  # images: None when the source had no alt attribute
    caption: str = ""  # images; a quote's attribution

    @property
    def text(self) -> str:
        return segments_text(self.segments)


def segments_text(segments) -> str:
    return WHITESPACE.sub(" ", "".join(segment.text for segment in segments)).strip()


def parse_html(html: str):
    return BeautifulSoup(html or "", "lxml")


class HtmlReader:
    def __init__(self):
        self.items: list[Item] = []
        self.notes: list[str] = []
        self.loose: list[Segment] = []  # inline content outside any block element
        self.word_list: Item | None = None

    def read(self, html: str) -> list[Item]:
        soup = parse_html(html)
        for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
            comment.extract()
        self.read_children(soup)
        self.flush()
        return self.items

    def note(self, message: str):
        if message not in self.notes:
            self.notes.append(message)

    def flush(self):
        segments = trim(self.loose)
        if segments_text(segments):
            self.items.append(Item("paragraph", segments=segments))
        self.loose = []

    def read_children(self, node):
        for child in node.children:
            if isinstance(child, Tag):
                self.read_block(child)
            elif isinstance(child, NavigableString):
                self.loose.extend(inline_segments(child, trim_ends=False))

    def read_block(self, tag: Tag):
        name = tag.name.lower()
        if name in DROPPED_TAGS:
            return
        if name in EMBED_TAGS:
            self.note("Embedded media (videos, maps, forms) were left out: add a link instead.")
            return
        if not is_block(tag):
            self.loose.extend(inline_segments(tag, trim_ends=False))
            return
        self.flush()
        if name == "p" and self.read_word_list_paragraph(tag):
            return
        self.word_list = None
        if name in HEADING_TAGS:
            self.add(Item("heading", segments=inline_segments(tag), level=HEADING_TAGS[name]))
        elif name == "p":
            self.read_paragraph(tag)
        elif name in ("ul", "ol"):
            self.read_list(tag, ordered=name == "ol")
        elif name == "blockquote":
            self.read_quote(tag)
        elif name in ("img", "figure"):
            self.read_figure(tag)
        elif name == "table":
            self.read_table(tag)
        elif name == "hr":
            return
        else:  # div, section, li outside a list, Google Docs' <b> wrapper...
            self.read_children(tag)
            self.flush()

    def add(self, item: Item):
        if item.kind != "heading" or item.text:
            self.items.append(item)

    def read_paragraph(self, tag: Tag):
        for image in tag.find_all("img"):
            self.read_figure(image)
            image.extract()
        segments = inline_segments(tag)
        if segments_text(segments):
            self.items.append(Item("paragraph", segments=segments))

    def read_word_list_paragraph(self, tag: Tag) -> bool:
        """Word pastes each list item as a paragraph whose bullet or number is typed text in
        a span styled `mso-list:Ignore`. Consecutive ones make one list."""
        classes = " ".join(tag.get("class") or [])
        marker = tag.find(style=WORD_LIST_MARKER)
        if "MsoListParagraph" not in classes and marker is None:
            return False
        marker_text = WHITESPACE.sub("", marker.get_text()) if marker else ""
        if marker:
            marker.extract()
        entry = inline_segments(tag)
        if not segments_text(entry):
            return True
        ordered = bool(ORDERED_MARKER.match(marker_text))
        continues = self.word_list is not None and self.items[-1] is self.word_list
        if not continues or "CxSpFirst" in classes or ordered != self.word_list.ordered:
            self.word_list = Item("list", ordered=ordered)
            self.items.append(self.word_list)
        self.word_list.entries.append(entry)
        return True

    def read_list(self, tag: Tag, ordered: bool):
        item = Item("list", ordered=ordered)
        for entry in tag.find_all("li"):
            if entry.find(["ul", "ol"]) is not None:
                self.note("Lists inside lists were flattened into one list: check their order.")
            segments = inline_segments(entry, skip=("ul", "ol"))
            if segments_text(segments):
                item.entries.append(segments)
        if item.entries:
            self.items.append(item)

    def read_quote(self, tag: Tag):
        cite = tag.find(["cite", "footer"])
        attribution = cite.get_text(" ", strip=True) if cite else ""
        if cite:
            cite.extract()
        segments = inline_segments(tag)
        if segments_text(segments):
            self.items.append(Item("quote", segments=segments, caption=attribution.lstrip("—– -")))

    def read_figure(self, tag: Tag):
        image = tag if tag.name == "img" else tag.find("img")
        if image is None or not image.get("src"):
            self.read_children(tag)
            return
        caption = tag.find("figcaption") if tag.name == "figure" else None
        self.items.append(
            Item(
                "image",
                src=image["src"],
                alt=image.get("alt"),
                caption=caption.get_text(" ", strip=True) if caption else "",
            )
        )

    def read_table(self, tag: Tag):
        self.note("Tables are imported as plain paragraphs, one per row: check them.")
        for row in tag.find_all("tr"):
            cells = []
            for cell in row.find_all(["td", "th"]):
                text = WHITESPACE.sub(" ", cell.get_text(" ")).strip()
                if text and text not in cells:
                    cells.append(text)
            if cells:
                self.items.append(Item("paragraph", segments=[Segment(" – ".join(cells))]))


def is_block(tag: Tag) -> bool:
    """Block elements, and inline wrappers that hold blocks (Google Docs wraps a whole
    document in one <b>)."""
    if tag.name.lower() in BLOCK_TAGS:
        return True
    return tag.find(lambda child: child.name in BLOCK_TAGS) is not None


def inline_segments(node, skip=(), trim_ends=True) -> list[Segment]:
    """The text of a node with its bold, italic and links, as merged segments."""
    segments: list[Segment] = []
    for text, is_bold, is_italic, link in walk_inline(node, False, False, "", skip):
        if segments and (segments[-1].bold, segments[-1].italic, segments[-1].href) == (
            is_bold,
            is_italic,
            link,
        ):
            segments[-1].text += text
        else:
            segments.append(Segment(text, is_bold, is_italic, link))
    return trim(segments) if trim_ends else segments


def walk_inline(node, bold, italic, href, skip):
    if isinstance(node, Comment):
        return
    if isinstance(node, NavigableString):
        text = WHITESPACE.sub(" ", str(node).replace("\xa0", " "))
        if text:
            yield text, bold, italic, href
        return
    name = node.name.lower()
    if name in DROPPED_TAGS or name in EMBED_TAGS or name in skip or name == "img":
        return
    if name == "br":
        yield "\n", bold, italic, href
        return
    if WORD_LIST_MARKER.search(node.get("style", "")):
        return
    style = node.get("style", "")
    if name in ("b", "strong"):
        bold = not NOT_BOLD_STYLE.search(style)
    elif BOLD_STYLE.search(style):
        bold = True
    elif NOT_BOLD_STYLE.search(style) and name == "span":
        bold = False
    if name in ("i", "em") or ITALIC_STYLE.search(style):
        italic = True
    if name == "a" and node.get("href"):
        href = node["href"].strip()
    for child in node.children:
        yield from walk_inline(child, bold, italic, href, skip)
    if name in ("p", "div", "li"):
        yield "\n", bold, italic, href


def trim(segments: list[Segment]) -> list[Segment]:
    """Strip whitespace and line breaks at both ends; collapse repeated breaks."""
    for segment in segments:
        segment.text = re.sub(r" *\n[ \n]*", "\n", segment.text)
    while segments and not segments[0].text.strip():
        segments.pop(0)
    while segments and not segments[-1].text.strip():
        segments.pop()
    if segments:
        segments[0].text = segments[0].text.lstrip()
        segments[-1].text = segments[-1].text.rstrip()
    return segments
