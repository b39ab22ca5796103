"""A therapist's credentials, licences, languages and telehealth states are structured items:
edited inline, shown on the profile, and migrated from (and back to) the old comma-separated
text, on the pages and in their revisions."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from services.models import TherapistPage

from .factories import (
    TherapistPageFactory,
    credentials,
    languages,
    licences,
    telehealth_states,
)

TEXT_STATE = [("services", "0008_structured_therapist_details")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def therapist(therapist_index):
    therapist = TherapistPageFactory(
        parent=therapist_index,
        title="Dana Whitfield",
        credentials=credentials(("LPC", "Licensed Professional Counselor"), "NCC"),
        licences=licences(
            ("AL", "Licensed Professional Counselor", "AL-4821"),
            ("GA", "Licensed Professional Counselor", ""),
        ),
        languages=languages("English", "Spanish"),
        telehealth_states=telehealth_states("AL", "GA"),
    )
    therapist.save_revision().publish()
    return therapist


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_items_become_text_and_text_becomes_items(client, therapist):
    therapist.job_title = "Clinical director"
    draft = therapist.save_revision()  # an unpublished change: the editor opens this revision
    apps = migrate(TEXT_STATE)

    old = apps.get_model("services", "TherapistPage").objects.get(pk=therapist.pk)
    assert (old.credentials_text, old.languages_text, old.telehealth_states_text) == (
        "LPC, NCC",
        "English, Spanish",
        "AL, GA",
    )
    assert (old.licence_type, old.licence_number, old.licence_states) == (
        "Licensed Professional Counselor",
        "AL-4821",
        "AL, GA",
    )
    revision = apps.get_model("wagtailcore", "Revision").objects.get(pk=draft.pk)
    assert revision.content["credentials"] == "LPC, NCC"
    assert revision.content["telehealth_states"] == "AL, GA"

    # Text as staff typed it before: names and odd spacing; an unknown state is left out.
    old.credentials_text = "LCSW,  pmh-c"
    old.languages_text = "English, Vietnamese"
    old.telehealth_states_text = "alabama, TN, XX"
    old.licence_states = "TN"
    old.save()
    migrate(latest())

    therapist = TherapistPage.objects.get(pk=therapist.pk)
    assert [(c.abbreviation, c.name) for c in therapist.credentials.all()] == [
        ("LCSW", "Licensed Clinical Social Worker"),
        ("pmh-c", "Perinatal Mental Health Certification"),
    ]
    assert sorted(language.name for language in therapist.languages.all()) == [
        "English",
        "Vietnamese",
    ]
    assert [item.state for item in therapist.telehealth_states.all()] == ["AL", "TN"]
    assert [(item.state, item.licence_type, item.number) for item in therapist.licences.all()] == [
        ("TN", "Licensed Professional Counselor", "AL-4821")
    ]

    # The editor opens the draft revision: its items were converted from its own text.
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(admin)
    response = client.get(f"/admin/pages/{therapist.pk}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["job_title"] == "Clinical director"
    assert [f.instance.abbreviation for f in form.formsets["credentials"].forms] == ["LPC", "NCC"]
    assert [f.instance.state for f in form.formsets["telehealth_states"].forms] == ["AL", "GA"]
    assert sorted(language.name for language in form.initial["languages"]) == [
        "English",
        "Spanish",
    ]


def test_profile_shows_the_items(client, therapist):
    html = client.get(therapist.url).content.decode()

    assert 'Dana Whitfield<span class="credentials">, LPC, NCC</span>' in html
    assert "<li>LPC — Licensed Professional Counselor</li>" in html
    assert "<li>Licensed Professional Counselor, Alabama, no. AL-4821</li>" in html
    assert "<li>Licensed Professional Counselor, Georgia</li>" in html
    assert "English, Spanish" in html
    assert "Telehealth for clients in Alabama, Georgia" in html


def test_telehealth_states_are_not_claimed_without_telehealth(client, therapist):
    therapist.offers_telehealth = False
    therapist.save_revision().publish()

    html = client.get(therapist.url).content.decode()

    assert "Telehealth for clients" not in html
    assert "areaServed" not in html


def test_cards_show_the_credential_letters(client, therapist, therapist_index):
    html = client.get(therapist_index.url).content.decode()

    assert 'Dana Whitfield<span class="credentials">, LPC, NCC</span>' in html


def edit_form(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return querydict_from_html(html, form_id="page-edit-form")


def add_licence(data, state, number):
    position = int(data["licences-TOTAL_FORMS"])
    data["licences-TOTAL_FORMS"] = str(position + 1)
    data.update(
        {
            f"licences-{position}-state": state,
            f"licences-{position}-licence_type": "Licensed Professional Counselor",
            f"licences-{position}-number": number,
            f"licences-{position}-ORDER": str(position + 1),
            f"licences-{position}-id": "",
        }
    )


def test_an_editor_adds_a_licence_from_the_state_list(client, admin_user, therapist):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[therapist.pk])

    data = edit_form(client, therapist)
    add_licence(data, "Tennessee", "TN-77")
    data["action-publish"] = "action-publish"
    refused = client.post(url, data)

    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    assert [licence.state for licence in therapist.licences.all()] == ["AL", "GA"]

    data = edit_form(client, therapist)
    add_licence(data, "TN", "TN-77")
    data["action-publish"] = "action-publish"
    assert client.post(url, data).status_code == 302

    html = client.get(therapist.url).content.decode()
    assert "<li>Licensed Professional Counselor, Tennessee, no. TN-77</li>" in html


def test_a_copied_profile_keeps_its_details(therapist):
    copy = therapist.copy(update_attrs={"title": "Dana Whitfield (copy)", "slug": "dana-copy"})

    assert copy.credential_letters == "LPC, NCC"
    assert [licence.state for licence in copy.licences.all()] == ["AL", "GA"]
    assert [item.state for item in copy.telehealth_states.all()] == ["AL", "GA"]
    assert {language.name for language in copy.languages.all()} == {"English", "Spanish"}
    assert therapist.credentials.count() == 2  # the original keeps its own
