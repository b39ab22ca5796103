"""The admin screen for the WordPress import: upload, dry-run report, confirm."""

from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from articles.importing.wordpress_admin import SESSION_KEY
from articles.models import ArticlePage

from .test_wordpress_import import FULL_EXPORT

URL = reverse("articles_import_wordpress")


def user_in(django_user_model, group, name):
    user = django_user_model.objects.create_user(name, password="a-long-test-password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def manager(db, django_user_model):
    return user_in(django_user_model, "Site managers", "manager")


def upload(client, content, **data):
    export = SimpleUploadedFile("export.xml", content.encode(), content_type="text/xml")
    return client.post(URL, {"export": export, **data})


def test_dry_run_then_confirm(client, manager, article_index):
    client.force_login(manager)
    assert "Import from WordPress" in client.get(reverse("wagtailadmin_home")).content.decode()

    response = upload(client, FULL_EXPORT)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dry run: nothing has been imported yet" in html
    assert "would create" in html
    assert "Easing new-parent worry" in html
    assert not ArticlePage.objects.exists()
    pending = Path(client.session[SESSION_KEY]["path"])
    assert pending.is_file()

    html = client.post(URL, {"confirm": "1"}).content.decode()
    assert "The import is finished" in html
    assert ArticlePage.objects.count() == 3
    assert not pending.exists()
    assert SESSION_KEY not in client.session


def test_a_file_from_elsewhere_gets_a_clear_message(client, manager, article_index):
    client.force_login(manager)
    response = upload(client, "<html><body>Not an export</body></html>")
    assert response.status_code == 200
    assert "This is not a WordPress export" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert "Import these posts" not in response.content.decode()


def test_confirm_without_an_upload_starts_again(client, manager, article_index):
    client.force_login(manager)
    response = client.post(URL, {"confirm": "1"})
    assert response.status_code == 302
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize("group", ["Editors", "Clinical reviewers"])
def test_only_site_managers_import(client, django_user_model, article_index, group):
    client.force_login(user_in(django_user_model, group, "someone"))
    assert client.get(URL).status_code in (302, 403)
    response = upload(client, FULL_EXPORT)
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.exists()
    assert "Import from WordPress" not in client.get(reverse("wagtailadmin_home")).content.decode()
