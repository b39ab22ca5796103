"""The demo site as a whole: every page has a unique, well-formed title, description and
heading outline, and names the practice only through its settings."""

import itertools
import re

from wagtail.models import Page

from practice.models import PracticeSettings

from .markup import ROOT_URL, get_soup, json_ld_graph, meta, one_node

# -- The demo site as a whole ---------------------------------------------------------------------


CLINIC_PROPERTIES = {
    "name",
    "url",
    "logo",
    "telephone",
    "address",
    "geo",
    "openingHoursSpecification",
    "sameAs",
}


def heading_levels(soup) -> list[int]:
    return [int(tag.name[1]) for tag in soup.find_all(re.compile(r"^h[1-6]$"))]


def test_demo_site_pages_are_unique_and_well_formed(client, demo_site):
    titles, descriptions = {}, {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        soup = get_soup(client, page.url)
        title = soup.title.string
        description = meta(soup, name="description")
        assert 10 <= len(title) <= 65, (page.url, title)
        assert 50 <= len(description) <= 160, (page.url, description)
        assert titles.setdefault(title, page.url) == page.url, f"duplicate title {title!r}"
        assert descriptions.setdefault(description, page.url) == page.url, description
        assert soup.find("link", rel="canonical")["href"] == page.full_url
        assert page.full_url.startswith(f"{ROOT_URL}/")
        assert meta(soup, property="og:image").startswith(f"{ROOT_URL}/")
        assert meta(soup, name="twitter:card")
        clinic = one_node(json_ld_graph(soup), "MedicalClinic")
        assert set(clinic) >= CLINIC_PROPERTIES, CLINIC_PROPERTIES - set(clinic)
        levels = heading_levels(soup)
        assert levels.count(1) == 1, page.url
        assert levels[0] == 1, page.url
        skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not skipped, (page.url, levels)

    # The demo names its phone number only through the practice settings: one change there
    # reaches every page (header, footer, crisis help, JSON-LD), and no copy stays behind.
    practice = PracticeSettings.objects.get()
    practice.phone = "(205) 555-0199"
    practice.save()
    for page in Page.objects.live().public().filter(depth__gt=1):
        soup = get_soup(client, page.url)
        assert "555-0142" not in str(soup) and "5550142" not in str(soup), page.url
        assert soup.find("header").find("a", href="tel:+12055550199"), page.url
        assert one_node(json_ld_graph(soup), "MedicalClinic")["telephone"] == "+12055550199"
