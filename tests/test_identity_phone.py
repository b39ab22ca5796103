"""The practice's phone number: validated, stored and linked as E.164, shown as people write it."""

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import inline_formset

import pytest
from bs4 import BeautifulSoup

from practice.models import PracticeSettings

from .identity_helpers import clinic_node, settings_form_data, soup_of

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
