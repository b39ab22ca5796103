"""The public site's markup for the phone-first front end: one call to action per article, the
telehealth line near its top, real headings in call-to-action boxes, link names without arrows,
named search landmarks, error messages that fields point at, availability wording, and the
therapist filters folded away until used. (Layout itself: tests/browser/test_layout.py.)"""

import datetime
import re
from pathlib import Path

from django.conf import settings

import pytest
from bs4 import BeautifulSoup

from .factories import (
    ArticlePageFactory,
    ArticleTopicFactory,
    ImageFactory,
    ServicePageFactory,
    TherapistPageFactory,
)

pytestmark = pytest.mark.django_db

STYLESHEET = Path(settings.BASE_DIR) / "practice" / "static" / "css" / "site.css"


def soup_of(client, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def booking_box(heading: str = "You deserve support too") -> dict:
    return {
        "type": "call_to_action",
        "value": {"heading": heading, "text": "", "label": "", "page": None, "url": ""},
    }


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def closing_boxes(soup) -> list:
    return soup.select("main .cta")


def test_article_has_one_closing_call_to_action_and_its_telehealth_line_on_top(
    client, practice_settings, article_index, service_index
):
    service = ServicePageFactory(parent=service_index, title="Couples counseling")
    plain = ArticlePageFactory(
        parent=article_index,
        body=[paragraph("Worry narrows the world.")],
        related_services=[service],
    )
    ending_with_box = ArticlePageFactory(
        parent=article_index, body=[paragraph("Guilt points at values."), booking_box()]
    )

    soup = soup_of(client, plain.url)
    [box] = closing_boxes(soup)
    assert box.find("h2").get_text() == "Would it help to talk to someone?"
    assert len(box.select(".button--primary")) == 1
    header = soup.select_one(".article__header")
    assert practice_settings.telehealth_message in header.get_text()
    # The services are linked from the body and kept in the structured data, not listed again.
    assert "Services mentioned" not in soup.get_text()
    assert "Couples counseling" in soup.find("script", type="application/ld+json").string

    soup = soup_of(client, ending_with_box.url)
    [box] = closing_boxes(soup)
    assert box.find("h2").get_text() == "You deserve support too"


def test_call_to_action_boxes_use_headings_and_the_sites_button_styles(
    client, practice_settings, article_index
):
    article = ArticlePageFactory(
        parent=article_index, body=[booking_box("Ready to talk?"), paragraph("More words.")]
    )
    soup = soup_of(client, article.url)
    for box in closing_boxes(soup):
        assert box.find(["h2", "h3"]) is not None
        assert not box.select("p.cta__heading")
    # One style per action across the page: Call is always secondary, booking always primary.
    for link in soup.select("main a.button"):
        if link["href"].startswith("tel:"):
            assert "button--secondary" in link["class"]
        if link["href"] == practice_settings.booking_url:
            assert "button--primary" in link["class"]


def test_article_lists_its_topics(client, article_index):
    topic = ArticleTopicFactory(name="Parenting")
    article = ArticlePageFactory(parent=article_index, topics=[topic])
    topics = soup_of(client, article.url).select_one(".article__topics")
    assert [link.get_text() for link in topics.find_all("a")] == ["Parenting"]


def test_link_names_carry_no_arrows(client, practice_settings, home_page, article_index):
    ArticlePageFactory(parent=article_index)
    assert not re.search(r"content:[^;]*→", STYLESHEET.read_text())
    soup = soup_of(client, home_page.url)
    assert all("→" not in link.get_text() for link in soup.find_all("a"))


def test_not_found_page_names_each_search_landmark(client, practice_settings):
    soup = soup_of(client, "/no-such-page/", status=404)
    searches = soup.select("[role=search], search")
    assert len(searches) == 2

    def name(landmark):
        if landmark.get("aria-labelledby"):
            return soup.find(id=landmark["aria-labelledby"]).get_text()
        return landmark.get("aria-label")

    names = [name(landmark) for landmark in searches]
    assert all(names) and len(set(names)) == len(names), names


def test_filter_errors_are_what_the_fields_point_at(client, therapist_index):
    soup = soup_of(client, therapist_index.url + "?specialty=no-such-concern&service=gone")
    described = soup.select("[aria-describedby]")
    assert described
    for field in described:
        for target in field["aria-describedby"].split():
            assert soup.find(id=target) is not None, target
    assert soup.select_one("details.filter-disclosure").has_attr("open")


def test_therapist_filters_are_folded_until_used(client, therapist_index):
    TherapistPageFactory(parent=therapist_index, offers_telehealth=True)
    soup = soup_of(client, therapist_index.url)
    disclosure = soup.select_one("details.filter-disclosure")
    assert not disclosure.has_attr("open")
    assert disclosure.find("summary").get_text(strip=True) == "Filter therapists"
    # The result count comes straight after the disclosure and is where filtering lands.
    count = disclosure.find_next_sibling()
    assert "result-count" in count["class"] and count["id"] == "results"
    assert disclosure.find("form")["action"].endswith("#results")

    soup = soup_of(client, therapist_index.url + "?telehealth=on")
    assert soup.select_one("details.filter-disclosure").has_attr("open")


def test_availability_date_reads_as_a_check_not_a_future_date(client, therapist_index):
    therapist = TherapistPageFactory(
        parent=therapist_index,
        accepting_new_clients=True,
        availability_as_of=datetime.date(2026, 3, 2),
    )
    badge = soup_of(client, therapist.url).select_one(".badge--open").get_text(" ", strip=True)
    assert " as of " not in badge
    assert re.fullmatch(r"Accepting new clients \( ?checked March 2, 2026 ?\)", badge), badge


def test_article_hero_is_a_responsive_picture_loaded_first(client, article_index):
    article = ArticlePageFactory(parent=article_index, hero_image=ImageFactory(alt_text="Hills"))
    picture = soup_of(client, article.url).select_one(".article__hero picture")
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/avif", "image/webp"]
    assert all("sizes" in source.attrs and "," in source["srcset"] for source in picture("source"))
    image = picture.find("img")
    assert image["fetchpriority"] == "high" and image.get("loading") != "lazy"
    assert image["width"] and image["height"] and image["alt"] == "Hills"
