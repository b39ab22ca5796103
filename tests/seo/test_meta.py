"""What crawlers and link previews read in the head: titles, descriptions, the canonical
address and social tags, with their fallbacks."""

import re

import pytest
from wagtailseo.models import SeoSettings

from practice.pages import fit_title, shorten
from practice.structured_data import SHARE_IMAGE

from .markup import PAGE_KEYS, PRACTICE_NAME, ROOT_URL, get_soup, meta

# -- Titles, descriptions, canonical and social tags -------------------------------------------


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_type_has_complete_metadata(client, pages, key):
    page = pages[key]
    soup = get_soup(client, page.url)
    canonical = f"{ROOT_URL}{page.url}"

    assert len(soup.find_all("title")) == 1
    title = soup.title.string
    assert 10 <= len(title) <= 65
    description = meta(soup, name="description")
    assert 50 <= len(description) <= 160
    assert [link["href"] for link in soup.find_all("link", rel="canonical")] == [canonical]

    assert meta(soup, property="og:title") == title
    assert meta(soup, property="og:description") == description
    assert meta(soup, property="og:url") == canonical
    assert meta(soup, property="og:type") == ("article" if key == "article" else "website")
    assert re.fullmatch(rf"{ROOT_URL}/media/images/.+", meta(soup, property="og:image"))
    assert meta(soup, name="twitter:card") == "summary_large_image"
    assert meta(soup, name="twitter:title") == title


def test_titles_fall_back_to_page_title_and_practice_name(client, pages):
    assert get_soup(client, pages["service"].url).title.string == (
        f"Cognitive behavioral therapy | {PRACTICE_NAME}"
    )
    # The home page leads with the practice's name; too long with the heading, so alone.
    assert get_soup(client, pages["home"].url).title.string == PRACTICE_NAME


def test_editor_seo_title_and_search_description_win(client, pages):
    service = pages["service"]
    service.seo_title = "CBT for anxiety in Birmingham"
    service.search_description = "Short-term, skills-based therapy for anxiety, from our team."
    service.save_revision().publish()
    soup = get_soup(client, service.url)
    assert soup.title.string == "CBT for anxiety in Birmingham"
    assert meta(soup, name="description") == service.search_description


def test_description_comes_from_the_body_when_there_is_no_summary(pages):
    description = pages["standard"].seo_description
    assert description.startswith("We accept most major plans and offer a sliding scale.")
    assert 50 <= len(description) <= 160
    assert description.endswith("…")


def test_short_summary_is_completed_from_the_content(pages):
    article = pages["article"]
    article.summary = "Worry at night."
    assert article.seo_description == (
        "Worry at night. Why worry grows at night When the day goes quiet, worries get louder. "
        "Try this Is it normal to worry at night? Yes, and it can ease."
    )


def test_long_titles_and_descriptions_are_cut_at_a_word():
    long_title = "Understanding the many faces of anxiety in teenagers and young adults today"
    title = fit_title(long_title, PRACTICE_NAME)
    assert len(title) <= 65
    assert title.endswith("…")
    assert long_title.startswith(title[:-1])
    assert shorten("word " * 50, 160).endswith("word…")


def test_share_image_is_the_page_image_else_the_site_default(client, pages, practice_site):
    default = SeoSettings.for_site(practice_site).og_image_default
    for key, image in (("standard", default), ("article", pages["article"].hero_image)):
        soup = get_soup(client, pages[key].url)
        rendition = image.get_rendition(SHARE_IMAGE)
        assert meta(soup, property="og:image") == f"{ROOT_URL}{rendition.url}"
        assert meta(soup, property="og:image:alt") == image.alt_text
