"""Messages a newcomer understands: the outline's placeholders, structure problems reported
at submission rather than on every draft, and the title's length."""

from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from articles.models import ArticlePage
from articles.outline import STARTING_BODY
from articles.review import UnreviewedArticleError

from .editorial import edit_form_data
from .factories import publish_as_reviewed


def post_edit(client, article, action, body=None, **fields):
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    if body is not None:
        data.update(nested_form_data({"body": streamfield(body)}))
    for name, value in fields.items():
        data[name] = value
    if action:
        data[action] = action
    return client.post(url, data)


def outline_body():
    return [
        ("paragraph", rich_text("<p>Many parents feel this.</p>")),
        ("heading", {"text": "What it can look like (replace this)", "level": "h2", "anchor": ""}),
        ("paragraph", rich_text("<p>It can look like worry.</p>")),
    ]


def skipping_body():
    return [("heading", {"text": "A minor point", "level": "h4", "anchor": ""})]


def test_a_new_article_starts_from_the_outline_without_a_booking_box(client, editor, article_index):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", article_index.pk])
    html = client.get(url).content.decode()
    assert "(replace this)" in html
    assert "call_to_action" not in [block["type"] for block in STARTING_BODY]


def test_the_outline_placeholder_saves_as_a_draft_but_cannot_be_submitted(
    client, editor, draft_article
):
    client.force_login(editor)
    assert post_edit(client, draft_article, None, outline_body()).status_code == 302
    response = post_edit(client, draft_article, "action-submit", outline_body())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Block 2 (Section heading) still holds" in html
    assert "write your own text or remove the block" in html
    assert not WorkflowState.objects.filter(object_id=str(draft_article.pk)).exists()


def test_the_outline_placeholder_is_never_published(draft_article):
    draft = draft_article.get_latest_revision_as_object()
    draft.body = [("heading", {"text": "What can help (replace this)", "level": "h2"})]
    with pytest.raises(UnreviewedArticleError, match="Section heading"):
        publish_as_reviewed(draft)
    assert not ArticlePage.objects.get(pk=draft_article.pk).live


def test_a_heading_level_problem_is_allowed_in_a_draft_and_reported_at_submission(
    client, editor, draft_article
):
    client.force_login(editor)
    assert post_edit(client, draft_article, None, skipping_body()).status_code == 302
    saved = ArticlePage.objects.get(pk=draft_article.pk).get_latest_revision_as_object()
    assert saved.body[0].value["level"] == "h4"
    response = post_edit(client, draft_article, "action-submit", skipping_body())
    assert response.status_code == 200
    assert "This heading skips a level: use H2 here" in response.content.decode()


def test_the_title_explains_the_search_length_and_refuses_too_long_with_a_message(
    client, editor, draft_article
):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[draft_article.pk])).content.decode()
    assert "Search results show about the first 65 characters" in html
    title_input = html[html.index('name="title"') - 300 : html.index('name="title"') + 300]
    assert "maxlength" not in title_input

    long_title = " ".join(["worry"] * 50)  # 299 characters
    data = edit_form_data(client, draft_article, "action-submit")
    data["title"] = long_title
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]), data)
    assert response.status_code == 200
    assert "This title is 299 characters long; the limit is 120." in response.content.decode()
    assert ArticlePage.objects.get(pk=draft_article.pk).title != long_title[:255]
