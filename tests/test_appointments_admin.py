"""Appointment requests, the intake team's side: who can see, change and export them, what is
recorded in their history, the dashboard, retention and key rotation; and the links that lead
visitors to the form from every page."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from cryptography.fernet import Fernet

from services.models import AppointmentRequest

from .appointment_helpers import VISITOR
from .factories import (
    AppointmentRequestPageFactory,
    ArticlePageFactory,
    ServicePageFactory,
    TherapistPageFactory,
    publish_as_reviewed,
)


@pytest.fixture
def appointment(db):
    return AppointmentRequest.objects.create(
        name=VISITOR["name"],
        contact_method="phone",
        phone=VISITOR["phone"],
        email=VISITOR["email"],
        session_format="telehealth",
        telehealth_state="AL",
        message=VISITOR["message"],
        consented_at=timezone.now(),
        created_at=timezone.now() - timedelta(hours=5),
    )


def staff(django_user_model, username, *, groups=(), superuser=False):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@riverbend.example", password="x", is_superuser=superuser
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def intake_user(django_user_model):
    return staff(django_user_model, "intake", groups=["Intake"])


@pytest.fixture
def manager_with_granted_permissions(django_user_model):
    """A site manager whose group was given every permission on requests by mistake."""
    group = Group.objects.get(name="Site managers")
    group.permissions.add(*Permission.objects.filter(codename__endswith="appointmentrequest"))
    return staff(django_user_model, "manager", groups=["Site managers"])


def urls(appointment):
    return {
        "index": reverse("appointment_requests:index"),
        "edit": reverse("appointment_requests:edit", args=[appointment.pk]),
        "export": reverse("appointment_requests:index") + "?export=csv",
        "delete": reverse("appointment_requests:delete", args=[appointment.pk]),
    }


def test_intake_staff_see_the_list_without_personal_details(client, intake_user, appointment):
    client.force_login(intake_user)
    response = client.get(reverse("appointment_requests:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Request #{appointment.pk}" in html
    assert "New" in html and "5\xa0hours" in html
    assert VISITOR["name"] not in html  # opening a request is what shows (and records) it
    assert not ModelLogEntry.objects.filter(action="appointments.view").exists()


def test_opening_a_request_shows_it_and_is_recorded_in_its_history(
    client, intake_user, appointment
):
    client.force_login(intake_user)
    html = client.get(urls(appointment)["edit"]).content.decode()
    for detail in VISITOR.values():
        assert detail in html
    entry = ModelLogEntry.objects.get(action="appointments.view")
    assert entry.user == intake_user and entry.object_id == str(appointment.pk)
    assert entry.label == f"Request #{appointment.pk}"
    history = client.get(reverse("appointment_requests:history", args=[appointment.pk]))
    assert "Opened" in history.content.decode()


def test_intake_staff_mark_a_request_contacted_with_a_note(client, intake_user, appointment):
    client.force_login(intake_user)
    response = client.post(
        urls(appointment)["edit"], {"status": "contacted", "notes": "Left a voicemail, Tue 2pm."}
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == "contacted"
    assert appointment.notes == "Left a voicemail, Tue 2pm."
    assert appointment.name == VISITOR["name"]  # the visitor's details are read-only
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user=intake_user).exists()


def test_export_is_a_csv_with_the_details_and_is_recorded(client, intake_user, appointment):
    client.force_login(intake_user)
    response = client.get(urls(appointment)["export"])
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"] == "text/csv"
    assert VISITOR["name"] in body and VISITOR["email"] in body and "Tuesday" not in body
    entry = ModelLogEntry.objects.get(action="appointments.export")
    assert entry.user == intake_user and entry.object_id == str(appointment.pk)


def test_filters_narrow_the_list(client, intake_user, appointment):
    AppointmentRequest.objects.create(
        name="Someone Else",
        contact_method="email",
        email="else@example.net",
        session_format="in_person",
        consented_at=timezone.now(),
        status="closed",
    )
    client.force_login(intake_user)
    response = client.get(reverse("appointment_requests:index") + "?status=closed")
    html = response.content.decode()
    assert f"Request #{appointment.pk}<" not in html
    assert f"Request #{appointment.pk + 1}" in html
    emailed = client.get(reverse("appointment_requests:index") + "?emailed=true")
    assert "Request #" not in emailed.content.decode().split("<tbody")[-1].split("</tbody>")[0]


@pytest.mark.parametrize("url_name", ["index", "edit", "export", "delete"])
def test_other_staff_cannot_see_export_or_change_requests_even_with_permissions(
    client, manager_with_granted_permissions, appointment, url_name
):
    client.force_login(manager_with_granted_permissions)
    response = client.get(urls(appointment)[url_name])
    assert response.status_code in {302, 403}
    assert VISITOR["name"] not in response.content.decode()
    response = client.post(urls(appointment)["edit"], {"status": "closed", "notes": "x"})
    appointment.refresh_from_db()
    assert appointment.status == "new"
    assert "Appointment requests" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, appointment):
    for url in urls(appointment).values():
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_intake_staff_cannot_add_or_delete_requests(client, intake_user, appointment):
    client.force_login(intake_user)
    assert client.get(urls(appointment)["delete"]).status_code in {302, 403}
    client.post(urls(appointment)["delete"])
    assert AppointmentRequest.objects.filter(pk=appointment.pk).exists()
    add = client.get(reverse("appointment_requests:add"))
    assert add.status_code in {302, 403}


def test_superusers_see_requests(client, django_user_model, appointment):
    client.force_login(staff(django_user_model, "root", superuser=True))
    assert client.get(urls(appointment)["edit"]).status_code == 200


def test_dashboard_shows_the_age_of_the_oldest_new_request(client, intake_user, appointment):
    client.force_login(intake_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1</strong> new request is waiting" in html
    assert "The oldest arrived 5\xa0hours ago" in html


# Retention and keys


def test_retention_deletes_old_requests_and_their_history(appointment, settings):
    def request_aged(days):
        return AppointmentRequest.objects.create(
            name="Old Request",
            contact_method="email",
            email="old@example.net",
            session_format="in_person",
            consented_at=timezone.now(),
            created_at=timezone.now() - timedelta(days=days),
        )

    old, middle_aged = request_aged(91), request_aged(40)
    ModelLogEntry.objects.log_action(old, "appointments.view")
    call_command("delete_old_appointment_requests")  # the default: 90 days
    assert set(AppointmentRequest.objects.all()) == {appointment, middle_aged}
    assert not ModelLogEntry.objects.filter(object_id=str(old.pk)).exists()

    settings.APPOINTMENT_RETENTION_DAYS = 30
    call_command("delete_old_appointment_requests")
    assert list(AppointmentRequest.objects.all()) == [appointment]
    call_command("delete_old_appointment_requests", days=1)  # five hours old: kept
    assert list(AppointmentRequest.objects.all()) == [appointment]


def test_rotating_keys_re_encrypts_with_the_newest(appointment, settings):
    def raw_name():
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM services_appointmentrequest")
            return cursor.fetchone()[0]

    old_key = settings.APPOINTMENT_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.APPOINTMENT_ENCRYPTION_KEYS = [new_key, old_key]
    call_command("rotate_appointment_keys")
    assert Fernet(new_key).decrypt(raw_name().encode()).decode() == VISITOR["name"]
    settings.APPOINTMENT_ENCRYPTION_KEYS = [new_key]  # the old key can now be removed
    assert AppointmentRequest.objects.get().name == VISITOR["name"]


# Links to the form from everywhere


@pytest.fixture
def linked_site(home_page, practice_settings, service_index, therapist_index, article_index):
    practice_settings.booking_url = ""
    practice_settings.save()
    request_page = AppointmentRequestPageFactory(parent=home_page)
    service = ServicePageFactory(parent=service_index, slug="cbt")
    therapist = TherapistPageFactory(parent=therapist_index, slug="dana-whitfield")
    article = ArticlePageFactory(
        parent=article_index,
        body=[("call_to_action", {"heading": "Ready to talk to someone?"})],
    )
    article.related_services.add(service)
    publish_as_reviewed(article)
    return request_page, service, therapist, article


def test_header_service_therapist_and_call_to_action_link_to_the_form(client, linked_site):
    request_page, service, therapist, article = linked_site
    form_url = request_page.url
    home = client.get("/").content.decode()
    assert f'href="{form_url}"' in home
    assert f'href="{form_url}?service=cbt"' in client.get(service.url).content.decode()
    therapist_html = client.get(therapist.url).content.decode()
    assert f'href="{form_url}?therapist=dana-whitfield"' in therapist_html
    article_html = client.get(article.url).content.decode()
    cta = article_html.split('class="cta"')[1].split("</aside>")[0]
    assert f'href="{form_url}?service=cbt"' in cta


def test_an_external_scheduler_in_the_settings_still_wins(client, linked_site, practice_settings):
    _request_page, service, _therapist, _article = linked_site
    practice_settings.booking_url = "https://booking.example.org/riverbend"
    practice_settings.save()
    html = client.get(service.url).content.decode()
    assert 'href="https://booking.example.org/riverbend"' in html


def test_the_form_link_costs_no_query_once_cached(client, linked_site):
    _request_page, service, _therapist, article = linked_site
    client.get(service.url)  # warm the caches
    for page in (service, article):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(page.url).content.decode()
        assert "?service=cbt" in html
        assert not [q for q in queries if "appointmentrequestpage" in q["sql"]]


def test_the_cached_link_follows_a_renamed_form_page(client, linked_site):
    request_page, service, _therapist, _article = linked_site
    client.get(service.url)
    request_page.slug = "ask-for-an-appointment"
    request_page.save_revision().publish()
    assert 'href="/ask-for-an-appointment/?service=cbt"' in client.get(service.url).content.decode()


def test_editors_preview_the_request_page(client, django_user_model, home_page):
    page = AppointmentRequestPageFactory(parent=home_page)
    client.force_login(staff(django_user_model, "root", superuser=True))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "message_notice": "Please keep clinical details for your first session.",
        "thank_you_heading": "Thank you",
        "thank_you_text": '{"blocks": [], "entityMap": {}}',
        "intro": '{"blocks": [], "entityMap": {}}',
    }
    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url)
    assert response.status_code == 200
    assert "Please keep clinical details for your first session." in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_superusers_are_not_emailed_unless_in_intake(django_user_model, intake_user):
    from services.appointments.notifications import intake_recipients

    staff(django_user_model, "root", superuser=True)
    assert intake_recipients() == ["intake@riverbend.example"]
