"""An editor brings text in, in a real browser: imports a Word draft from the articles index,
then pastes a list into the article from the editor's "Paste as blocks" button. Each time the
editor shows heading and list blocks and the report of what became what."""

import io

from django.contrib.auth.models import Group

import docx
import pytest
from playwright.sync_api import expect

from tests.factories import ArticleIndexPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-browser-test-password"
PASTED_LIST = (
    '<p class="MsoNormal">Before a session, it can help to note:</p>'
    '<ul><li><span style="font-weight:700">What</span> felt hardest this week</li>'
    "<li>One thing that went better</li></ul>"
)


@pytest.fixture(autouse=True)
def no_autosave(settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def articles(home_page, django_user_model):
    editor = django_user_model.objects.create_user("sam", password=PASSWORD, first_name="Sam")
    editor.groups.add(Group.objects.get(name="Editors"))
    return ArticleIndexPageFactory(parent=home_page, title="Articles", slug="articles")


@pytest.fixture
def word_file(tmp_path):
    document = docx.Document()
    document.add_heading("Finding calm before exams", level=1)
    document.add_paragraph("Exam weeks can feel heavy. Small habits help.")
    document.add_heading("Signs of exam stress", level=2)
    document.add_paragraph("It can show up as:")
    document.add_paragraph("Trouble sleeping", style="List Bullet")
    document.add_paragraph("A racing heart", style="List Bullet")
    path = tmp_path / "exam-calm.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_an_editor_imports_a_word_draft_and_pastes_a_list(
    live_server, new_page, articles, word_file
):
    page = new_page()
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{live_server.url}/admin/pages/{articles.pk}/")
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Import from Word").click()
    page.get_by_label("Word document (.docx)").set_input_files(str(word_file))
    page.get_by_role("button", name="Import as a draft").click()

    messages = page.locator(".messages")
    expect(messages).to_contain_text("Imported “Finding calm before exams” as a draft")
    expect(messages).to_contain_text("What became what")
    expect(messages).to_contain_text("Lists given their lead-in: 1")
    expect(page.locator("#body-1-value-text")).to_have_value("Signs of exam stress")
    expect(page.locator("#body-2-value-lead_in")).to_have_value("It can show up as:")
    expect(page.locator("[data-contentpath='body']")).to_contain_text("Trouble sleeping")

    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Paste as blocks").click()
    area = page.get_by_role("textbox", name="Paste here")
    area.click()
    # What the browser does with a real paste: insert the clipboard's HTML at the caret.
    page.evaluate("html => document.execCommand('insertHTML', false, html)", PASTED_LIST)
    page.get_by_role("button", name="Add the blocks").click()

    expect(messages).to_contain_text("was added to “Finding calm before exams”")
    expect(messages).to_contain_text("Bulleted lists: 1")
    expect(page.locator("#body-3-value-lead_in")).to_have_value(
        "Before a session, it can help to note:"
    )
    body = page.locator("[data-contentpath='body']")
    expect(body).to_contain_text("felt hardest this week")
    expect(body).to_contain_text("One thing that went better")
