"""Every page is built with a small, fixed number of SQL queries, however much content the
practice publishes: listings prefetch images, authors and relations instead of querying per
card (the N+1 problem)."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from wagtailseo.models import SeoSettings

from home.models import HomeFeaturedService, HomeFeaturedTherapist, HomePage
from practice.cache import bump_generation
from practice.models import PracticeSettings

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleTopicFactory,
    ClientGroupFactory,
    ImageFactory,
    InsuranceProviderFactory,
    LanguageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    SpecialtyFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
    licences,
    telehealth_states,
)

FEATURED_ON_HOME = 6


class PracticeContent:
    """A practice site filled the way editors fill it: every article has an author, a clinical
    reviewer, a hero image, topics and services; every therapist a photo, services, specialties,
    client groups, insurers, languages, credentials, licences and telehealth states. `grow(n)` adds services, therapists and articles until there
    are n of each.

    The measured pages are the first service (offered by every therapist, discussed by every
    article), the first therapist (the clinical reviewer of every article) and the first article,
    so that the lists on those pages grow with the content."""

    def __init__(self, home, article_index, service_index, therapist_index):
        self.home = home
        self.indexes = {
            "article": article_index,
            "service": service_index,
            "therapist": therapist_index,
        }
        self.topics = [ArticleTopicFactory(name=name) for name in ("Anxiety", "Trauma", "Sleep")]
        self.specialties = [
            SpecialtyFactory(name=name) for name in ("Panic attacks", "PTSD", "Grief", "OCD")
        ]
        self.insurers = [InsuranceProviderFactory(name=name) for name in ("Aetna", "Cigna")]
        self.client_groups = [ClientGroupFactory(name=name) for name in ("Adults", "Teens")]
        self.languages = [LanguageFactory(name=name) for name in ("English", "Spanish")]
        self.services, self.therapists, self.articles = [], [], []
        navigation = [
            {"type": "link", "value": {"page": index.pk, "label": "", "url": ""}}
            for index in self.indexes.values()
        ]
        PracticeSettings.objects.create(
            site=home.get_site(),
            practice_name="Riverbend Counseling Collective",
            phone="(205) 555-0142",
            booking_url="https://booking.example.org/riverbend",
            street_address="1200 Riverbend Parkway",
            locality="Birmingham",
            region="AL",
            postal_code="35203",
            navigation=navigation,
        )
        # Created by the first page view otherwise, which would make the site's fragments stale.
        SeoSettings.objects.get_or_create(site=home.get_site())

    def grow(self, total):
        while len(self.services) < total:
            self.add_service()
        while len(self.therapists) < total:
            self.add_therapist()
        while len(self.articles) < total:
            self.add_article()

    def add_service(self):
        number = len(self.services)
        service = ServicePageFactory(
            parent=self.indexes["service"],
            image=ImageFactory(),
            body=[
                {"type": "heading", "value": {"text": "Who it helps", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Adults and teens living with worry.</p>"},
            ],
        )
        self.services.append(service)
        if number < FEATURED_ON_HOME:
            HomeFeaturedService.objects.create(page=self.home, service=service, sort_order=number)

    def add_therapist(self):
        number = len(self.therapists)
        therapist = TherapistPageFactory(
            parent=self.indexes["therapist"],
            photo=ImageFactory(),
            services=[self.services[0], self.services[number % len(self.services)]],
            specialties=pick(self.specialties, number, 2),
            client_groups=pick(self.client_groups, number, 1),
            insurance_accepted=pick(self.insurers, number, 1),
            languages=pick(self.languages, number, 2),
            licences=licences(
                ("AL", "Licensed Professional Counselor", f"AL-{number}"),
                ("GA", "Licensed Professional Counselor", f"GA-{number}"),
            ),
            telehealth_states=telehealth_states("AL", "GA"),
            bio="<p>I work with adults who want calmer days.</p>",
        )
        self.therapists.append(therapist)
        if number < FEATURED_ON_HOME:
            HomeFeaturedTherapist.objects.create(
                page=self.home, therapist=therapist, sort_order=number
            )

    def add_article(self):
        number = len(self.articles)
        article = ArticlePageFactory(
            parent=self.indexes["article"],
            hero_image=ImageFactory(),
            author=self.therapists[number % len(self.therapists)],
            clinical_reviewer=self.therapists[0],
            topics=pick(self.topics, number, 2),
            related_services=[self.services[0], self.services[number % len(self.services)]],
            body=[
                {"type": "heading", "value": {"text": "What helps", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Small, steady steps.</p>"},
                {"type": "image", "value": {"image": ImageFactory().pk, "caption": "A walk"}},
                {"type": "service_card", "value": {"service": self.services[0].pk}},
                {"type": "call_to_action", "value": {"heading": "Ready to talk?"}},
            ],
        )
        self.articles.append(article)

    def pages(self):
        return {"services": self.services, "therapists": self.therapists, "articles": self.articles}

    def forget_all_but(self, kept):
        for name, pages in self.pages().items():
            pages[:] = kept[name]

    def urls(self):
        return {
            "home": self.home.url,
            "article index": self.indexes["article"].url,
            "article index, page 2": f"{self.indexes['article'].url}?page=2",
            "topic": f"{self.indexes['article'].url}topics/{self.topics[0].slug}/",
            "topic, by service": (
                f"{self.indexes['article'].url}topics/{self.topics[0].slug}/"
                f"?service={self.services[0].slug}"
            ),
            "article": self.articles[0].url,
            "service index": self.indexes["service"].url,
            "service": self.services[0].url,
            "therapist index": self.indexes["therapist"].url,
            "therapist": self.therapists[0].url,
        }


def pick(items, start, count):
    return list(itertools.islice(itertools.cycle(items), start, start + count))


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    """These bounds are for pages rendered from the database: the anonymous page cache
    (practice/cache.py) is turned off, as it is for every first visitor after a change."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(scope="module")
