"""Every page is built with a small, fixed number of SQL queries, however much content the
practice publishes: listings prefetch images, authors and relations instead of querying per
card (the N+1 problem)."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from wagtailseo.models import SeoSettings

from home.models import HomeFeaturedService, HomeFeaturedTherapist, HomePage
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


def count_queries(client, url):
    # The first view of a page creates image renditions and caches the site's settings, once
    # for all visitors; the second shows what every later visitor costs.
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_queries_do_not_grow_with_content(client, content):
    """From five of everything to twenty: past a listing's first page of ten."""
    with_5 = {name: count_queries(client, url) for name, url in content.urls().items()}

    content.grow(20)
    with_20 = {name: count_queries(client, url) for name, url in content.urls().items()}

    assert with_20 == with_5


# Measured bounds; raise one only with a reason, and never above 15 (the limit for a
# page built from the database). Every page pays for Wagtail's routing: the site root's
# specific page, then two queries per level of the tree (the child, its specific page), and
# two for view restrictions. The Site record, the practice settings, the menu, the footer,
# the metadata and JSON-LD, the breadcrumbs and each page's own main content (an article's
# byline and body, a profile, a service's text, the filter form) are shared fragments kept
# under the cache generation (practice/cache.py), warm here as for every visitor but the
# first after a change. A listing then costs three queries whatever its length (the pages,
# their images, the images' renditions) plus one for view restrictions (`.public()`).
MAX_QUERIES = {
    "home": 14,  # featured services and therapists (with credentials), latest articles
    "article index": 13,  # count + page of cards with topics, the topic list
    "article index, page 2": 13,
    "topic": 14,  # the topic, count + page of cards with topics, the topic list
    "topic, by service": 15,  # and the service
    "article": 14,  # its topics and linked services, related article cards
    "service index": 9,  # one page of service cards
    "service": 15,  # therapist cards (with credentials and licences), article cards
    "therapist index": 13,  # count + page of cards with specialties and credentials
    "therapist": 7,  # the page; its profile is one fragment
}


def test_no_page_type_runs_more_than_15_queries():
    assert max(MAX_QUERIES.values()) <= 15


@pytest.mark.parametrize("name", MAX_QUERIES)
def test_query_count_is_bounded(client, content, django_assert_max_num_queries, name):
    url = content.urls()[name]
    assert client.get(url).status_code == 200

    with django_assert_max_num_queries(MAX_QUERIES[name]):
        client.get(url)
