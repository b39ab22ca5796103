"""Appointment requests, the visitor's side: the form, what is stored and emailed, and what
happens to bad, repeated, oversized and automated posts."""

import logging
import uuid

from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from services.models import AppointmentRequest

from .appointment_helpers import VISITOR, FlakyEmailBackend, valid_post
from .factories import AppointmentRequestPageFactory, ServicePageFactory, TherapistPageFactory


@pytest.fixture
def request_page(home_page, practice_with_telehealth):
    return AppointmentRequestPageFactory(parent=home_page)


@pytest.fixture
def intake_staff(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "intake", email="intake@riverbend.example", password="x"
    )
    user.groups.add(Group.objects.get(name="Intake"))
    return user


@pytest.fixture
def service(service_index):
    return ServicePageFactory(
        parent=service_index, title="Cognitive behavioral therapy", slug="cbt"
    )


@pytest.fixture
def therapist(therapist_index):
    return TherapistPageFactory(
        parent=therapist_index, title="Dana Whitfield", slug="dana-whitfield"
    )


def post(client, page, data, **extra):
    return client.post(page.url, data, REMOTE_ADDR=extra.pop("address", "10.0.0.1"), **extra)


def assert_crisis_help_once(html: str):
    """The crisis resources are shown once, in the footer, and every id is unique."""
    soup = BeautifulSoup(html, "html.parser")
    [resources] = soup.select(".crisis-resources")
    assert resources["id"] == "crisis-help" and resources.find_parent("footer")
    assert resources.select('a[href="tel:988"]')
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids)), sorted(ids)


# The form


