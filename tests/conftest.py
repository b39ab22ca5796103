from django.core.cache import cache

from wagtail.models import Site

import pytest

from home.models import HomePage
from practice.models import PracticeSettings, PracticeTelehealthState

from .factories import (
    ArticleIndexPageFactory,
    ServiceIndexPageFactory,
    TherapistIndexPageFactory,
)


@pytest.fixture
def home_page(db):
    """The home page the migrations create, as the root of the default site."""
    return HomePage.objects.get()


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def article_index(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def service_index(home_page):
    return ServiceIndexPageFactory(parent=home_page)


@pytest.fixture
def therapist_index(home_page):
    return TherapistIndexPageFactory(parent=home_page)


@pytest.fixture
def practice_settings(site):
    """The practice's contact and booking details, as an editor would fill them in."""
    return PracticeSettings.objects.create(
        site=site,
        practice_name="Riverbend Counseling Collective",
        phone="(205) 555-0142",
        booking_url="https://booking.example.org/riverbend",
        booking_label="Book a first session",
        telehealth_message="Telehealth appointments available across Alabama.",
    )


@pytest.fixture
def practice_with_telehealth(practice_settings):
    """The practice offers telehealth in Alabama and Georgia."""
    for state in ("AL", "GA"):
        PracticeTelehealthState.objects.create(practice=practice_settings, state=state)
    return practice_settings


@pytest.fixture(autouse=True)
def clear_cache():
    """The cache outlives each test's database rollback (Wagtail caches site roots there)."""
    cache.clear()
    yield
    cache.clear()
