"""The demo content command builds a complete site, and running it again changes nothing."""

import re
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page, Revision, Site

import pytest
import time_machine
from wagtailseo.models import SeoSettings

from articles.models import ArticleIndexPage, ArticlePage, ArticleTopic
from home.demo import articles as demo_articles
from home.demo.stream import heading, paragraph
from home.models import HomeFeaturedService, HomeFeaturedTherapist, HomePage, StandardPage
from practice.images import PracticeImage
from practice.models import PracticeSettings, PracticeTelehealthState
from services.models import (
    AppointmentRequestPage,
    ClientGroup,
    InsuranceProvider,
    Language,
    ServiceIndexPage,
    ServicePage,
    Specialty,
    TherapistCredential,
    TherapistIndexPage,
    TherapistLicence,
    TherapistPage,
    TherapistTelehealthState,
)

COUNTED_MODELS = [
    HomePage,
    ArticleIndexPage,
    ArticlePage,
    ServiceIndexPage,
    ServicePage,
    TherapistIndexPage,
    TherapistPage,
    StandardPage,
    AppointmentRequestPage,
    HomeFeaturedService,
    HomeFeaturedTherapist,
    ArticleTopic,
    Specialty,
    ClientGroup,
    InsuranceProvider,
    Language,
    TherapistCredential,
    TherapistLicence,
    TherapistTelehealthState,
    PracticeImage,
    Site,
    PracticeSettings,
    PracticeTelehealthState,
    SeoSettings,
    Revision,
]
MOM_GUILT = "when-mom-guilt-wont-let-up"


