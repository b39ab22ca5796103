"""Crisis help is written once (practice/crisis.py and templates/includes/crisis_resources.html)
and every place shows the same wording and links: the strip on every page, the footer, the
crisis search and the error page, which renders it even while the database is down."""

import contextlib

from django.db import OperationalError, connections
from django.test import Client
from django.urls import path, reverse

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from practice import crisis
from practice import urls as project_urls
from practice.models import PracticeSettings

from .factories import StandardPageFactory

CRISIS_LINKS = {
    ("Call 988", "tel:988"),
    ("Text 988", "sms:988"),
    ("Chat with 988", "https://988lifeline.org/chat/"),
    ("Call 911", "tel:911"),
}
PRACTICE_LINK = ("(205) 555-0142", "tel:+12055550142")


def needs_the_database(request):
    Page.objects.count()


def raise_error(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("needs-the-database/", needs_the_database),
    path("boom/", raise_error),
    *project_urls.urlpatterns,
]
handler500 = project_urls.handler500


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def links(section) -> set[tuple[str, str]]:
    return {(" ".join(a.get_text().split()), a["href"]) for a in section.find_all("a")}


def words(section) -> str:
    return " ".join(section.get_text().split())


def full_sections(soup) -> list:
    return soup.select("section.crisis-resources, section.crisis-banner")


@pytest.fixture
def server_error_client(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


@contextlib.contextmanager
def database_unavailable():
    """The default database cannot be reached: its connection is put aside and new ones go to
    a file that cannot be opened (or a database that does not exist, on PostgreSQL)."""
    connection = connections["default"]
    saved_connection, saved_name = connection.connection, connection.settings_dict["NAME"]
    connection.connection = None
    connection.settings_dict["NAME"] = "/nonexistent/directory/practice.sqlite3"
    try:
        yield
    finally:
        if connection.connection is not None:
            connection.connection.close()
        connection.connection = saved_connection
        connection.settings_dict["NAME"] = saved_name


def test_the_default_message_is_safe_without_settings():
    help_ = crisis.CrisisHelp()
    assert help_.message == crisis.DEFAULT_CRISIS_MESSAGE
    assert {(link.label, link.href) for link in (help_.call_988, help_.text_988, help_.chat_988, help_.call_911)} == CRISIS_LINKS  # fmt: skip
    assert "not monitored around the clock" in help_.not_monitored


@pytest.mark.urls("tests.test_crisis")
def test_every_place_shows_the_same_wording_and_links(
    client, server_error_client, practice_settings, home_page
):
    standard = StandardPageFactory(parent=home_page, title="About us")
    pages = [soup_of(client.get(url)) for url in ("/", standard.url, "/no-such-page/")]
    crisis_search = soup_of(client.get(reverse("search"), {"q": "suicide"}))
    error_page = soup_of(server_error_client.get("/boom/"))

    strips = [soup.find(class_="crisis-strip") for soup in [*pages, crisis_search]]
    assert all(strips)
    assert {words(strip) for strip in strips} == {words(strips[0])}
    for strip in strips:
        assert links(strip) == {*CRISIS_LINKS, ("More crisis resources", "#crisis-help")}

    sections = [full_sections(soup) for soup in [*pages, crisis_search, error_page]]
    assert [len(found) for found in sections] == [1, 1, 1, 2, 1]  # the search: banner + footer
    sections = [section for found in sections for section in found]
    # The large variant puts the same four ways to reach help first, as buttons.
    buttons = crisis_search.select_one("section.crisis-banner ul.crisis-actions")
    assert {href for _, href in links(buttons)} == {href for _, href in CRISIS_LINKS}
    buttons.decompose()
    assert {words(section) for section in sections} == {words(sections[0])}
    assert links(sections[0]) == {*CRISIS_LINKS, PRACTICE_LINK}
    text = words(sections[0])
    assert crisis.HEADING in text
    assert "If you are thinking about suicide or are in crisis" in text
    assert "to reach the 988 Suicide & Crisis Lifeline" in text
    assert "For non-urgent help, call us on (205) 555-0142" in text
    assert crisis.NOT_MONITORED in text

    # The search shows it first, large; the footer's copy is the strip's link target.
    banner = crisis_search.find("section", class_="crisis-banner")
    assert banner.find_next("form", class_="search-form")
    assert crisis_search.select("#crisis-help") == crisis_search.select("footer #crisis-help")


def test_staff_edit_the_message_but_not_the_lifelines(client, practice_settings):
    practice_settings.crisis_message = (
        "<p>Local help: the <b>Birmingham Crisis Center</b> line is open every day.</p>"
    )
    practice_settings.save()
    soup = soup_of(client.get("/"))
    section = soup.find(id="crisis-help")
    assert "Birmingham Crisis Center" in words(section)
    assert "If you are thinking about suicide" not in words(section)
    assert links(section) >= CRISIS_LINKS
    assert links(soup.find(class_="crisis-strip")) >= CRISIS_LINKS


def test_a_cleared_message_falls_back_to_the_built_in_one(client, practice_settings):
    practice_settings.crisis_message = ""
    practice_settings.phone = ""
    practice_settings.save()
    section = soup_of(client.get("/")).find(id="crisis-help")
    assert "If you are thinking about suicide or are in crisis" in words(section)
    assert links(section) == CRISIS_LINKS  # no practice number to offer


@pytest.mark.urls("tests.test_crisis")
@pytest.mark.parametrize("url", ["/needs-the-database/", "/boom/"])
def test_error_page_offers_crisis_help_with_the_database_down(
    django_db_blocker, server_error_client, url
):
    with django_db_blocker.unblock(), database_unavailable():
        with pytest.raises(OperationalError):
            connections["default"].ensure_connection()
        response = server_error_client.get(url)

    assert response.status_code == 500
    soup = soup_of(response)
    (section,) = full_sections(soup)
    assert links(section) == CRISIS_LINKS
    assert "If you are thinking about suicide or are in crisis" in words(section)
    assert crisis.NOT_MONITORED in words(section)
    assert soup.find("input", attrs={"name": "q"})


@pytest.mark.urls("tests.test_crisis")
def test_error_page_offers_the_practice_number_when_settings_can_be_read(
    server_error_client, practice_settings
):
    soup = soup_of(server_error_client.get("/boom/"))
    (section,) = full_sections(soup)
    assert links(section) == {*CRISIS_LINKS, PRACTICE_LINK}
    assert PracticeSettings.objects.count() == 1
