"""Turn a clinician's Word (.docx) draft into an article: a title, a summary and body blocks.

Word headings become heading blocks (renumbered so that they start at H2 and never skip a
level), paragraphs become paragraph blocks with bold, italic and links kept, bulleted lists
become a bulleted-list block and numbered lists a numbered list inside a paragraph. Anything
else (tables, text boxes, images) is kept as plain paragraphs or reported, never a crash.
"""

import functools
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsmap, qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from lxml.etree import XMLSyntaxError, XPath

from practice.text import shorten

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A .docx is a zip archive: refuse archives that would unpack to far more than any draft needs.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
SUMMARY_LENGTH = 300
SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:)", re.IGNORECASE)
HEADING_STYLE = re.compile(r"^Heading ([1-9])$")
DEEPEST_HEADING = 4


@functools.cache
def compiled_xpath(path):
    return XPath(path, namespaces={"w": nsmap["w"]})


def xpath(element, path):
    """XPath with Word's namespace, on python-docx's and on plain lxml elements alike."""
    return compiled_xpath(path)(element)


class DocxImportError(Exception):
    """The file cannot be read as a Word document; the message is for the editor."""


@dataclass
class ImportedArticle:
    title: str
    summary: str
    body: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_docx(uploaded_file, filename: str = "") -> ImportedArticle:
    """Read an uploaded file object. Raises DocxImportError with a message for the editor."""
    check_package(uploaded_file)
    try:
        document = docx.Document(uploaded_file)
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile) as e:
        raise DocxImportError(
            _(
                "This file could not be read as a Word document. Open it in Word, choose "
                "Save As › Word Document (.docx), and upload it again."
            )
        ) from e
    try:
        return DocxConverter(document, fallback_title=PurePath(filename).stem).convert()
    except DocxImportError:
        raise
    except Exception as e:
        # Word files vary endlessly; a part we cannot follow must not become a server error.
        logger.exception("Could not convert the Word document %r", filename)
        raise DocxImportError(
            _(
                "Part of this document could not be read. Try copying its text into a new "
                "Word document, save it as .docx, and upload that."
            )
        ) from e


def check_package(uploaded_file):
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as e:
        raise DocxImportError(
            _(
                "This is not a Word (.docx) file. Older .doc files, PDFs and Google Docs links "
                "cannot be imported: save the draft as a .docx file first."
            )
        ) from e
    finally:
        uploaded_file.seek(0)
    if "word/document.xml" not in names:
        raise DocxImportError(_("This file is not a Word document (.docx)."))
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocxImportError(_("This document is too large to import."))


