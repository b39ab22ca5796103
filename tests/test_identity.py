"""The practice's identity lives in one record, PracticeSettings: the header, footer, booking
buttons, crisis help and the MedicalClinic JSON-LD all read it; phone numbers are validated,
linked as E.164 and shown in national format; the data migration carries old values across."""

import contextlib
import datetime
import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup
from wagtailseo.models import SeoSettings

from practice.models import PracticeSettings, PracticeTelehealthState
from practice.opening_hours import OpeningHoursBlock, days_label, time_label

from .factories import ImageFactory, StandardPageFactory

BEFORE_IDENTITY = [("practice", "0004_seed_safe_messaging_rules"), ("wagtailseo", "0004_seosettings_og_image_default")]  # fmt: skip
AFTER_IDENTITY = [("practice", "0007_practice_identity_cleanup")]


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


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(user)
    return client


@pytest.fixture
def settings_url(site):
    return reverse("wagtailsettings:edit", args=["practice", "practicesettings", site.pk])


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


# -- Phone numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown", "href"),
    [
        ("(205) 555-0142", "(205) 555-0142", "tel:+12055550142"),
        ("205.555.0142", "(205) 555-0142", "tel:+12055550142"),
        ("+1 205-555-0142", "(205) 555-0142", "tel:+12055550142"),
        ("+44 20 7946 0958", "+44 20 7946 0958", "tel:+442079460958"),
    ],
)
def test_phone_is_linked_as_e164_and_shown_as_people_write_it(site, typed, shown, href):
    practice = PracticeSettings(site=site, practice_name="Riverbend", phone=typed)
    practice.full_clean()
    practice.save()
    practice.refresh_from_db()
    assert practice.phone_display == shown
    assert practice.phone_href == href
    assert str(practice.phone) == href.removeprefix("tel:")  # stored as E.164


@pytest.mark.parametrize("typed", ["555-01", "call us", "+1 555 0142", "(205) 555-01420"])
def test_a_bad_phone_number_is_a_clear_field_error(site, typed):
    practice = PracticeSettings(site=site, practice_name="Riverbend", phone=typed)
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert list(error.value.message_dict) == ["phone"]


def test_staff_see_a_bad_number_as_an_error_on_the_field(admin_client, settings_url, site):
    response = admin_client.post(settings_url, settings_form_data(phone="555-01"))
    assert response.status_code == 200  # the form again, not a redirect
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", attrs={"name": "phone"}).find_parent(class_="w-field")
    assert "Enter a valid phone number" in field.get_text()
    assert not PracticeSettings.objects.filter(site=site, phone="555-01").exists()


def test_staff_save_the_settings_and_the_number_is_stored_as_e164(admin_client, settings_url, site):
    response = admin_client.post(
        settings_url,
        settings_form_data(
            phone="205 555 0177",
            telehealth_states=inline_formset([{"state": "AL"}, {"state": "GA"}]),
        ),
    )
    assert response.status_code == 302
    practice = PracticeSettings.objects.get(site=site)
    assert str(practice.phone) == "+12055550177"
    assert [state.state for state in practice.telehealth_states.all()] == ["AL", "GA"]
    html = admin_client.get(settings_url).content.decode()
    assert 'value="(205) 555-0177"' in html  # staff edit the national format


def test_a_stored_number_that_cannot_be_read_is_not_linked(client, practice_settings):
    PracticeSettings.objects.filter(pk=practice_settings.pk).update(phone="call the office")
    soup = soup_of(client, "/")
    assert not soup.find("a", href=lambda href: href and href.startswith("tel:+"))
    assert "telephone" not in clinic_node(soup)


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


