"""A clinical reviewer's side, in a real browser: the article waiting for review says
"committed suicide" and links a service only in its text. The reviewer sees the flag and the
suggested wording before approving, must acknowledge it, and is told who approved and when
the next review is due; a visitor then finds the article on the service page."""

import re

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
    credentials,
)

from .test_editor_journey import PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Talking with teens after a loss"


@pytest.fixture(autouse=True)
def no_autosave(settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def article_in_review(home_page, django_user_model):
    services = ServiceIndexPageFactory(parent=home_page, title="Services", slug="services")
    grief = ServicePageFactory(parent=services, title="Grief counseling", slug="grief")
    articles = ArticleIndexPageFactory(parent=home_page, title="Articles", slug="articles")
    team = TherapistIndexPageFactory(parent=home_page, title="Our therapists", slug="team")

    editor = django_user_model.objects.create_user("sam", password=PASSWORD, first_name="Sam")
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = django_user_model.objects.create_user("dana", password=PASSWORD)
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    TherapistPageFactory(
        parent=team, title="Dana Reyes", credentials=credentials("PhD"), user=reviewer
    )

    body = (
        "<p>When a classmate committed suicide, many teens need to talk. "
        f'<a linktype="page" id="{grief.pk}">Grief counseling</a> can help.</p>'
    )
    article = ArticlePageFactory(
        parent=articles, title=TITLE, slug="teens-after-a-loss", live=False, owner=editor
    )
    article.body = [("paragraph", body)]
    article.save_revision(user=editor)
    article.get_workflow().start(article, editor)
    return article


def test_the_reviewer_acknowledges_a_flag_and_the_text_link_lists_the_article(
    live_server, new_page, article_in_review
):
    base_url = live_server.url
    reviewer = new_page()
    log_in(reviewer, base_url, "dana")
    review_panel = reviewer.get_by_role("region", name="Clinical review of articles")
    review_panel.get_by_role("link", name=TITLE).click()

    # The editor shows the flag, with the suggested wording, before anything is approved.
    flags = reviewer.locator("[data-safe-messaging-flags]").first
    expect(flags).to_contain_text("committed suicide")
    expect(flags).to_contain_text("died by suicide")

    reviewer.get_by_role("button", name="More actions").click()
    reviewer.get_by_role("button", name=re.compile("^Approve")).first.click()
    dialog = reviewer.get_by_role("dialog")
    expect(dialog).to_contain_text("Suggested wording: “died by suicide”")
    # Approving without the acknowledgement is refused with a reason.
    dialog.get_by_role("button", name=re.compile("^Approve")).click()
    expect(dialog).to_contain_text("tick the box to confirm")
    dialog.get_by_label(re.compile("I have read the safe-messaging flags")).check()
    dialog.get_by_role("button", name=re.compile("^Approve")).click()
    expect(reviewer.locator(".messages")).to_contain_text(re.compile("Dana Reyes|Next clinical"))

    # The service page lists the article, linked only from its text.
    visitor = new_page()
    visitor.goto(f"{base_url}/services/grief/")
    expect(visitor.get_by_role("link", name=re.compile(TITLE))).to_be_visible()
