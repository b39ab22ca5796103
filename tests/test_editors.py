"""The editors' experience: roles, the clinical review workflow, scheduled publishing and the
admin's guidance (starting body, dashboard panel, previews, alt text)."""

import datetime
import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from wagtail.admin.panels import get_edit_handler
from wagtail.blocks import StreamValue
from wagtail.models import Page, Revision, WorkflowState

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from articles.review import REVIEW_INTERVAL
from articles.wagtail_hooks import STARTING_BODY
from home.models import HomePage, StandardPage
from practice.images import PracticeImage
from services.models import ServiceIndexPage, ServicePage, TherapistIndexPage, TherapistPage

from .editorial import approve, edit_form_data, make_user, submit_for_review
from .factories import (
    ArticlePageFactory,
    ImageFactory,
    ServicePageFactory,
    StandardPageFactory,
    TherapistPageFactory,
)

PAGE_TYPES = [
    HomePage,
    StandardPage,
    ArticleIndexPage,
    ArticlePage,
    ServiceIndexPage,
    ServicePage,
    TherapistIndexPage,
    TherapistPage,
]


class TestRoles:
    def test_the_migration_creates_the_three_roles(self, db):
        assert set(Group.objects.values_list("name", flat=True)) >= {
            "Editors",
            "Clinical reviewers",
            "Site managers",
        }
        assert not Group.objects.filter(name="Moderators").exists()

    def test_an_editor_edits_every_section_but_publishes_nothing(
        self, editor, draft_article, service_index
    ):
        service = ServicePageFactory(parent=service_index)
        for page in (draft_article, service, service_index):
            perms = page.permissions_for_user(editor)
            assert perms.can_edit()
            assert not perms.can_publish()
        assert service_index.permissions_for_user(editor).can_add_subpage()

    def test_an_editor_cannot_publish_an_article_through_the_admin(
        self, client, editor, draft_article
    ):
        client.force_login(editor)
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[draft_article.pk]),
            edit_form_data(client, draft_article, "action-publish"),
        )
        assert response.status_code in (302, 403)
        draft_article.refresh_from_db()
        assert not draft_article.live

    def test_a_site_manager_publishes_a_service_page(self, client, site_manager, service_index):
        service = ServicePageFactory(parent=service_index, live=False, title="EMDR therapy")
        service.save_revision()
        client.force_login(site_manager)
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[service.pk]),
            edit_form_data(client, service, "action-publish"),
        )
        assert response.status_code == 302
        service.refresh_from_db()
        assert service.live

    def test_a_site_manager_cannot_publish_an_article_without_review(
        self, client, site_manager, draft_article
    ):
        assert draft_article.permissions_for_user(site_manager).can_edit()
        assert not draft_article.permissions_for_user(site_manager).can_publish()
        client.force_login(site_manager)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]))
        assert 'name="action-publish"' not in response.content.decode()
        assert 'name="action-submit"' in response.content.decode()

    def test_a_site_manager_can_take_a_live_article_down(self, site_manager, article_index):
        article = ArticlePageFactory(parent=article_index)
        assert article.permissions_for_user(site_manager).can_unpublish()

    def test_site_managers_manage_settings_redirects_and_promotions(
        self, client, site_manager, editor, site
    ):
        urls = [
            reverse("wagtailsettings:edit", args=["practice", "practicesettings", site.pk]),
            reverse("wagtailredirects:index"),
            reverse("wagtailsearchpromotions:index"),
            reverse("wagtailsnippets_practice_safemessagingrule:add"),
        ]
        client.force_login(site_manager)
        for url in urls:
            assert client.get(url).status_code == 200, url
        client.force_login(editor)
        for url in urls:
            assert client.get(url).status_code != 200, url

    def test_only_site_managers_link_a_therapist_to_a_staff_account(
        self, editor, site_manager, therapist_index
    ):
        assert site_manager.has_perm("services.link_staff_account")
        assert not editor.has_perm("services.link_staff_account")


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


class TestEditingGuidance:
    def test_a_new_article_starts_from_an_outline(self, client, editor, article_index):
        client.force_login(editor)
        response = client.get(
            reverse("wagtailadmin_pages:add", args=["articles", "articlepage", article_index.pk])
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "What it can look like (replace this)" in html
        assert "What can help (replace this)" in html
        assert 'name="action-publish"' not in html

    def test_the_starting_body_is_an_outline_without_a_booking_box(self):
        stream_block = ArticlePage.body.field.stream_block
        value = StreamValue(stream_block, STARTING_BODY, is_lazy=True)
        assert [child.block_type for child in value] == [
            "paragraph",
            "heading",
            "bulleted_list",
            "heading",
            "strategies",
        ]

    def test_article_editing_tabs(self):
        tabs = [tab.heading for tab in ArticlePage.edit_handler.children]
        assert tabs[0] == "Content"
        assert "Relations" in tabs
        assert "Promote" in tabs
        assert tabs[-1] == "Settings"

    def test_go_live_and_expiry_are_on_the_settings_tab(self, client, editor, draft_article):
        client.force_login(editor)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[draft_article.pk])).content
        assert b'name="go_live_at"' in html
        assert b'name="expire_at"' in html

    @pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
    def test_every_field_editors_see_explains_itself(self, model):
        form_class = get_edit_handler(model).get_form_class()
        own_fields = {field.name for field in model._meta.get_fields() if field.concrete}
        own_fields -= {field.name for field in Page._meta.get_fields()}
        missing = [
            name
            for name, field in form_class.base_fields.items()
            if name in own_fields and not field.help_text
        ]
        assert missing == []