# -- The data migration ------------------------------------------------------------------------


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@contextlib.contextmanager
def before_identity_migrations(site):
    """The database as it was before migrations 0005–0007, as (historical apps, the site);
    on leaving, the identity migrations and every later one run on what was created."""
    old = migrate(BEFORE_IDENTITY)
    try:
        yield old, old.get_model("wagtailcore", "Site").objects.get(pk=site.pk)
    finally:
        migrate(AFTER_IDENTITY)
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_carries_free_text_and_seo_values_into_the_record(site):
    with before_identity_migrations(site) as (old, old_site):
        old.get_model("practice", "PracticeSettings").objects.create(
            site=old_site,
            practice_name="Riverbend",
            phone="(205) 555-0142",
            address="2100 Example Avenue South\nSuite 300\nBirmingham, AL 35205",
            opening_hours="Mon–Thu: 8am–8pm\nSaturday: 9:30 am - 1 pm (telehealth only)",
        )
        old.get_model("wagtailseo", "SeoSettings").objects.create(
            site=old_site,
            struct_org_name="Riverbend (SEO copy)",
            struct_org_phone="+1-205-555-0199",
            struct_org_address_street="1 Other Street",
            struct_org_geo_lat=Decimal("33.50210000"),
            struct_org_geo_lng=Decimal("-86.80250000"),
            struct_org_extra_json=json.dumps(
                {"sameAs": ["https://example.org/us"], "isAcceptingNewPatients": False}
            ),
        )

    practice = PracticeSettings.objects.get(site=site)
    # The practice's own values win; the SEO copy fills what the practice did not have.
    assert practice.practice_name == "Riverbend"
    assert str(practice.phone) == "+12055550142"
    assert practice.street_address == "2100 Example Avenue South\nSuite 300"
    assert practice.locality_line == "Birmingham, AL 35205"
    assert [row.value.label for row in practice.opening_hours] == [
        "Monday–Thursday: 8am–8pm",
        "Saturday: 9:30am–1pm (telehealth only)",
    ]
    assert (practice.latitude, practice.longitude) == (Decimal("33.5021"), Decimal("-86.8025"))
    assert [link.value for link in practice.profile_links] == ["https://example.org/us"]
    assert practice.accepting_new_clients is False
    assert practice.crisis_message == ""  # the old built-in text gives way to the new one


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_creates_the_record_from_seo_settings_alone(site):
    with before_identity_migrations(site) as (old, old_site):
        old.get_model("wagtailseo", "SeoSettings").objects.create(
            site=old_site,
            struct_org_name="Riverbend",
            struct_org_phone="not a number",
            struct_org_address_street="100 Example Street",
            struct_org_address_locality="Birmingham",
            struct_org_address_region="Alabama",
            struct_org_address_postal="35203",
            struct_org_hours=json.dumps(
                [
                    {
                        "type": "hours",
                        "value": {"days": ["Friday"], "start_time": "08:00", "end_time": "16:00"},
                    }
                ]
            ),
        )

    practice = PracticeSettings.objects.get(site=site)
    assert practice.practice_name == "Riverbend"
    assert practice.address_lines == ["100 Example Street", "Birmingham, AL 35203"]
    assert [row.value.label for row in practice.opening_hours] == ["Friday: 8am–4pm"]
    # Kept as typed for staff to correct, never linked.
    assert practice.phone.raw_input == "not a number"
    assert practice.phone_href == ""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_reverses_to_the_free_text_and_forward_again(site, practice_settings):
    practice_settings.street_address = "100 Example Street"
    practice_settings.locality, practice_settings.region = "Birmingham", "AL"
    practice_settings.postal_code = "35203"
    practice_settings.opening_hours = [
        {
            "type": "hours",
            "value": {"days": ["Monday", "Tuesday"], "opens": "08:00", "closes": "18:00"},
        }
    ]
    practice_settings.crisis_message = "<p>Local help is listed here.</p>"
    practice_settings.save()

    with before_identity_migrations(site) as (old, old_site):
        old_practice = old.get_model("practice", "PracticeSettings").objects.get(site=old_site)
        assert old_practice.address == "100 Example Street\nBirmingham, AL 35203"
        assert old_practice.opening_hours == "Monday, Tuesday: 8am–6pm"
        assert old_practice.phone == "(205) 555-0142"
        assert old_practice.crisis_resources == "<p>Local help is listed here.</p>"

    practice = PracticeSettings.objects.get(site=site)
    assert practice.address_lines == ["100 Example Street", "Birmingham, AL 35203"]
    assert [row.value.label for row in practice.opening_hours] == ["Monday, Tuesday: 8am–6pm"]
    assert practice.phone_href == "tel:+12055550142"
    assert practice.crisis_message == "<p>Local help is listed here.</p>"


def test_a_state_chosen_twice_is_a_form_error_not_a_crash(admin_client, settings_url, site):
    states = inline_formset([{"state": "AL"}, {"state": "AL"}])
    response = admin_client.post(settings_url, settings_form_data(telehealth_states=states))
    assert response.status_code == 200
    assert "Please correct the duplicate" in response.content.decode()
    assert not PracticeTelehealthState.objects.exists()
