from io import StringIO

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import Page, Site

import pytest

from home.models import HomePage
from practice.models import PracticeSettings, PracticeTelehealthState

from .database_copies import keep_migrated_template, release_test_database, restore_migrated_content
from .editorial import make_user
from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ServiceIndexPageFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
)
from .scheduling import ModulesThenDemoScheduling

DEMO_FIXTURE = "demo_content"


def pytest_collection_modifyitems(items):
    """Tests of the demo site run last, after pytest-django's own ordering.

    The demo site is built once per session and committed to the test database (see
    `demo_content`), so every test that runs after the build sees it. Putting those tests
    last keeps an empty site for all the others, and keeps the build after the transactional
    tests, whose flush would otherwise remove it.
    """
    items.sort(key=lambda item: DEMO_FIXTURE in getattr(item, "fixturenames", ()))


def pytest_xdist_make_scheduler(config, log):
    return ModulesThenDemoScheduling(config, log)


_migrated_contents = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, and a copy of what the migrations put in it, which
    Django keeps on the connection object to restore after each transactional test (and, on
    PostgreSQL, as a template database for the processes some tests start)."""
    _migrated_contents["default"] = getattr(connection, "_test_serialized_contents", None)
    with django_db_blocker.unblock():
        keep_migrated_template()
    yield
    with django_db_blocker.unblock():
        release_test_database()


def keep_serialized_contents():
    """Playwright's sync API runs the browser tests in greenlets, after which the test thread
    can hold a new connection object without the serialized contents. Django would then flush
    without restoring what the migrations created. Give them back around every test."""
    contents = _migrated_contents.get("default")
    if contents is not None and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = contents


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    keep_serialized_contents()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    keep_serialized_contents()


@pytest.fixture(scope="session")
def demo_content(django_db_setup, django_db_blocker):
    """Build the demo site once per test session, outside any test's transaction."""
    with django_db_blocker.unblock():
        restore_migrated_content()
        with override_settings(DEBUG=True):  # the command refuses to run in production
            call_command("load_demo_content", stdout=StringIO())
        visit_every_page()


def visit_every_page():
    """Each live page of the demo site once, as its first visitor would, outside any test's
    transaction: the image renditions the pages create are kept for every demo test after.
    Otherwise each test that shows a page encodes its images again (an AVIF hero costs about a
    second) and its rollback throws them away."""
    client = Client()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        for path in page.get_sitemap_urls() or [{"location": page.url}]:
            response = client.get(path["location"])
            assert response.status_code < 500, (path["location"], response.status_code)


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around one test module, rolled back when its tests are done, so that data
    its tests share is built once per module rather than once per test (as Django's
    TestCase.setUpTestData does per class). Each test still runs in its own savepoint inside
    it, so what a test changes rolls back before the next. Build with
    `with module_db.unblock(): ...`; give each test fresh instances (fetched by primary key),
    as a test may change the ones it is given."""
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
    yield django_db_blocker
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


@pytest.fixture
def demo_site(demo_content, db):
    """The demo site as `make run` serves it. Each test's changes roll back with its
    transaction, so the next demo test finds the site as built."""
    return Site.objects.get(is_default_site=True)


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


@pytest.fixture
def settings_url(site):
    """Settings › Practice settings in the admin."""
    return reverse("wagtailsettings:edit", args=["practice", "practicesettings", site.pk])


@pytest.fixture
def uncached_pages(settings):
    """The page cache off: every response is built by the views and templates, from the
    shared fragments (practice/cache.py)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def clear_cache():
    """The caches outlive each test's database rollback (Wagtail caches site roots and image
    renditions there, by ids a later test may reuse)."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


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
