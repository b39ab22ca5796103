"""Addresses that move or fail: redirects left by a changed slug, trailing slashes, and the
404 and 500 pages."""

from django.db import OperationalError
from django.test import Client
from django.urls import path

from wagtail.contrib.redirects.models import Redirect

import pytest
from bs4 import BeautifulSoup

from practice import urls as project_urls
from practice.models import PracticeSettings

from .markup import PRACTICE_NAME

# -- Redirects, trailing slashes and error pages ---------------------------------------------------


def test_changing_a_slug_leaves_a_working_redirect(
    client, pages, django_capture_on_commit_callbacks
):
    service = pages["service"]
    old_url = service.url
    service.slug = "cbt"
    with django_capture_on_commit_callbacks(execute=True):
        service.save_revision().publish()
    assert Redirect.objects.filter(old_path=old_url.rstrip("/"), redirect_page=service).exists()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/services/cbt/")
    assert client.get(response["Location"]).status_code == 200


def test_missing_trailing_slash_redirects_permanently(client, pages):
    response = client.get(pages["service"].url.rstrip("/"))
    assert response.status_code == 301
    assert response["Location"] == pages["service"].url


def test_404_page_helps_the_visitor(client, pages, practice_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.find_all("h1")) == 1
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    searches = [form for form in soup.find_all("form", role="search") if form.find("input")]
    assert any(form.find("input", attrs={"name": "q"}) for form in searches)


def raise_error(request):
    raise RuntimeError("boom")


def raise_database_error(request):
    raise OperationalError("the database is down")


urlpatterns = [
    path("boom/", raise_error),
    path("db-down/", raise_database_error),
    *project_urls.urlpatterns,
]
handler500 = project_urls.handler500


@pytest.mark.urls("tests.seo.test_redirects_errors")
def test_500_page_offers_search_and_booking(db, pages, settings):
    settings.DEBUG = False
    practice = PracticeSettings.for_site(pages["home"].get_site())
    practice.practice_name, practice.phone = PRACTICE_NAME, "(205) 555-0142"
    practice.save()
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "q"})
    assert soup.find("a", href="tel:+12055550142")
    assert soup.find("a", href="tel:988")
