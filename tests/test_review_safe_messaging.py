"""The reviewer sees the safe-messaging flags before approving, approving a flagged article
takes an explicit acknowledgement, and the acknowledgement stays in the page's history."""

from django.urls import reverse

from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticlePage, ClinicalReview

from .editorial import edit_form_data, submit_for_review

FLAGGED = "<p>Her brother committed suicide in 2019.</p>"


def submit_text(client, editor, article, paragraph_html):
    client.force_login(editor)
    data = edit_form_data(client, article, "action-submit")
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(paragraph_html))])}))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302
    return WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")


def approve_url(article, state):
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )


def test_the_reviewer_sees_the_flags_with_suggestions_before_approving(
    client, editor, reviewer, draft_article
):
    state = submit_text(client, editor, draft_article, FLAGGED)
    client.force_login(reviewer)
    editor_html = client.get(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]))
    assert "This page says “committed suicide”" in editor_html.content.decode()
    dialog = client.get(approve_url(draft_article, state)).json()["html"]
    assert "The article says “committed suicide”" in dialog
    assert "Suggested wording: “died by suicide”" in dialog
    assert 'name="safe_messaging_acknowledged"' in dialog


def test_a_flagged_article_is_not_approved_without_the_acknowledgement(
    client, editor, reviewer, draft_article
):
    state = submit_text(client, editor, draft_article, FLAGGED)
    client.force_login(reviewer)
    url = approve_url(draft_article, state)
    # In the dialog: the form says what is missing.
    response = client.post(url, {"flags_shown": "1"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert "tick the box to confirm" in response.json()["html"]
    # Posted around the dialog: refused all the same (Wagtail sends a refusal to the dashboard).
    assert client.post(url, {}).url == reverse("wagtailadmin_home")
    assert not ArticlePage.objects.get(pk=draft_article.pk).live
    assert not ClinicalReview.objects.exists()


def test_the_acknowledgement_is_recorded_in_the_history(
    client, admin_client, editor, reviewer, draft_article
):
    state = submit_text(client, editor, draft_article, FLAGGED)
    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_article, state),
        {"flags_shown": "1", "safe_messaging_acknowledged": "on"},
        follow=True,
    )
    article = ArticlePage.objects.get(pk=draft_article.pk)
    assert article.live
    review = ClinicalReview.objects.get(revision_id=article.live_revision_id)
    assert review.acknowledged_flags == [
        {"found": "committed suicide", "suggestion": "died by suicide"}
    ]
    entry = PageLogEntry.objects.get(page=article, action="articles.safe_messaging_acknowledged")
    assert entry.user == reviewer
    assert "committed suicide → died by suicide" in entry.message
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
    assert "safe-messaging flags acknowledged" in history.content.decode()
    # The message after approval names the reviewer and the next review date.
    html = response.content.decode()
    assert "Approved by Dana Reyes" in html
    assert "Next clinical review due" in html


def test_an_unflagged_article_is_approved_without_an_acknowledgement(
    client, editor, reviewer, draft_article
):
    state = submit_for_review(client, editor, draft_article)
    client.force_login(reviewer)
    dialog = client.get(approve_url(draft_article, state)).json()["html"]
    assert "No safe-messaging flags in this version." in dialog
    assert 'name="safe_messaging_acknowledged"' not in dialog
    client.post(approve_url(draft_article, state), {})
    assert ArticlePage.objects.get(pk=draft_article.pk).live
    assert not PageLogEntry.objects.filter(action="articles.safe_messaging_acknowledged").exists()
