"""The practice's identity lives in one record, PracticeSettings: the header, footer, booking
buttons, crisis help and the MedicalClinic JSON-LD all read it; staff edit it in one form."""

import datetime
import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset

import pytest
from wagtailseo.models import SeoSettings

from practice.models import PracticeTelehealthState
from practice.opening_hours import OpeningHoursBlock, days_label, time_label

from .factories import ImageFactory, StandardPageFactory
from .identity_helpers import clinic_node, settings_form_data, soup_of


@pytest.fixture
def standard_page(home_page):
    return StandardPageFactory(parent=home_page, title="Fees and insurance")


# -- One record, read everywhere --------------------------------------------------------------


def test_changing_the_phone_once_changes_every_place(client, practice_settings, standard_page):
    practice_settings.phone = "+1 205 555 0199"
    practice_settings.save()

    for url in ("/", standard_page.url):
        soup = soup_of(client, url)
        header, footer = soup.find("header", class_="site-header"), soup.find("footer")
        assert "(205) 555-0199" in header.get_text()
        assert header.find("a", href="tel:+12055550199")
        assert "(205) 555-0199" in footer.find(id="footer-contact-heading").parent.get_text()
        assert footer.find(id="crisis-help").find("a", href="tel:+12055550199")
        assert clinic_node(soup)["telephone"] == "+12055550199"
        html = str(soup)
        assert "555-0142" not in html and "5550142" not in html


def test_json_ld_describes_the_practice_from_its_settings_only(client, site, practice_settings):
    seo = SeoSettings.for_site(site)
    seo.struct_org_name, seo.struct_org_phone = "An old copy", "+1-999-555-0100"
    seo.struct_org_address_street = "1 Stale Street"
    seo.struct_org_extra_json = json.dumps({"sameAs": ["https://stale.example.org"]})
    seo.save()
    practice_settings.logo = ImageFactory(title="Logo")
    practice_settings.email = "hello@example.org"
    practice_settings.street_address = "2100 Example Avenue South\nSuite 300"
    practice_settings.locality, practice_settings.region = "Birmingham", "AL"
    practice_settings.postal_code = "35205"
    practice_settings.latitude, practice_settings.longitude = (
        Decimal("33.5021"),
        Decimal("-86.8025"),
    )
    practice_settings.opening_hours = [
        {"type": "hours", "value": {"days": ["Friday"], "opens": "08:00", "closes": "16:00"}}
    ]
    practice_settings.profile_links = [{"type": "profile", "value": "https://example.org/us"}]
    practice_settings.accepting_new_clients = False
    practice_settings.telehealth_states = [
        PracticeTelehealthState(state="GA"),
        PracticeTelehealthState(state="AL"),
    ]
    practice_settings.save()

    clinic = clinic_node(soup_of(client, "/"))

    assert clinic["name"] == "Riverbend Counseling Collective"
    assert clinic["telephone"] == "+12055550142"
    assert clinic["email"] == "hello@example.org"
    assert clinic["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "2100 Example Avenue South, Suite 300",
        "addressLocality": "Birmingham",
        "addressRegion": "AL",
        "postalCode": "35205",
        "addressCountry": "US",
    }
    assert clinic["geo"] == {"@type": "GeoCoordinates", "latitude": 33.5021, "longitude": -86.8025}
    assert clinic["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Friday"],
            "opens": "08:00:00",
            "closes": "16:00:00",
        }
    ]
    assert clinic["areaServed"] == [
        {"@type": "State", "name": "Georgia"},
        {"@type": "State", "name": "Alabama"},
    ]
    assert clinic["sameAs"] == ["https://example.org/us"]
    assert clinic["isAcceptingNewPatients"] is False
    assert clinic["logo"]["url"].startswith("http://localhost/media/images/")


def test_footer_shows_the_structured_address_and_hours(client, practice_settings):
    practice_settings.street_address = "2100 Example Avenue South\nSuite 300"
    practice_settings.locality, practice_settings.region = "Birmingham", "AL"
    practice_settings.postal_code = "35205"
    practice_settings.opening_hours = [
        {
            "type": "hours",
            "value": {
                "days": ["Thursday", "Monday", "Tuesday", "Wednesday"],
                "opens": "08:00",
                "closes": "20:00",
            },
        },
        {
            "type": "hours",
            "value": {
                "days": ["Saturday"],
                "opens": "09:30",
                "closes": "13:00",
                "note": "telehealth only",
            },
        },
    ]
    practice_settings.save()
    footer = soup_of(client, "/").find("footer")
    address = footer.find("address")
    assert [line.strip() for line in address.stripped_strings] == [
        "2100 Example Avenue South",
        "Suite 300",
        "Birmingham, AL 35205",
    ]
    hours = footer.find(id="footer-hours-heading").find_next("ul")
    assert [item.get_text() for item in hours.find_all("li")] == [
        "Monday–Thursday: 8am–8pm",
        "Saturday: 9:30am–1pm (telehealth only)",
    ]


def test_seo_settings_no_longer_offer_a_second_copy_of_the_identity(admin_client, site):
    url = reverse("wagtailsettings:edit", args=["wagtailseo", "seosettings", site.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="og_meta"' in html and 'name="og_image_default"' in html
    assert 'name="struct_org_phone"' not in html
    assert 'name="struct_org_name"' not in html
    assert "Settings › Practice settings" in html


def test_a_state_chosen_twice_is_a_form_error_not_a_crash(admin_client, settings_url, site):
    states = inline_formset([{"state": "AL"}, {"state": "AL"}])
    response = admin_client.post(settings_url, settings_form_data(telehealth_states=states))
    assert response.status_code == 200
    assert "Please correct the duplicate" in response.content.decode()
    assert not PracticeTelehealthState.objects.exists()


# -- Office hours ------------------------------------------------------------------------------


def test_hours_labels_read_like_a_door_sign():
    assert days_label(["Tuesday", "Monday", "Wednesday"]) == "Monday–Wednesday"
    assert days_label(["Monday", "Wednesday"]) == "Monday, Wednesday"
    assert days_label(["Saturday", "Sunday"]) == "Saturday, Sunday"
    assert time_label(datetime.time(0, 0)) == "12am"
    assert time_label(datetime.time(12, 0)) == "12pm"
    assert time_label(datetime.time(17, 45)) == "5:45pm"


def test_hours_must_close_after_they_open():
    block = OpeningHoursBlock()
    value = block.to_python({"days": ["Monday"], "opens": "18:00", "closes": "09:00"})
    with pytest.raises(ValidationError):
        block.clean(value)
