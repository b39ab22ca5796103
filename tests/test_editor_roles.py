"""Staff roles: what editors, clinical reviewers and site managers may do, and the staff
accounts site managers create in those roles."""

from django.contrib.auth.models import Group
from django.urls import reverse

from .editorial import edit_form_data
from .factories import ArticlePageFactory, ServicePageFactory


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
