"""How the identity tests read pages and fill in Settings › Practice settings."""

import json

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bs4 import BeautifulSoup


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def clinic_node(soup) -> dict:
    (script,) = soup.find_all("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    (clinic,) = [node for node in graph if node["@type"] == "MedicalClinic"]
    return clinic


def settings_form_data(**changes) -> dict:
    """What the Settings › Practice settings form posts, with `changes` typed in."""
    fields = {
        "practice_name": "Riverbend Counseling Collective",
        "tagline": "",
        "logo": "",
        "phone": "(205) 555-0142",
        "email": "",
        "booking_url": "",
        "booking_label": "Request an appointment",
        "street_address": "",
        "locality": "",
        "region": "",
        "postal_code": "",
        "country": "US",
        "latitude": "",
        "longitude": "",
        "opening_hours": streamfield([]),
        "telehealth_message": "",
        "telehealth_states": inline_formset([]),
        "accepting_new_clients": "on",
        "profile_links": streamfield([]),
        "crisis_message": rich_text(""),
        "navigation": streamfield([]),
        "footer_links": streamfield([]),
        **changes,
    }
    return nested_form_data(fields)
