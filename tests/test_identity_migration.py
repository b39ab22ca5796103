"""The data migration into PracticeSettings carries the old free text and wagtail-seo's copy of
the identity across, and reverses.

Migrating back and forth through the graph is the cost, so it happens once for the module: one
site per case, each set up in the schema its case starts from, then one trip back to before
0005 and forward to the latest migrations. The tests check what each site came out with."""

import json
from decimal import Decimal

from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Site

import pytest

from practice.models import PracticeSettings

from .database_copies import restore_migrated_content

BEFORE_IDENTITY = [("practice", "0004_seed_safe_messaging_rules"), ("wagtailseo", "0004_seosettings_og_image_default")]  # fmt: skip

pytestmark = pytest.mark.django_db


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def add_site(name):
    default = Site.objects.get(is_default_site=True)
    return Site.objects.create(hostname=f"{name}.example.org", root_page=default.root_page)


def reversible_practice(site):
    """Case 3, in today's schema: a practice whose structured identity goes back to text."""
    PracticeSettings.objects.create(
        site=site,
        practice_name="Riverbend Counseling Collective",
        phone="(205) 555-0142",
        street_address="100 Example Street",
        locality="Birmingham",
        region="AL",
        postal_code="35203",
        opening_hours=[
            {
                "type": "hours",
                "value": {"days": ["Monday", "Tuesday"], "opens": "08:00", "closes": "18:00"},
            }
        ],
        crisis_message="<p>Local help is listed here.</p>",
    )


def practice_and_seo_copy(old, site):
    """Case 1, in the old schema: the practice's free text beside wagtail-seo's copy."""
    old.get_model("practice", "PracticeSettings").objects.create(
        site=site,
        practice_name="Riverbend",
        phone="(205) 555-0142",
        address="2100 Example Avenue South\nSuite 300\nBirmingham, AL 35205",
        opening_hours="Mon–Thu: 8am–8pm\nSaturday: 9:30 am - 1 pm (telehealth only)",
    )
    old.get_model("wagtailseo", "SeoSettings").objects.create(
        site=site,
        struct_org_name="Riverbend (SEO copy)",
        struct_org_phone="+1-205-555-0199",
        struct_org_address_street="1 Other Street",
        struct_org_geo_lat=Decimal("33.50210000"),
        struct_org_geo_lng=Decimal("-86.80250000"),
        struct_org_extra_json=json.dumps(
            {"sameAs": ["https://example.org/us"], "isAcceptingNewPatients": False}
        ),
    )


def seo_copy_alone(old, site):
    """Case 2, in the old schema: only wagtail-seo knew the practice."""
    old.get_model("wagtailseo", "SeoSettings").objects.create(
        site=site,
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


@pytest.fixture(scope="module")
def migrated(django_db_setup, django_db_blocker):
    """Site ids by case, and case 3's practice as the reverse migration left it, after one
    trip back before the identity migrations and forward through every later one.

    Migrations cannot run inside a test's transaction, so this commits; afterwards the database
    is emptied and refilled with what it held before, as a transactional test does."""
    with django_db_blocker.unblock():
        restore_migrated_content()
        contents = connection.creation.serialize_db_to_string()
        sites = {"seo_copy": Site.objects.get(is_default_site=True).pk}
        sites["seo_alone"] = add_site("seo-alone").pk
        sites["reversed"] = add_site("reversed").pk
        reversible_practice(Site.objects.get(pk=sites["reversed"]))
        try:
            old = migrate(BEFORE_IDENTITY)
            old_sites = old.get_model("wagtailcore", "Site").objects
            practice_and_seo_copy(old, old_sites.get(pk=sites["seo_copy"]))
            seo_copy_alone(old, old_sites.get(pk=sites["seo_alone"]))
            reversed_practice = old.get_model("practice", "PracticeSettings").objects.get(
                site_id=sites["reversed"]
            )
        finally:
            migrate(latest())
        yield sites, reversed_practice
        # Building a restored page looks up its content type, which (not cached) would be
        # created again before its own row is restored.
        ContentType.objects.get_for_models(*django_apps.get_models())
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(contents)


def test_migration_carries_free_text_and_seo_values_into_the_record(migrated):
    sites, _ = migrated
    practice = PracticeSettings.objects.get(site_id=sites["seo_copy"])
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


def test_migration_creates_the_record_from_seo_settings_alone(migrated):
    sites, _ = migrated
    practice = PracticeSettings.objects.get(site_id=sites["seo_alone"])
    assert practice.practice_name == "Riverbend"
    assert practice.address_lines == ["100 Example Street", "Birmingham, AL 35203"]
    assert [row.value.label for row in practice.opening_hours] == ["Friday: 8am–4pm"]
    # Kept as typed for staff to correct, never linked.
    assert practice.phone.raw_input == "not a number"
    assert practice.phone_href == ""


def test_migration_reverses_to_the_free_text_and_forward_again(migrated):
    sites, old_practice = migrated
    assert old_practice.address == "100 Example Street\nBirmingham, AL 35203"
    assert old_practice.opening_hours == "Monday, Tuesday: 8am–6pm"
    assert old_practice.phone == "(205) 555-0142"
    assert old_practice.crisis_resources == "<p>Local help is listed here.</p>"

    practice = PracticeSettings.objects.get(site_id=sites["reversed"])
    assert practice.address_lines == ["100 Example Street", "Birmingham, AL 35203"]
    assert [row.value.label for row in practice.opening_hours] == ["Monday, Tuesday: 8am–6pm"]
    assert practice.phone_href == "tel:+12055550142"
    assert practice.crisis_message == "<p>Local help is listed here.</p>"
