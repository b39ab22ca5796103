"""A new editor's first article, end to end in a real browser: write it in the Wagtail admin,
link it to two services, submit it for clinical review; a reviewer approves it; a visitor
reads it and finds it on both service pages."""

import re

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from tests.factories import (
    ArticleIndexPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
    credentials,
)

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; restore the migrations' rows (home page, roles,
    # workflows) for each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-browser-test-password"


@pytest.fixture
def practice(home_page, django_user_model):
    services = ServiceIndexPageFactory(parent=home_page, title="Services", slug="services")
    cbt = ServicePageFactory(
        parent=services, title="Cognitive behavioral therapy", short_name="CBT", slug="cbt"
    )
    ifs = ServicePageFactory(
        parent=services, title="Internal family systems therapy", short_name="IFS", slug="ifs"
    )
    articles = ArticleIndexPageFactory(parent=home_page, title="Articles", slug="articles")
    team = TherapistIndexPageFactory(parent=home_page, title="Our therapists", slug="team")

    editor = django_user_model.objects.create_user("sam", password=PASSWORD, first_name="Sam")
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = django_user_model.objects.create_user("dana", password=PASSWORD)
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    TherapistPageFactory(
        parent=team, title="Dana Reyes", credentials=credentials("PhD"), user=reviewer
    )
    return {"articles": articles, "cbt": cbt, "ifs": ifs}


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def type_rich_text(page, field_id, text):
    """Type into the Draftail editor that stores its value in the hidden input field_id."""
    textbox = page.locator(f"#{field_id} ~ .Draftail-Editor__wrapper [role=textbox]")
    textbox.click()
    textbox.press_sequentially(text)
    # Draftail copies its content into the hidden input a moment later; a click elsewhere
    # before then would submit the field empty.
    expect(page.locator(f"#{field_id}")).to_have_value(re.compile(re.escape(text)))


@pytest.fixture(autouse=True)
def no_autosave(settings):
    """The live server answers requests in threads that share one in-memory SQLite
    connection, so the editor's background autosaves would race the clicks under test."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def test_an_editor_writes_an_article_that_a_reviewer_approves(live_server, new_page, practice):
    base_url = live_server.url

    # An editor writes the article from the outline a new article starts with.
    editor = new_page()
    log_in(editor, base_url, "sam")
    editor.goto(f"{base_url}/admin/pages/{practice['articles'].pk}/")
    editor.get_by_role("link", name="Add child page").click()
    editor.get_by_placeholder("Page title*").fill("Calming a racing mind at night")
    editor.get_by_role("textbox", name="Summary*").fill(
        "Practical ways to settle anxious thoughts when they keep you awake."
    )
    type_rich_text(
        editor, "body-0-value", "Lying awake with a busy mind is common, and it can change."
    )
    editor.locator("#body-1-value-text").fill("Signs your mind is racing")
    type_rich_text(editor, "body-2-value-items-0-value", "Replaying the day over and over")
    editor.locator("#body-3-value-text").fill("What can help")
    editor.locator("#body-4-value-items-0-value-title").fill("Write it down")
    type_rich_text(
        editor,
        "body-4-value-items-0-value-text",
        "A short list before bed gives worries somewhere to wait until morning.",
    )

    editor.get_by_role("tab", name="Relations").click()
    editor.get_by_label("Cognitive behavioral therapy").check()
    editor.get_by_label("Internal family systems therapy").check()

    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Clinical review").click()
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")

    # A clinical reviewer finds it on the dashboard and approves it.
    reviewer = new_page()
    log_in(reviewer, base_url, "dana")
    review_panel = reviewer.get_by_role("region", name="Clinical review of articles")
    expect(review_panel).to_contain_text("1 article awaiting review")
    review_panel.get_by_role("link", name="Calming a racing mind at night").click()
    reviewer.get_by_role("button", name="More actions").click()
    reviewer.get_by_role("button", name=re.compile("^Approve")).first.click()
    dialog = reviewer.get_by_role("dialog")
    expect(dialog).to_contain_text("No safe-messaging flags in this version.")
    dialog.get_by_role("button", name=re.compile("^Approve")).click()
    expect(reviewer.locator(".messages")).to_contain_text("Calming a racing mind at night")

    # A visitor reads it; its structured data names both services...
    visitor = new_page()
    visitor.goto(f"{base_url}/articles/calming-a-racing-mind-at-night/")
    main = visitor.locator("main")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Calming a racing mind at night")
    expect(main).to_contain_text("Lying awake with a busy mind is common")
    expect(visitor.get_by_role("heading", name="Signs your mind is racing")).to_be_visible()
    expect(main.get_by_role("listitem").filter(has_text="Replaying the day")).to_be_visible()
    expect(main).to_contain_text("Write it down")
    expect(main).to_contain_text("Dana Reyes")
    structured_data = " ".join(
        visitor.locator('script[type="application/ld+json"]').all_text_contents()
    )
    for service in ("cbt", "ifs"):
        assert f"/services/{service}/" in structured_data

    # ...and finds it listed on both service pages.
    for service in ("cbt", "ifs"):
        visitor.goto(f"{base_url}/services/{service}/")
        expect(
            visitor.get_by_role("link", name=re.compile("Calming a racing mind at night"))
        ).to_be_visible()
