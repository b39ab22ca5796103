"""Helpers for tests of the editorial workflow: staff accounts in the roles, the edit form as
the admin renders it, submitting for and approving in clinical review."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)


def make_user(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "a-long-test-password", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def edit_form_data(client, page, action):
    """The page's edit form as the admin renders it, with a paragraph as the body (Wagtail
    draws StreamFields in JavaScript) and the given button pressed."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    if hasattr(page, "body"):
        body = streamfield([("paragraph", rich_text("<p>Worry is common and treatable.</p>"))])
        data.update(nested_form_data({"body": body}))
    data[action] = action
    return data


def submit_for_review(client, user, article):
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_form_data(client, article, "action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return WorkflowState.objects.filter(object_id=str(article.pk)).latest("pk")


def approve(client, user, article):
    state = WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")
    client.force_login(user)
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[article.pk, "approve", state.current_task_state.pk],
        )
    )
