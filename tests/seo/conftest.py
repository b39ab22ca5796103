"""One page of every type, on a site with the practice's identity filled in, built once per
test module: the SEO tests read it, and what one of them changes rolls back."""

import datetime
from decimal import Decimal

from wagtail.models import Page, Site

import pytest
from wagtailseo.models import SeoSettings

from home.models import HomePage
from practice.models import PracticeSettings

from ..factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleTopicFactory,
    ImageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    SpecialtyFactory,
    StandardPageFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
    credentials,
    languages,
    licences,
    telehealth_states,
)
from .markup import PRACTICE_NAME, SAME_AS, faq, heading, paragraph


@pytest.fixture(scope="module")
def seo_site(module_db) -> dict[str, int]:
    """The site and its pages, built once per module (see `module_db`): the pages' keys."""
    with module_db.unblock():
        site = build_practice_site(Site.objects.get(is_default_site=True))
        home_page = HomePage.objects.get()
        pages = build_pages(
            site,
            home_page,
            ArticleIndexPageFactory(parent=home_page),
            ServiceIndexPageFactory(parent=home_page),
            TherapistIndexPageFactory(parent=home_page),
        )
        return {key: page.pk for key, page in pages.items()}


@pytest.fixture
def practice_site(seo_site, db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def pages(seo_site, db):
    return {key: Page.objects.get(pk=pk).specific for key, pk in seo_site.items()}


@pytest.fixture
def article_index(pages):
    return pages["article_index"]


def build_practice_site(site):
    """The default site at the demo's public address, with the practice's identity filled in
    (PracticeSettings) and a default share image (wagtail-seo's SeoSettings)."""
    site.hostname, site.port, site.site_name = "127.0.0.1", 8000, PRACTICE_NAME
    site.save()
    seo = SeoSettings.for_site(site)
    seo.og_image_default = ImageFactory(title="Default share image")
    seo.save()
    practice = PracticeSettings.for_site(site)
    practice.practice_name = PRACTICE_NAME
    practice.logo = ImageFactory(title="Logo")
    practice.phone = "(205) 555-0142"
    practice.street_address = "100 Example Street"
    practice.locality, practice.region, practice.postal_code = "Birmingham", "AL", "35203"
    practice.latitude, practice.longitude = Decimal("33.5186"), Decimal("-86.8104")
    practice.opening_hours = [
        {
            "type": "hours",
            "value": {"days": ["Monday", "Tuesday"], "opens": "08:00", "closes": "18:00"},
        }
    ]
    practice.profile_links = [{"type": "profile", "value": url} for url in SAME_AS]
    practice.save()
    return site


def build_pages(practice_site, home_page, article_index, service_index, therapist_index):
    """One page of every type, related to each other as on the real site."""
    home_page.summary = "Counseling for anxiety and trauma in Birmingham, Alabama, and by video."
    home_page.save_revision().publish()
    service = ServicePageFactory(
        parent=service_index,
        title="Cognitive behavioral therapy",
        short_name="CBT",
        summary="A practical, structured therapy that helps you notice and change anxious thinking.",
        body=[faq("How long does CBT take?", "<p>Often twelve to twenty weekly sessions.</p>")],
    )
    other_service = ServicePageFactory(parent=service_index, title="EMDR therapy")
    therapist = TherapistPageFactory(
        parent=therapist_index,
        title="Dana Whitfield",
        credentials=credentials(("LPC", "Licensed Professional Counselor"), "NCC"),
        job_title="Clinical director",
        licences=licences(
            ("AL", "Licensed Professional Counselor", "AL-1234"),
            ("GA", "Licensed Professional Counselor", "GA-5678"),
        ),
        telehealth_states=telehealth_states("AL", "GA"),
        photo=ImageFactory(alt_text="Dana Whitfield smiling"),
        languages=languages("English", "Spanish"),
    )
    therapist.services.add(service)
    therapist.specialties.add(SpecialtyFactory(name="Panic attacks"))
    therapist.save()
    reviewer = TherapistPageFactory(
        parent=therapist_index, title="Sam Ortega", credentials=credentials("PhD")
    )
    article = ArticlePageFactory(
        parent=article_index,
        title="Calming a racing mind at night",
        summary="Simple steps to settle worry at bedtime, written by one of our therapists.",
        hero_image=ImageFactory(alt_text="A dim bedroom with a reading lamp"),
        author=therapist,
        clinical_reviewer=reviewer,
        first_published=datetime.date(2024, 3, 1),
        last_reviewed=datetime.date(2025, 1, 15),
        body=[
            heading("Why worry grows at night"),
            paragraph("<p>When the day goes quiet, worries get louder.</p>"),
            heading("Try this", "h3"),
            faq("Is it normal to worry at night?", "<p>Yes, and it can ease.</p>"),
        ],
    )
    article.related_services.add(service, other_service)
    article.topics.add(ArticleTopicFactory(name="Sleep"))
    article.save()
    standard = StandardPageFactory(
        parent=home_page,
        title="Fees and insurance",
        summary="",
        body=[paragraph("<p>" + "We accept most major plans and offer a sliding scale. " * 3)],
    )
    return {
        "home": home_page,
        "standard": standard,
        "article_index": article_index,
        "article": article,
        "service_index": service_index,
        "service": service,
        "therapist_index": therapist_index,
        "therapist": therapist,
    }