class DocxConverter:
    def __init__(self, document, fallback_title=""):
        self.document = document
        self.title = ""
        self.summary = ""
        self.first_text = ""
        self.fallback_title = fallback_title
        self.blocks = []  # (kind, value) with headings at their Word level, normalised later
        self.list_kind = None
        self.list_items = []
        self.notes = []
        self.numbering_formats = self._numbering_formats()

    def convert(self) -> ImportedArticle:
        for item in self.document.iter_inner_content():
            if isinstance(item, Table):
                self.add_table(item)
            else:
                self.add_paragraph(item)
        self.flush_list()
        if not self.blocks and not self.title:
            raise DocxImportError(_("This document has no text to import."))
        title = self.title or self.document.core_properties.title or self.fallback_title
        summary = self.summary or shorten(self.first_text or title, SUMMARY_LENGTH)
        return ImportedArticle(
            title=title[:255], summary=summary, body=self.stream_data(), notes=self.notes
        )

    # Paragraph-level content

    def add_paragraph(self, paragraph):
        style = paragraph.style.name if paragraph.style is not None else ""
        text = paragraph.text.strip()
        if xpath(paragraph._p, ".//w:drawing | .//w:pict"):
            self.note(_("Images are not imported: add them with an Image block (with alt text)."))
        if not text:
            return
        heading = HEADING_STYLE.match(style)
        starts_document = heading and heading[1] == "1" and not self.blocks
        if not self.title and (style == "Title" or starts_document):
            self.title = text
            return
        if style == "Subtitle" and not self.summary:
            self.summary = text[:SUMMARY_LENGTH]
            return
        list_kind = self.list_kind_of(paragraph, style)
        if list_kind != self.list_kind:
            self.flush_list()
        if list_kind:
            self.list_kind = list_kind
            self.list_items.append(self.inline_html(paragraph))
        elif heading or style == "Title":
            self.blocks.append(("heading", (int(heading[1]) if heading else 1, text)))
        else:
            self.first_text = self.first_text or text
            self.blocks.append(("paragraph", f"<p>{self.inline_html(paragraph)}</p>"))

    def add_table(self, table):
        self.flush_list()
        self.note(_("Tables are imported as plain paragraphs, one per row: check them."))
        for row in table.rows:
            cells = []
            for cell in row.cells:
                cell_text = " ".join(cell.text.split())
                if cell_text and cell_text not in cells:  # merged cells repeat their text
                    cells.append(cell_text)
            if cells:
                self.blocks.append(("paragraph", f"<p>{escape(' – '.join(cells))}</p>"))

    def flush_list(self):
        if self.list_items:
            self.blocks.append((self.list_kind, self.list_items))
        self.list_kind = None
        self.list_items = []

    def note(self, message):
        if message not in self.notes:
            self.notes.append(message)

    # Lists

    def _numbering_formats(self):
        """Map (numId, level) to Word's number format ('bullet', 'decimal', ...)."""
        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return {}
        abstract_formats = {}
        for abstract in xpath(numbering, "./w:abstractNum"):
            for level in xpath(abstract, "./w:lvl"):
                fmt = xpath(level, "./w:numFmt/@w:val")
                abstract_formats[(abstract.get(qn("w:abstractNumId")), level.get(qn("w:ilvl")))] = (
                    fmt[0] if fmt else "bullet"
                )
        formats = {}
        for num in xpath(numbering, "./w:num"):
            abstract_id = xpath(num, "./w:abstractNumId/@w:val")
            for (a_id, level), fmt in abstract_formats.items():
                if abstract_id and a_id == abstract_id[0]:
                    formats[(num.get(qn("w:numId")), level)] = fmt
        return formats

    def list_kind_of(self, paragraph, style):
        if style.startswith("List Bullet"):
            return "bulleted_list"
        if style.startswith("List Number"):
            return "numbered_list"
        num_id = xpath(paragraph._p, "./w:pPr/w:numPr/w:numId/@w:val")
        if not num_id or num_id[0] == "0":
            return None
        level = xpath(paragraph._p, "./w:pPr/w:numPr/w:ilvl/@w:val")
        fmt = self.numbering_formats.get((num_id[0], level[0] if level else "0"), "bullet")
        return "bulleted_list" if fmt in ("bullet", "none") else "numbered_list"

    # Inline content: bold, italic and links

    def inline_html(self, paragraph) -> str:
        segments = []  # [text, bold, italic, href] merged when formatting repeats
        for item in paragraph.iter_inner_content():
            runs, href = (item.runs, item.url) if isinstance(item, Hyperlink) else ([item], None)
            if href and not SAFE_LINK.match(href):
                href = None
            for run in runs:
                text = run.text
                if not text:
                    continue
                style = run.style.name if run.style is not None else ""
                bold = bool(run.bold) or style in ("Strong", "Bold")
                italic = bool(run.italic) or style in ("Emphasis", "Italic")
                if segments and segments[-1][1:] == [bold, italic, href]:
                    segments[-1][0] += text
                else:
                    segments.append([text, bold, italic, href])
        return "".join(self.segment_html(*segment) for segment in segments).strip()

    @staticmethod
    def segment_html(text, bold, italic, href) -> str:
        html = escape(text).replace("\n", "<br/>").replace("\t", " ")
        if italic:
            html = f"<i>{html}</i>"
        if bold:
            html = f"<b>{html}</b>"
        if href:
            html = f'<a href="{escape(href)}">{html}</a>'
        return html

    # Output

    def stream_data(self) -> list[dict]:
        """Blocks in StreamField's stored form, headings renumbered from H2 without skips."""
        heading_levels = [value[0] for kind, value in self.blocks if kind == "heading"]
        shallowest = min(heading_levels, default=1)
        previous = 1  # the page title is the H1
        anchors = set()
        data = []
        for kind, value in self.blocks:
            if kind == "heading":
                level = min(2 + value[0] - shallowest, previous + 1, DEEPEST_HEADING)
                previous = level
                text = value[1][:120]
                anchor = self.unique_anchor(text, anchors)
                data.append(
                    {
                        "type": "heading",
                        "value": {"text": text, "level": f"h{level}", "anchor": anchor},
                    }
                )
            elif kind == "paragraph":
                data.append({"type": "paragraph", "value": value})
            elif kind == "bulleted_list":
                items = [f"<p>{item}</p>" for item in value]
                data.append({"type": "bulleted_list", "value": {"lead_in": "", "items": items}})
            elif kind == "numbered_list":
                items = "".join(f"<li>{item}</li>" for item in value)
                data.append({"type": "paragraph", "value": f"<ol>{items}</ol>"})
        return data

    @staticmethod
    def unique_anchor(text: str, taken: set[str]) -> str:
        """Blank (made from the text) unless an earlier heading has the same text: Word allows
        two "Summary" headings, a page cannot have two #summary link targets."""
        anchor = base = slugify(text)[:50]
        number = 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        return "" if anchor == base else anchor
