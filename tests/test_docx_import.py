"""Importing a Word draft as an article: the conversion, the admin view, and broken files."""

import io
import zipfile

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from articles.importing.word import DocxImportError, read_docx
from articles.models import ArticlePage
from practice.blocks import BodyStreamBlock

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def add_link(paragraph, text, url):
    """python-docx has no API for hyperlinks: write the run and relationship by hand."""
    relationship_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def number_paragraph(paragraph, num_id):
    """Give a paragraph list numbering directly, as Word does for 'List Paragraph' items."""
    paragraph_properties = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), num_id)
    numbering.extend([level, num])
    paragraph_properties.append(numbering)


def draft_document():
    document = docx.Document()
    document.add_heading("Easing exam stress", level=1)
    intro = document.add_paragraph("Exams can make anyone anxious. ")
    intro.add_run("You are not alone").bold = True
    intro.add_run(", and ")
    intro.add_run("small steps").italic = True
    intro.add_run(" help. If you are in crisis, call or text ")
    add_link(intro, "the 988 Lifeline", "https://988lifeline.org/")
    intro.add_run(".")
    document.add_heading("What it can look like", level=2)
    document.add_paragraph("Trouble sleeping before a test", style="List Bullet")
    document.add_paragraph("A racing heart in the exam room", style="List Bullet")
    document.add_heading("A deeper point", level=4)
    document.add_paragraph("Plan a short break", style="List Number")
    document.add_paragraph("Drink some water", style="List Number")
    document.add_paragraph("")
    document.add_heading("Sleep", level=3)
    for text in ("Keep a regular bedtime", "Put the phone away"):
        number_paragraph(document.add_paragraph(text, style="List Paragraph"), num_id="1")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Day"
    table.cell(0, 1).text = "Plan"
    table.cell(1, 0).text = "Monday"
    table.cell(1, 1).text = "Review notes"
    add_link(document.add_paragraph("Unknown javascript link: "), "click", "javascript:alert(1)")
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.fixture
def imported(db):
    return read_docx(draft_document(), "exam-stress.docx")


class TestConversion:
    def test_title_and_summary(self, imported):
        assert imported.title == "Easing exam stress"
        assert imported.summary.startswith("Exams can make anyone anxious. You are not alone")

    def test_block_types_in_order(self, imported):
        assert [block["type"] for block in imported.blocks] == [
            "paragraph",
            "heading",
            "bulleted_list",
            "heading",
            "paragraph",
            "heading",
            "bulleted_list",
            "paragraph",
            "paragraph",
            "paragraph",
        ]

    def test_bold_italic_and_links_are_kept(self, imported):
        intro = imported.blocks[0]["value"]
        assert "<b>You are not alone</b>" in intro
        assert "<i>small steps</i>" in intro
        assert '<a href="https://988lifeline.org/">the 988 Lifeline</a>' in intro

    def test_unsafe_links_keep_only_their_text(self, imported):
        last = imported.blocks[-1]["value"]
        assert "click" in last
        assert "javascript" not in last.replace("Unknown javascript link", "")

    def test_headings_start_at_h2_and_never_skip(self, imported):
        headings = [block["value"] for block in imported.blocks if block["type"] == "heading"]
        assert [(h["text"], h["level"]) for h in headings] == [
            ("What it can look like", "h2"),
            ("A deeper point", "h3"),
            ("Sleep", "h3"),
        ]

    def test_lists(self, imported):
        bullets = imported.blocks[2]["value"]
        assert bullets["items"] == [
            "<p>Trouble sleeping before a test</p>",
            "<p>A racing heart in the exam room</p>",
        ]
        assert (
            imported.blocks[4]["value"]
            == "<ol><li>Plan a short break</li><li>Drink some water</li></ol>"
        )
        assert imported.blocks[6]["value"]["items"] == [
            "<p>Keep a regular bedtime</p>",
            "<p>Put the phone away</p>",
        ]

    def test_tables_become_paragraphs_with_a_note(self, imported):
        assert imported.blocks[7]["value"] == "<p>Day – Plan</p>"
        assert imported.blocks[8]["value"] == "<p>Monday – Review notes</p>"
        assert any("Tables" in note for note in imported.notes)

    def test_the_body_passes_the_article_validation(self, imported):
        block = BodyStreamBlock()
        block.clean(block.to_python(imported.blocks))


