"""The clinical review workflow from submission to publication, scheduled publishing after
approval, and the dashboard panel listing what awaits review."""

import datetime
import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, WorkflowState

from articles.models import ArticlePage
from articles.review import REVIEW_INTERVAL

from .editorial import approve, make_user, submit_for_review
from .factories import ArticlePageFactory, TherapistPageFactory


class TestClinicalReview:
    def test_every_new_articles_index_is_under_clinical_review(self, article_index):
        workflow = article_index.get_workflow()
        assert workflow.name == "Clinical review"
        # Approval publishes as the workflow: reviewers hold no Publish permission anywhere.
        reviewers = Group.objects.get(name="Clinical reviewers")
        assert not reviewers.page_permissions.filter(permission__codename="publish_page").exists()

    def test_other_pages_go_to_the_site_managers(self, home_page, service_index):
        assert service_index.get_workflow().name == "Publishing approval"

    def test_from_submission_to_publication(self, client, editor, reviewer, draft_article):
        state = submit_for_review(client, editor, draft_article)
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        draft_article.refresh_from_db()
        assert not draft_article.live
        # While it is in review, the editor can no longer change it.
        assert draft_article.get_lock().for_user(editor)

        response = approve(client, reviewer, draft_article)
        assert response.status_code == 302

        article = ArticlePage.objects.get(pk=draft_article.pk)
        today = timezone.localdate()
        assert article.live
        assert article.last_reviewed == today
        assert article.clinical_reviewer.user == reviewer
        assert article.next_review_due == today + REVIEW_INTERVAL
        published = article.live_revision.as_object()
        assert published.last_reviewed == today
        assert published.clinical_reviewer_id == article.clinical_reviewer_id
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED

    def test_a_reviewer_without_a_profile_is_not_named(
        self, client, editor, django_user_model, draft_article, therapist_index
    ):
        named = TherapistPageFactory(parent=therapist_index)
        draft_article.clinical_reviewer = named
        draft_article.save_revision(user=editor)
        submit_for_review(client, editor, draft_article)
        other = make_user(django_user_model, "locum", "Clinical reviewers")
        approve(client, other, draft_article)
        article = ArticlePage.objects.get(pk=draft_article.pk)
        assert article.live
        assert article.clinical_reviewer is None

    def test_a_reviewer_can_request_changes(self, client, editor, reviewer, draft_article):
        state = submit_for_review(client, editor, draft_article)
        client.force_login(reviewer)
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[draft_article.pk, "reject", state.current_task_state.pk],
            ),
            {"comment": "Please add where to get help."},
        )
        assert response.status_code == 302
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        draft_article.refresh_from_db()
        assert not draft_article.live
        assert draft_article.last_reviewed is None

    def test_an_editor_cannot_approve(self, client, editor, draft_article):
        submit_for_review(client, editor, draft_article)
        approve(client, editor, draft_article)
        draft_article.refresh_from_db()
        assert not draft_article.live

    def test_reviewers_approve_rather_than_publish(self, client, editor, reviewer, draft_article):
        submit_for_review(client, editor, draft_article)
        client.force_login(reviewer)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[draft_article.pk])).content
        assert b'name="action-publish"' not in html
        assert b"Approve" in html

    def test_scheduled_publishing_after_approval(self, client, editor, reviewer, draft_article):
        go_live = timezone.now() + datetime.timedelta(days=2)
        draft_article.go_live_at = go_live
        draft_article.save_revision(user=editor)
        submit_for_review(client, editor, draft_article)
        approve(client, reviewer, draft_article)

        article = ArticlePage.objects.get(pk=draft_article.pk)
        assert not article.live
        scheduled = Revision.page_revisions.get(
            object_id=str(article.pk), approved_go_live_at__isnull=False
        )
        assert scheduled.as_object().last_reviewed == timezone.localdate()

        # Two days pass.
        past = timezone.now() - datetime.timedelta(minutes=1)
        scheduled.content["go_live_at"] = past.isoformat()
        scheduled.approved_go_live_at = past
        scheduled.save()
        call_command("publish_scheduled", stdout=io.StringIO())
        article.refresh_from_db()
        assert article.live
        assert article.last_reviewed == timezone.localdate()


class TestDashboard:
    def test_lists_articles_awaiting_review_and_reviews_due(
        self, client, editor, reviewer, draft_article, article_index
    ):
        submit_for_review(client, editor, draft_article)
        today = timezone.localdate()
        ArticlePageFactory(
            parent=article_index,
            title="Sleep and worry",
            last_reviewed=today - datetime.timedelta(days=400),
            next_review_due=today - datetime.timedelta(days=35),
        )
        ArticlePageFactory(
            parent=article_index,
            title="Grounding in five senses",
            next_review_due=today + datetime.timedelta(days=10),
        )
        ArticlePageFactory(
            parent=article_index,
            title="Reviewed recently",
            next_review_due=today + datetime.timedelta(days=200),
        )
        client.force_login(reviewer)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "1 article awaiting review" in html
        assert draft_article.title in html
        assert "2 live articles due for review" in html
        assert "Sleep and worry" in html
        assert "Overdue" in html
        assert "Grounding in five senses" in html
        assert "Reviewed recently" not in html

    def test_offers_the_word_import_to_those_who_can_add_articles(
        self, client, editor, reviewer, article_index
    ):
        url = reverse("articles_import_docx", args=[article_index.pk])
        client.force_login(editor)
        assert url in client.get(reverse("wagtailadmin_home")).content.decode()
        client.force_login(reviewer)
        assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
