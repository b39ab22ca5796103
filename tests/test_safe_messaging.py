"""The safe-messaging check: seeded rules, matching, and the warning editors see on save."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from articles.models import ArticlePage
from practice.models import SafeMessagingRule
from practice.safe_messaging import find_unsafe_wording, page_text

from .factories import ArticlePageFactory, ServicePageFactory


def test_the_guideline_phrases_are_seeded(db):
    suggestions = dict(SafeMessagingRule.objects.values_list("phrase", "suggestion"))
    assert suggestions["committed suicide"] == "died by suicide"
    assert suggestions["successful suicide"] == "died by suicide"
    assert suggestions["completed suicide"] == "died by suicide"
    assert suggestions["failed attempt"] == "survived a suicide attempt"
    assert "actual figures" in suggestions["suicide epidemic"]
    assert "hanged himself" in suggestions


@pytest.mark.parametrize(
    "text, found",
    [
        ("Her uncle Committed  Suicide when she was ten.", "Committed  Suicide"),
        ("It was a failed attempt, he said.", "failed attempt"),
        ("Reports call it a suicide epidemic.", "suicide epidemic"),
    ],
)
def test_phrases_match_whole_words_whatever_the_case(db, text, found):
    assert [finding.found for finding in find_unsafe_wording(text)] == [found]


@pytest.mark.parametrize(
    "text",
    [
        "Her uncle died by suicide when she was ten.",
        "She survived a suicide attempt and now helps others.",
        "The committee decided to recommit funds.",
    ],
)
def test_recommended_wording_is_not_flagged(db, text):
    assert find_unsafe_wording(text) == []


def test_staff_can_extend_the_list(db):
    SafeMessagingRule.objects.create(
        phrase="took their own life",
        suggestion="died by suicide",
        explanation="Keep to the plain, recommended phrase.",
    )
    [finding] = find_unsafe_wording("A friend took their own life last year.")
    assert finding.suggestion == "died by suicide"
    assert finding.explanation == "Keep to the plain, recommended phrase."


def test_the_whole_page_is_checked(article_index, service_index):
    article = ArticlePageFactory(
        parent=article_index,
        summary="How families cope after a loss.",
        body=[
            ("heading", {"text": "When someone has committed suicide", "level": "h2"}),
            ("paragraph", "<p>Grief after a <b>completed suicide</b> is complicated.</p>"),
            ("bulleted_list", {"lead_in": "", "items": ["<p>A failed attempt</p>"]}),
        ],
    )
    text = page_text(article)
    assert "How families cope after a loss." in text
    assert {finding.found for finding in find_unsafe_wording(text)} == {
        "committed suicide",
        "completed suicide",
        "failed attempt",
    }
    service = ServicePageFactory(parent=service_index, summary="Support after a suicide epidemic.")
    assert [f.found for f in find_unsafe_wording(page_text(service))] == ["suicide epidemic"]


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("editor", password="a-long-test-password")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def save_draft(client, page, paragraph_html):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(paragraph_html))])}))
    return client.post(url, data, follow=True)


def test_the_article_editor_shows_the_flags_on_the_current_text(client, editor, article_index):
    article = ArticlePageFactory(parent=article_index, live=False, owner=editor)
    client.force_login(editor)
    response = save_draft(client, article, "<p>Her brother committed suicide in 2019.</p>")
    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith(f"/pages/{article.pk}/edit/")
    # Once, in the editor's safe-messaging panel, with the suggested wording.
    assert html.count("This page says “committed suicide”") == 1
    assert "Consider “died by suicide” instead." in html
    # Flagged, not blocked: the draft was saved.
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert "committed suicide" in str(saved.body)

    fixed = save_draft(client, article, "<p>Her brother died by suicide in 2019.</p>")
    html = fixed.content.decode()
    assert "committed suicide" not in html
    assert "No safe-messaging flags in this version." in html


def test_autosaves_leave_no_warnings_behind(client, editor, service_index):
    service = ServicePageFactory(parent=service_index, live=False)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[service.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>A suicide epidemic.</p>"))])}
        )
    )
    for _ in range(3):
        client.post(url, data, HTTP_ACCEPT="application/json")
    assert "Safe messaging" not in client.get(url).content.decode()
    # A save by the button still says it, once.
    html = client.post(url, data, follow=True).content.decode()
    assert html.count("Safe messaging: this page says") == 1