def test_form_renders_every_field_with_label_autocomplete_and_inputmode(client, request_page):
    response = client.get(request_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("name", "phone", "email", "message"):
        assert f'<label for="id_{field}">' in html
    assert 'autocomplete="name"' in html
    assert 'type="tel"' in html and 'inputmode="tel"' in html and 'autocomplete="tel"' in html
    assert 'inputmode="email"' in html and 'autocomplete="email"' in html
    assert "<legend>How should we contact you?</legend>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "not monitored around the clock" in html
    assert 'href="#crisis-help"' in html and 'id="crisis-help"' in html
    assert "Please do not include clinical details" in html
    # Telehealth only where the practice is licensed.
    assert '<option value="AL">Alabama</option>' in html
    assert '<option value="GA">Georgia</option>' in html
    assert '"TX"' not in html


def test_form_and_thank_you_are_never_cached_by_shared_caches(client, request_page):
    for url in (request_page.url, request_page.url + "thank-you/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control


def test_only_live_services_and_accepting_therapists_are_offered(
    client, request_page, service, therapist, therapist_index
):
    full = TherapistPageFactory(
        parent=therapist_index, title="Marcus Hale", accepting_new_clients=False
    )
    html = client.get(request_page.url).content.decode()
    assert '<option value="cbt">Cognitive behavioral therapy</option>' in html
    assert '<option value="dana-whitfield">Dana Whitfield</option>' in html
    assert full.title not in html


# Preselection


def test_service_and_therapist_from_the_link_are_preselected(
    client, request_page, service, therapist
):
    html = client.get(f"{request_page.url}?service=cbt&therapist=dana-whitfield").content.decode()
    assert '<option value="cbt" selected>' in html
    assert '<option value="dana-whitfield" selected>' in html


def test_unknown_preselection_is_ignored_with_a_note(client, request_page, service):
    response = client.get(f"{request_page.url}?service=no-such-thing&therapist=%00%3Cx%3E")
    html = response.content.decode()
    assert response.status_code == 200
    assert "not offered any more" in html
    assert "therapist in your link is not listed" in html
    assert '<option value="cbt">' in html


def test_therapist_not_accepting_clients_is_not_preselected(client, request_page, therapist_index):
    TherapistPageFactory(
        parent=therapist_index, title="Marcus Hale", slug="marcus-hale", accepting_new_clients=False
    )
    html = client.get(f"{request_page.url}?therapist=marcus-hale").content.decode()
    assert "Marcus Hale is not taking new clients at the moment" in html
    assert '<option value="" selected>No preference</option>' in html


# A valid request


def test_valid_request_is_stored_and_the_intake_team_emailed(
    client, request_page, service, therapist, intake_staff
):
    token = str(uuid.uuid4())
    response = post(
        client,
        request_page,
        valid_post(submission_token=token, service="cbt", therapist="dana-whitfield"),
    )
    assert response.status_code == 302
    assert response["Location"] == request_page.url + "thank-you/"
    request = AppointmentRequest.objects.get()
    assert str(request.submission_token) == token
    assert request.name == VISITOR["name"]
    assert request.phone == VISITOR["phone"]
    assert request.service == service and request.therapist == therapist
    assert request.preferred_days == ["tue", "thu"]
    assert request.status == AppointmentRequest.Status.NEW
    assert request.consented_at is not None
    assert request.notified_at is not None and request.notify_attempts == 1

    [email] = mail.outbox
    assert email.to == ["intake@riverbend.example"]
    assert f"/admin/appointment_requests/edit/{request.pk}/" in email.body
    for secret in VISITOR.values():
        assert secret not in email.body and secret not in email.subject


def test_thank_you_page_says_what_happens_next_and_shows_crisis_resources(client, request_page):
    response = post(client, request_page, valid_post(), follow=True)
    html = response.content.decode()
    assert "We have your request" in html
    assert "within one business day" in html
    main = html.split("<main")[1].split("</main>")[0]
    assert 'href="#crisis-help"' in main  # what to do before we call back
    assert_crisis_help_once(html)
    assert VISITOR["name"] not in html
    assert response.redirect_chain[-1][0] == request_page.url + "thank-you/"


def test_stored_row_holds_no_plain_text_personal_details(client, request_page):
    post(client, request_page, valid_post())
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM services_appointmentrequest")
        raw_row = " ".join(str(value) for value in cursor.fetchone())
    for secret in (*VISITOR.values(), "Casey", "555-0199", "2055550199", "quietwater"):
        assert secret.lower() not in raw_row.lower()
    assert AppointmentRequest.objects.get().email == VISITOR["email"]


def test_email_failure_keeps_the_request_and_the_command_retries_it(
    client, request_page, intake_staff, settings, caplog
):
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "tests.appointment_helpers.FlakyEmailBackend"
    FlakyEmailBackend.failing = True
    with caplog.at_level(logging.INFO):
        response = post(client, request_page, valid_post())
    assert response.status_code == 302
    request = AppointmentRequest.objects.get()
    assert request.notified_at is None
    assert request.notify_attempts == 1 and request.last_notify_failure_at is not None
    assert "intake email failed (ConnectionRefusedError)" in caplog.text
    for secret in VISITOR.values():
        assert secret not in caplog.text
    assert mail.outbox == []

    call_command("send_appointment_notifications", min_age=0)  # still failing: kept, counted
    request.refresh_from_db()
    assert request.notified_at is None and request.notify_attempts == 2

    FlakyEmailBackend.failing = False
    call_command("send_appointment_notifications", min_age=0)
    request.refresh_from_db()
    assert request.notified_at is not None and request.notify_attempts == 3
    assert len(mail.outbox) == 1
    call_command("send_appointment_notifications", min_age=0)  # nothing left to send
    assert len(mail.outbox) == 1


def test_a_double_submit_stores_one_request_and_shows_the_same_page(client, request_page):
    data = valid_post()
    first = post(client, request_page, data)
    second = post(client, request_page, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert AppointmentRequest.objects.count() == 1
    assert len(mail.outbox) <= 1


def test_post_without_csrf_token_is_refused(request_page):
    client = Client(enforce_csrf_checks=True)
    response = post(client, request_page, valid_post())
    assert response.status_code == 403
    assert not AppointmentRequest.objects.exists()


# Abuse


def test_honeypot_post_is_dropped_quietly_and_logged_without_content(client, request_page, caplog):
    with caplog.at_level(logging.INFO):
        response = post(client, request_page, valid_post(website="http://spam.example"))
    assert response.status_code == 302
    assert not AppointmentRequest.objects.exists()
    assert "honeypot" in caplog.text
    assert "spam.example" not in caplog.text and VISITOR["name"] not in caplog.text
    assert mail.outbox == []


def test_too_many_posts_from_one_address_get_a_try_again_later_page(client, request_page, settings):
    settings.APPOINTMENT_RATE_LIMIT = 2
    for _ in range(2):
        assert post(client, request_page, valid_post()).status_code == 302
    response = post(client, request_page, valid_post())
    assert response.status_code == 429
    assert "Please try again later" in response.content.decode()
    assert_crisis_help_once(response.content.decode())
    assert AppointmentRequest.objects.count() == 2
    # Another client is not affected.
    assert post(client, request_page, valid_post(), address="10.0.0.2").status_code == 302


def test_a_body_of_several_megabytes_is_refused_with_a_clear_page(client, request_page):
    response = post(client, request_page, valid_post(message="x" * 5_000_000))
    assert response.status_code == 413
    assert "too large to send" in response.content.decode()
    assert_crisis_help_once(response.content.decode())
    assert not AppointmentRequest.objects.exists()


# Field errors


FIELD_ERRORS = {
    "missing name": ({"name": ""}, "name", "Enter your name."),
    "missing contact method": ({"contact_method": ""}, "contact_method", "Choose how we"),
    "overlong name": ({"name": "A" * 101}, "name", "under 100 characters"),
    "bad email": ({"contact_method": "email", "email": "casey@"}, "email", "valid email"),
    "missing email": ({"contact_method": "email", "email": ""}, "email", "Enter an email"),
    "bad phone": ({"phone": "555-01"}, "phone", "US phone number"),
    "missing phone": ({"contact_method": "phone", "phone": ""}, "phone", "Enter a phone"),
    "unknown contact method": ({"contact_method": "pigeon"}, "contact_method", "not one of"),
    "unknown session format": ({"session_format": "moon"}, "session_format", "not one of"),
    "state not served": ({"telehealth_state": "TX"}, "telehealth_state", "not one of"),
    "telehealth without state": ({"telehealth_state": ""}, "telehealth_state", "licensed"),
    "unknown service": ({"service": "astrology"}, "service", "not one of"),
    "unknown day": ({"preferred_days": ["sun"]}, "preferred_days", "not one of"),
    "overlong message": ({"message": "x" * 601}, "message", "under 600 characters"),
    "missing consent": ({"consent": None}, "consent", "Tick the box"),
}


@pytest.mark.parametrize("case", FIELD_ERRORS, ids=list(FIELD_ERRORS))
def test_bad_input_gets_a_field_error_and_keeps_what_was_typed(client, request_page, case):
    overrides, field, message = FIELD_ERRORS[case]
    response = post(client, request_page, valid_post(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    assert 'class="error-summary"' in html
    assert message in html
    # The summary links to the field, whose control names its error.
    link_target = (
        f"id_{field}_0"
        if field in {"contact_method", "session_format", "preferred_days"}
        else f"id_{field}"
    )
    assert f'href="#{link_target}"' in html
    assert f'id="id_{field}_error"' in html
    if field == "name":
        return
    assert f'value="{VISITOR["name"]}"' in html


def test_therapist_not_accepting_clients_cannot_be_posted(client, request_page, therapist_index):
    TherapistPageFactory(
        parent=therapist_index, title="Marcus Hale", slug="marcus-hale", accepting_new_clients=False
    )
    response = post(client, request_page, valid_post(therapist="marcus-hale"))
    assert "not one of the available choices" in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_a_mangled_token_is_replaced_rather_than_shown_as_an_error(client, request_page):
    response = post(client, request_page, valid_post(submission_token="not-a-uuid"))
    assert response.status_code == 302
    assert AppointmentRequest.objects.count() == 1


def test_in_person_request_needs_no_state(client, request_page):
    response = post(
        client, request_page, valid_post(session_format="in_person", telehealth_state="TX")
    )
    assert response.status_code == 302
    assert AppointmentRequest.objects.get().telehealth_state == ""


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"preferred_days": "x" * 10_000},
        {"submission_token": ["a", "b"], "name": ["x"] * 50},
        {"contact_method": "\x00", "session_format": "\u202e", "service": "' OR 1=1 --"},
    ],
    ids=["empty", "junk days", "repeated keys", "control characters"],
)
def test_no_input_gives_a_server_error(client, request_page, data):
    response = post(client, request_page, data)
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()


# Configuration


def test_production_refuses_to_start_without_an_encryption_key():
    from .test_settings import start_django

    result = start_django(SECRET_KEY="a-long-random-production-key", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "APPOINTMENT_ENCRYPTION_KEYS must be set when DEBUG is off" in result.stderr


def test_a_malformed_key_is_reported_clearly(request_page, settings, client):
    settings.APPOINTMENT_ENCRYPTION_KEYS = ["not-a-fernet-key"]
    with pytest.raises(Exception, match="not a Fernet key"):
        AppointmentRequest.objects.create(
            name="x",
            contact_method="email",
            session_format="in_person",
            consented_at=timezone.now(),
        )
