from django.core.cache import cache

from wagtail.models import Site

import pytest

from home.models import HomePage
from practice.models import PracticeSettings

from .editorial import make_user
from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ServiceIndexPageFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
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


@pytest.fixture(autouse=True)
def clear_cache():
    """The cache outlives each test's database rollback (Wagtail caches site roots there)."""
    cache.clear()
    yield
    cache.clear()


# Staff in the three editorial roles, and an article they work on.


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "editor", "Editors")


@pytest.fixture
def reviewer(db, django_user_model, therapist_index):
    user = make_user(django_user_model, "reviewer", "Clinical reviewers")
    TherapistPageFactory(parent=therapist_index, title="Dana Reyes", user=user)
    return user


@pytest.fixture
def site_manager(db, django_user_model):
    return make_user(django_user_model, "manager", "Site managers")


@pytest.fixture
def draft_article(article_index, editor):
    article = ArticlePageFactory(parent=article_index, live=False, owner=editor)
    article.save_revision(user=editor)
    return article
