import pytest

from wagtail.models import Site

from home.models import HomePage

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
