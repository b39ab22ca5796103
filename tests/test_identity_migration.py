"""The data migration into PracticeSettings carries the old free text and wagtail-seo's copy of
the identity across, and reverses."""

import contextlib
import json
from decimal import Decimal

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from practice.models import PracticeSettings

BEFORE_IDENTITY = [("practice", "0004_seed_safe_messaging_rules"), ("wagtailseo", "0004_seosettings_og_image_default")]  # fmt: skip
AFTER_IDENTITY = [("practice", "0007_practice_identity_cleanup")]


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