class TestBrokenFiles:
    def test_random_bytes(self):
        with pytest.raises(DocxImportError, match="not a Word"):
            read_docx(io.BytesIO(b"this is not a document at all"), "draft.docx")

    def test_a_zip_that_is_not_a_word_document(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "hello")
        with pytest.raises(DocxImportError, match="not a Word document"):
            read_docx(buffer, "draft.docx")

    def test_a_truncated_document(self):
        data = draft_document().getvalue()
        with pytest.raises(DocxImportError):
            read_docx(io.BytesIO(data[: len(data) // 2]), "draft.docx")

    def test_a_document_with_broken_xml(self):
        source = zipfile.ZipFile(draft_document())
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "word/document.xml":
                    content = content[:200]
                archive.writestr(item, content)
        with pytest.raises(DocxImportError, match="could not be read"):
            read_docx(buffer, "draft.docx")

    def test_an_empty_document(self):
        buffer = io.BytesIO()
        docx.Document().save(buffer)
        with pytest.raises(DocxImportError, match="no text"):
            read_docx(buffer, "empty.docx")


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("editor", password="a-long-test-password")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def upload(client, index, name, content):
    return client.post(
        reverse("articles_import_docx", args=[index.pk]),
        {"document": SimpleUploadedFile(name, content, content_type=DOCX_TYPE)},
    )


class TestImportView:
    def test_an_editor_gets_a_draft_article(self, client, editor, article_index):
        client.force_login(editor)
        response = upload(client, article_index, "exam-stress.docx", draft_document().getvalue())
        article = ArticlePage.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_pages:edit", args=[article.pk])
        assert not article.live
        assert article.get_parent().pk == article_index.pk
        assert article.owner == editor
        assert article.slug == "easing-exam-stress"
        assert article.latest_revision is not None
        assert [child.block_type for child in article.body][:3] == [
            "paragraph",
            "heading",
            "bulleted_list",
        ]
        html = client.get(response.url).content.decode()
        assert "Imported “Easing exam stress” as a draft" in html
        assert "Tables are imported as plain paragraphs" in html

    def test_a_second_import_gets_its_own_address(self, client, editor, article_index):
        client.force_login(editor)
        for _ in range(2):
            upload(client, article_index, "exam-stress.docx", draft_document().getvalue())
        assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == [
            "easing-exam-stress",
            "easing-exam-stress-2",
        ]

    def test_a_corrupt_file_gets_a_clear_message(self, client, editor, article_index):
        client.force_login(editor)
        response = upload(client, article_index, "draft.docx", b"\x00\x01 not a docx")
        assert response.status_code == 200
        assert "This is not a Word (.docx) file" in response.content.decode()
        assert not ArticlePage.objects.exists()

    def test_other_file_types_are_refused(self, client, editor, article_index):
        client.force_login(editor)
        response = upload(client, article_index, "draft.pdf", b"%PDF-1.4")
        assert "Choose a Word document ending in .docx" in response.content.decode()
        assert not ArticlePage.objects.exists()

    def test_the_form_explains_itself(self, client, editor, article_index):
        client.force_login(editor)
        html = client.get(reverse("articles_import_docx", args=[article_index.pk])).content
        assert b'accept=".docx,' in html
        assert b"Nothing is published" in html

    def test_only_people_who_can_add_articles_may_import(
        self, client, django_user_model, article_index
    ):
        reviewer = django_user_model.objects.create_user("reviewer", password="x-long-password")
        reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
        client.force_login(reviewer)
        response = upload(client, article_index, "exam-stress.docx", draft_document().getvalue())
        assert response.status_code in (302, 403)
        assert not ArticlePage.objects.exists()

    def test_the_articles_index_offers_the_import(self, client, editor, article_index):
        client.force_login(editor)
        html = client.get(reverse("wagtailadmin_explore", args=[article_index.pk])).content
        assert reverse("articles_import_docx", args=[article_index.pk]).encode() in html


def test_repeated_headings_get_their_own_link_targets():
    document = docx.Document()
    document.add_heading("Two weeks of notes", level=1)
    for week in ("First week", "Second week"):
        document.add_heading(week, level=2)
        document.add_heading("Summary", level=3)
        document.add_paragraph(f"What happened in the {week.lower()}.")
    file = io.BytesIO()
    document.save(file)
    file.seek(0)

    body = read_docx(file, "notes.docx").blocks
    block = BodyStreamBlock()
    stream = block.clean(block.to_python(body))  # valid as imported: no duplicate anchors

    assert [child.value.anchor_id for child in stream if child.block_type == "heading"] == [
        "first-week",
        "summary",
        "second-week",
        "summary-2",
    ]


def sample_shaped_document(service_url):
    """A draft shaped like a real practice post (our own words)."""
    document = docx.Document()
    document.add_heading("Quieting new-parent doubt", level=1)
    document.add_paragraph("New parents often wonder whether they are getting it right.")
    document.add_heading("What it looks like", level=2)
    document.add_paragraph("Doubt is a steady hum of second-guessing. It can show up as:")
    for text in ("Checking again and again", "Comparing yourself with others"):
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Ways to ease it", level=2)
    for title, text in (
        ("Lower the bar:", " Good enough is a real standard."),
        ("Ask for help:", " Let someone else take a shift."),
        ("Step outside:", " Daylight can reset a hard day."),
    ):
        paragraph = document.add_paragraph()
        paragraph.add_run(title).bold = True
        paragraph.add_run(text)
    therapy = document.add_paragraph("Our clinicians offer ")
    add_link(therapy, "cognitive behavioral therapy", service_url)
    therapy.add_run(" for parents.")
    document.add_paragraph("Schedule a first session today and take one small step.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_sample_shaped_draft_keeps_its_structure(client, editor, article_index, service_index):
    from .factories import ServicePageFactory

    cbt = ServicePageFactory(parent=service_index, title="Cognitive behavioral therapy", slug="cbt")
    client.force_login(editor)
    content = sample_shaped_document(f"http://localhost{cbt.url}")
    response = upload(client, article_index, "doubt.docx", content)
    article = ArticlePage.objects.get()
    assert [child.block_type for child in article.body] == [
        "paragraph",
        "heading",
        "paragraph",
        "bulleted_list",
        "heading",
        "strategies",
        "paragraph",
        "call_to_action",
    ]
    assert article.body[3].value["lead_in"] == "It can show up as:"
    assert [item["title"] for item in article.body[5].value["items"]] == [
        "Lower the bar",
        "Ask for help",
        "Step outside",
    ]
    assert f'linktype="page" id="{cbt.pk}"' in article.body[6].value.source
    assert list(article.related_services.all()) == [cbt]
    html = client.get(response.url).content.decode()
    assert "3 titled points from paragraphs opening with a title became a strategies block" in html