def load_demo_content() -> str:
    out = StringIO()
    with override_settings(DEBUG=True):  # the command refuses to run in production
        call_command("load_demo_content", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


def page_states() -> list[tuple]:
    """What a run of the loader could change about a page: its content, dates and publication."""
    return list(
        Page.objects.order_by("pk").values_list(
            "pk",
            "latest_revision_id",
            "live_revision_id",
            "last_published_at",
            "latest_revision_created_at",
            "has_unpublished_changes",
        )
    )


def test_second_run_creates_and_changes_nothing(demo_site):
    before = counts()
    files = sorted(PracticeImage.objects.values_list("file", flat=True))

    output = load_demo_content()

    assert counts() == before
    assert sorted(PracticeImage.objects.values_list("file", flat=True)) == files
    assert "created" not in output
    assert "updated" not in output
    assert re.search(r"^Pages: \d+ unchanged$", output, re.MULTILINE)


@pytest.mark.parametrize("days_later", [1, 400])
def test_a_run_on_a_later_day_changes_nothing(demo_site, days_later):
    """Demo dates are set when a page is first created: a later day must not move them,
    republish pages or add revisions."""
    before, pages = counts(), page_states()
    dates = list(
        ArticlePage.objects.order_by("pk").values_list(
            "first_published", "last_reviewed", "next_review_due"
        )
    )
    availability = list(
        TherapistPage.objects.order_by("pk").values_list("availability_as_of", flat=True)
    )

    with time_machine.travel(timezone.now() + timedelta(days=days_later), tick=False):
        output = load_demo_content()

    assert counts() == before
    assert page_states() == pages
    assert "updated" not in output
    assert (
        list(
            ArticlePage.objects.order_by("pk").values_list(
                "first_published", "last_reviewed", "next_review_due"
            )
        )
        == dates
    )
    assert (
        list(TherapistPage.objects.order_by("pk").values_list("availability_as_of", flat=True))
        == availability
    )


def test_rerun_restores_edited_content_in_place(demo_site):
    service = ServicePage.objects.get(slug="cognitive-behavioral-therapy")
    service.summary = "Edited by hand."
    service.save_revision().publish()
    Specialty.objects.filter(slug="panic-attacks").update(name="Panic")
    before = counts()

    output = load_demo_content()

    service.refresh_from_db()
    assert service.summary.startswith("A practical, structured therapy")
    assert Specialty.objects.get(slug="panic-attacks").name == "Panic attacks"
    assert re.search(r"^Pages: 1 updated, \d+ unchanged$", output, re.MULTILINE)
    # One new revision for the restored page; nothing else is created.
    assert counts() == {**before, "Revision": before["Revision"] + 1}


def test_demo_site_is_complete_and_live(demo_site):
    home = HomePage.objects.get()
    assert (demo_site.hostname, demo_site.port, demo_site.root_page_id) == (
        "127.0.0.1",
        8000,
        home.pk,
    )
    assert demo_site.site_name == "Riverbend Counseling Collective"
    assert ServicePage.objects.live().count() >= 8
    assert TherapistPage.objects.live().count() >= 6
    assert ArticlePage.objects.live().count() >= 3
    assert not Page.objects.filter(depth__gt=1, live_revision__isnull=True).exists()
    assert [link.service.short_name for link in home.featured_services.all()] == [
        "CBT",
        "IFS",
        "Mindfulness",
        "EMDR",
    ]
    assert home.featured_therapists.count() == 3
    assert not PracticeImage.objects.filter(description="").exists()


def test_the_demo_is_addressed_where_it_is_served(demo_site, client, settings):
    """`make serve` (port 8080) after `make run` (8000) on the same database: the canonical
    URLs follow SITE_URL instead of naming the other server."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8080"
    assert "Site: 1 updated" in load_demo_content()
    demo_site.refresh_from_db()
    assert (demo_site.hostname, demo_site.port) == ("127.0.0.1", 8080)
    html = client.get("/", HTTP_HOST="127.0.0.1:8080").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8080/">' in html


def test_therapist_profiles_are_marked_as_samples(demo_site):
    therapists = TherapistPage.objects.select_related("photo")
    for therapist in therapists:
        assert "Sample profile for demonstration" in therapist.bio
        licences = list(therapist.licences.all())
        assert licences
        assert all(licence.number.startswith("SAMPLE-") for licence in licences)
        assert therapist.photo.alt_text == f"Sample portrait placeholder for {therapist.title}"
        assert therapist.services.exists()
    assert therapists.filter(accepting_new_clients=False).exists()
    assert therapists.filter(languages__name="Spanish").exists()
    assert therapists.filter(telehealth_states__state="GA").exists()
    assert {t.credential_list[0].abbreviation for t in therapists} >= {
        "LPC",
        "LCSW",
        "LMFT",
        "PhD",
        "PsyD",
    }


def test_settings_point_at_demo_pages(demo_site, client):
    practice = PracticeSettings.for_site(demo_site)
    request_page = AppointmentRequestPage.objects.get(slug="request-an-appointment")
    assert practice.phone_href == "tel:+12055550142"
    assert practice.booking_url == ""  # the booking buttons go to the request form
    assert client.get(request_page.url).status_code == 200
    assert f'href="{request_page.url}"' in client.get("/").content.decode()
    assert [link.value.href for link in practice.navigation] == [
        "/services/",
        "/therapists/",
        "/articles/",
        "/about-us/",
        "/fees-and-insurance/",
    ]

    nodes = HomePage.objects.get().get_structured_data()
    organisation = next(node for node in nodes if node["@type"] == "MedicalClinic")
    assert organisation["name"] == practice.practice_name
    assert organisation["medicalSpecialty"] == "Psychiatric"
    assert organisation["isAcceptingNewPatients"] is True
    assert organisation["telephone"] == "+12055550142"
    assert organisation["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 33.5021,
        "longitude": -86.8025,
    }
    assert len(organisation["openingHoursSpecification"]) == 3
    assert organisation["areaServed"] == [{"@type": "State", "name": "Alabama"}]
    assert len(organisation["sameAs"]) == 2
    assert organisation["logo"]["url"]


def test_mom_guilt_article_has_the_reference_structure(demo_site, client):
    article = ArticlePage.objects.get(slug=MOM_GUILT)
    blocks = list(article.body)
    headings = [block.value["text"] for block in blocks if block.block_type == "heading"]
    assert headings == ["What is mom guilt?", "Ways to ease mom guilt", "How therapy can help"]
    assert blocks[0].block_type == "paragraph"
    assert blocks[-1].block_type == "call_to_action"

    (strategies,) = [block for block in blocks if block.block_type == "strategies"]
    assert len(strategies.value["items"]) == 5

    therapy_section = next(
        blocks[index:]
        for index, block in enumerate(blocks)
        if block.block_type == "heading" and block.value["text"] == "How therapy can help"
    )
    therapy_list = next(block for block in therapy_section if block.block_type == "bulleted_list")
    linked_ids = {
        int(page_id)
        for item in therapy_list.value["items"]
        for page_id in re.findall(r'linktype="page" id="(\d+)"', item.source)
    }
    services = {page.slug: page for page in ServicePage.objects.all()}
    expected = [
        "cognitive-behavioral-therapy",
        "internal-family-systems",
        "mindfulness-based-therapy",
    ]
    assert linked_ids == {services[slug].pk for slug in expected}

    assert {topic.name for topic in article.topics.all()} == {"Parenting", "Women's issues"}
    assert set(article.related_services.values_list("slug", flat=True)) == {
        *expected,
        "perinatal-and-postpartum-therapy",
    }
    assert article.author.title == "Elena Marquez"
    assert article.clinical_reviewer.title == "Nathaniel Brooks"
    assert article.last_reviewed < article.next_review_due

    html = client.get(article.url).content.decode()
    for slug in expected:
        assert f'href="/services/{slug}/"' in html


def test_invalid_demo_content_fails_loudly_and_changes_nothing(demo_site, monkeypatch):
    skipping = {
        **demo_articles.ARTICLES[MOM_GUILT],
        "body": [paragraph("Hi"), heading("Deep", "h4")],
    }
    monkeypatch.setitem(demo_articles.ARTICLES, MOM_GUILT, skipping)
    before, pages = counts(), page_states()

    with pytest.raises(CommandError, match="skips a level"):
        load_demo_content()

    assert counts() == before
    assert page_states() == pages
    assert ArticlePage.objects.get(slug=MOM_GUILT).body[0].value.source != "<p>Hi</p>"


def test_create_demo_admin_refuses_when_debug_is_off(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("create_demo_admin", stdout=StringIO())
    assert not get_user_model().objects.exists()


def test_create_demo_admin_creates_then_resets_the_superuser(db, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("create_demo_admin", stdout=out)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.check_password("admin")
    assert "http://127.0.0.1:8000/admin/login/" in out.getvalue()

    user.set_password("something-else")
    user.save()
    call_command("create_demo_admin", stdout=StringIO())
    user.refresh_from_db()
    assert user.check_password("admin")
    assert get_user_model().objects.count() == 1
