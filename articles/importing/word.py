"""Read a clinician's Word (.docx) draft as HTML for the shared converter (html_to_blocks).

Word's heading styles become <h1>-<h6> (the Title, or a first Heading 1, becomes the title),
paragraphs keep bold, italic and links, Word's bulleted and numbered lists become <ul>/<ol>,
tables become table rows. The converter then gives them their block structure (lead-ins,
strategies, a call to action, page links), exactly as for pasted text and WordPress posts.
A file that cannot be read gives the editor a clear message, never a server error.
"""

import functools
import logging
import re
import zipfile
from pathlib import PurePath

from django.utils.html import escape
from django.utils.translation import gettext as _

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsmap, qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from lxml.etree import XMLSyntaxError, XPath

from practice.text import shorten

from .html_to_blocks import Conversion, HtmlToBlocks

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A .docx is a zip archive: refuse archives that would unpack to far more than any draft needs.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
SUMMARY_LENGTH = 300
HEADING_STYLE = re.compile(r"^Heading ([1-9])$")


@functools.cache
def compiled_xpath(path):
    return XPath(path, namespaces={"w": nsmap["w"]})


def xpath(element, path):
    """XPath with Word's namespace, on python-docx's and on plain lxml elements alike."""
    return compiled_xpath(path)(element)


class DocxImportError(Exception):
    """The file cannot be read as a Word document; the message is for the editor."""


def read_docx(uploaded_file, filename: str = "", converter=None) -> Conversion:
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
        reader = DocxToHtml(document)
        html = reader.html()
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
    if not html:
        raise DocxImportError(_("This document has no text to import."))
    conversion = (converter or HtmlToBlocks()).convert(html)
    conversion.title = (
        conversion.title or document.core_properties.title or PurePath(filename).stem
    )[:255]
    conversion.summary = reader.subtitle or conversion.summary or shorten(conversion.title, 155)
    conversion.notes[:0] = reader.notes
    return conversion


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


class DocxToHtml:
    def __init__(self, document):
        self.document = document
        self.title = ""
        self.subtitle = ""
        self.parts: list[str] = []
        self.list_tag = None
        self.notes: list[str] = []
        self.numbering_formats = self._numbering_formats()

    def html(self) -> str:
        for item in self.document.iter_inner_content():
            if isinstance(item, Table):
                self.add_table(item)
            else:
                self.add_paragraph(item)
        self.close_list()
        if not self.parts and not self.title:
            return ""
        title = f"<h1>{escape(self.title)}</h1>" if self.title else ""
        return title + "".join(self.parts)

    def note(self, message):
        if message not in self.notes:
            self.notes.append(message)

    def add_paragraph(self, paragraph):
        style = paragraph.style.name if paragraph.style is not None else ""
        text = paragraph.text.strip()
        if xpath(paragraph._p, ".//w:drawing | .//w:pict"):
            self.note(_("Images are not imported: add them with an Image block (with alt text)."))
        if not text:
            return
        heading = HEADING_STYLE.match(style)
        starts_document = heading and heading[1] == "1" and not self.parts
        if not self.title and (style == "Title" or starts_document):
            self.title = text
            return
        if style == "Subtitle" and not self.subtitle:
            self.subtitle = text[:SUMMARY_LENGTH]
            return
        list_tag = self.list_tag_of(paragraph, style)
        if list_tag != self.list_tag:
            self.close_list()
        if list_tag:
            if not self.list_tag:
                self.parts.append(f"<{list_tag}>")
                self.list_tag = list_tag
            self.parts.append(f"<li>{self.inline_html(paragraph)}</li>")
        elif heading or style == "Title":
            level = min(int(heading[1]) if heading else 1, 6)
            self.parts.append(f"<h{level}>{escape(text)}</h{level}>")
        else:
            self.parts.append(f"<p>{self.inline_html(paragraph)}</p>")

    def add_table(self, table):
        self.close_list()
        rows = []
        for row in table.rows:
            cells = "".join(f"<td>{escape(cell.text)}</td>" for cell in row.cells)
            rows.append(f"<tr>{cells}</tr>")
        self.parts.append(f"<table>{''.join(rows)}</table>")

    def close_list(self):
        if self.list_tag:
            self.parts.append(f"</{self.list_tag}>")
        self.list_tag = None

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

    def list_tag_of(self, paragraph, style):
        if style.startswith("List Bullet"):
            return "ul"
        if style.startswith("List Number"):
            return "ol"
        num_id = xpath(paragraph._p, "./w:pPr/w:numPr/w:numId/@w:val")
        if not num_id or num_id[0] == "0":
            return None
        level = xpath(paragraph._p, "./w:pPr/w:numPr/w:ilvl/@w:val")
        fmt = self.numbering_formats.get((num_id[0], level[0] if level else "0"), "bullet")
        return "ul" if fmt in ("bullet", "none") else "ol"

    def inline_html(self, paragraph) -> str:
        """Bold, italic and links of a paragraph; the converter decides what is safe."""
        html = []
        for item in paragraph.iter_inner_content():
            runs, href = (item.runs, item.url) if isinstance(item, Hyperlink) else ([item], None)
            for run in runs:
                if not run.text:
                    continue
                style = run.style.name if run.style is not None else ""
                text = escape(run.text).replace("\n", "<br>").replace("\t", " ")
                if run.italic or style in ("Emphasis", "Italic"):
                    text = f"<i>{text}</i>"
                if run.bold or style in ("Strong", "Bold"):
                    text = f"<b>{text}</b>"
                if href:
                    text = f'<a href="{escape(href)}">{text}</a>'
                html.append(text)
        return "".join(html)