@pytest.fixture
def every_page_type(home_page, article_index, service_index, therapist_index):
    service = ServicePageFactory(parent=service_index, title="Cognitive behavioral therapy")
    therapist = TherapistPageFactory(parent=therapist_index)
    article = ArticlePageFactory(parent=article_index, author=therapist)
    article.related_services.add(service)
    article.save()
    standard = StandardPageFactory(parent=home_page)
    return [
        home_page,
        standard,
        article_index,
        article,
        service_index,
        service,
        therapist_index,
        therapist,
    ]


class TestPreviews:
    def test_every_page_type_has_a_live_preview_and_a_search_preview(self, every_page_type, site):
        for page in every_page_type:
            name = type(page).__name__
            assert "wagtail-seo" in dict(page.preview_modes), name
            live = page.make_preview_request(preview_mode=page.default_preview_mode)
            assert live.status_code == 200, name
            search = page.make_preview_request(preview_mode="wagtail-seo")
            assert search.status_code == 200, name
            search.render()
            assert escape(page.seo_pagetitle) in search.content.decode(), name
            assert "Search Preview" in search.content.decode(), name

    def test_block_previews_use_the_site_styles(self, admin_client):
        stream_block = ArticlePage.body.field.stream_block
        for name, block in stream_block.child_blocks.items():
            if name in ("image", "service_card"):
                continue  # their previews need a chosen image or page
            response = admin_client.get(
                reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
            )
            assert response.status_code == 200, name
            html = response.content.decode()
            assert "/static/css/site.css" in html
            assert 'class="stream prose' in html


class TestAltText:
    def upload(self, client, **fields):
        image_bytes = ImageFactory.build().file.read()
        data = {
            "image-chooser-upload-title": "Therapy room",
            "image-chooser-upload-file": SimpleUploadedFile(
                "room.jpg", image_bytes, content_type="image/jpeg"
            ),
        }
        data.update({f"image-chooser-upload-{name}": value for name, value in fields.items()})
        return client.post(reverse("wagtailimages_chooser:create"), data)

    def test_the_image_description_is_the_one_required_alt_text(self, client, editor):
        client.force_login(editor)
        response = self.upload(client, description="")
        assert response.json()["step"] == "reshow_creation_form"
        assert "Describe the image in a short sentence" in response.json()["htmlFragment"]
        assert not PracticeImage.objects.exists()
        # Filling Wagtail's own "Description" is enough: there is no second alt-text field.
        self.upload(client, description="A quiet therapy room with two armchairs")
        image = PracticeImage.objects.get()
        assert image.description == "A quiet therapy room with two armchairs"
        assert image.default_alt_text == "A quiet therapy room with two armchairs"

    def test_a_decorative_image_renders_an_empty_alt(self, client, editor):
        client.force_login(editor)
        self.upload(client, description="", is_decorative="on")
        image = PracticeImage.objects.get()
        assert image.is_decorative
        html = image.get_rendition("original").img_tag()
        assert 'alt=""' in html


class TestStaffAccounts:
    def account_data(self, **extra):
        return {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "a-long-test-password-42",
            "password2": "a-long-test-password-42",
            **extra,
        }

    def test_a_site_manager_creates_a_staff_account_in_a_role(
        self, client, site_manager, django_user_model
    ):
        client.force_login(site_manager)
        html = client.get(reverse("wagtailusers_users:add")).content.decode()
        assert 'name="is_superuser"' not in html
        reviewers = Group.objects.get(name="Clinical reviewers")
        response = client.post(
            reverse("wagtailusers_users:add"),
            self.account_data(groups=[reviewers.pk], is_superuser="on"),
        )
        assert response.status_code == 302
        account = django_user_model.objects.get(username="newcomer")
        assert list(account.groups.all()) == [reviewers]
        assert not account.is_superuser

    def test_only_the_three_roles_are_offered(self, client, site_manager, django_user_model):
        other = Group.objects.create(name="Tech team")
        client.force_login(site_manager)
        response = client.post(
            reverse("wagtailusers_users:add"), self.account_data(groups=[other.pk])
        )
        assert response.status_code == 200
        assert not django_user_model.objects.filter(username="newcomer").exists()
        html = client.get(reverse("wagtailusers_users:add")).content.decode()
        for role in ("Editors", "Clinical reviewers", "Site managers"):
            assert role in html
        assert "Tech team" not in html

    def test_a_site_manager_cannot_edit_an_administrator(
        self, client, site_manager, django_user_model
    ):
        admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw-1234567")
        client.force_login(site_manager)
        response = client.get(reverse("wagtailusers_users:edit", args=[admin.pk]))
        assert response.status_code in (302, 403)
        assert client.get(reverse("wagtailusers_users:index")).status_code == 200

    def test_editors_cannot_manage_accounts(self, client, editor):
        client.force_login(editor)
        assert client.get(reverse("wagtailusers_users:add")).status_code in (302, 403)