def content_of_five(module_db):
    """Five services, therapists and articles, built once for the module (see `module_db`)."""
    with module_db.unblock():
        home = HomePage.objects.get()
        content = PracticeContent(
            home,
            ArticleIndexPageFactory(parent=home),
            ServiceIndexPageFactory(parent=home),
            TherapistIndexPageFactory(parent=home),
        )
        content.grow(5)
        return content


@pytest.fixture
def content(content_of_five, db):
    """The module's content; what a test adds rolls back with it, and is forgotten here too."""
    kept = {name: list(pages) for name, pages in content_of_five.pages().items()}
    yield content_of_five
    content_of_five.forget_all_but(kept)


def first_view_after_a_change(client, url, other_url):
    """What the first visitor of a page costs after a change elsewhere on the site (a new cache
    generation): the page is built from the database, its own fragments included, while the
    site-wide parts (Site, settings, menu, header, footer) were rebuilt by a visitor of another
    page. The page was viewed once before, so its image renditions exist, as on a live site."""
    assert client.get(url).status_code == 200
    bump_generation()
    assert client.get(other_url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_queries_do_not_grow_with_content(client, content):
    """From five of everything to twenty: past a listing's first page of ten."""
    other = content.urls()["service index"]
    with_5 = {
        name: first_view_after_a_change(client, url, other) for name, url in content.urls().items()
    }

    content.grow(20)
    with_20 = {
        name: first_view_after_a_change(client, url, other) for name, url in content.urls().items()
    }

    assert with_20 == with_5


# Measured bounds; raise one only with a reason, and never above 15 (the limit for a
# page built from the database). Every page pays for Wagtail's routing: two queries per level
# of the tree below the home page (the child, its specific page). The Site record with its
# home page, the settings (with the logo, telehealth states and default share image), the
# menu, the header and the footer are rebuilt once per change by whichever page is viewed
# first, not by each page. A listing costs three queries whatever its length (the pages,
# their images, the images' renditions) and its relations; with no private page on the site,
# neither the view nor `.public()` reads view restrictions.
MAX_QUERIES = {
    "home": 12,  # featured services and therapists (with credentials), latest articles
    "article index": 8,  # count + page of cards with topics, the topic list
    "article index, page 2": 8,
    "topic": 9,  # the topic, count + page of cards with topics, the topic list
    "topic, by service": 10,  # and the service
    "article": 15,  # author and reviewer (credentials, licences), topics, services, related
    "service index": 5,  # one page of service cards
    "service": 11,  # therapist cards (with credentials and licences), article cards
    "therapist index": 14,  # the filter's choices, count + page of cards with specialties
    "therapist": 14,  # the page; its profile's relations
}
# Once a page's own parts are cached too, as for every later visitor until the next change:
# at most a listing's count, the topic of a topic page and a filter's chosen value.
MAX_QUERIES_AGAIN = 3


def test_no_page_type_runs_more_than_15_queries():
    assert max(MAX_QUERIES.values()) <= 15


@pytest.mark.parametrize("name", MAX_QUERIES)
def test_query_count_is_bounded(client, content, name):
    urls = content.urls()
    other = urls["service index" if name != "service index" else "home"]

    assert first_view_after_a_change(client, urls[name], other) <= MAX_QUERIES[name]

    with CaptureQueriesContext(connection) as queries:
        client.get(urls[name])
    assert len(queries.captured_queries) <= MAX_QUERIES_AGAIN
