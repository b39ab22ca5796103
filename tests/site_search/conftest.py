"""A small site to search, built once per test module (see `module_db`): the search tests
read it, and what one of them changes rolls back."""

import json

from wagtail.models import Page

import pytest

from home.models import HomePage

from ..factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleTopicFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    SpecialtyFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
    credentials,
)
from .results import paragraphs


@pytest.fixture(scope="module")
def search_site(module_db) -> dict[str, int]:
    """The small site, built once per module: its pages' primary keys."""
    with module_db.unblock():
        home_page = HomePage.objects.get()
        indexes = {
            "article_index": ArticleIndexPageFactory(parent=home_page),
            "service_index": ServiceIndexPageFactory(parent=home_page),
            "therapist_index": TherapistIndexPageFactory(parent=home_page),
        }
        pages = {**indexes, **build_practice(**indexes)}
        return {key: page.pk for key, page in pages.items()}


def fresh_page(search_site, key):
    return Page.objects.get(pk=search_site[key]).specific


@pytest.fixture
def article_index(search_site, db):
    return fresh_page(search_site, "article_index")


@pytest.fixture
def service_index(search_site, db):
    return fresh_page(search_site, "service_index")


@pytest.fixture
def therapist_index(search_site, db):
    return fresh_page(search_site, "therapist_index")


@pytest.fixture
def practice(search_site, db):
    """A small site: two services, a therapist and three articles that talk about them."""
    keys = ("ifs", "cbt", "therapist", "guilt", "panic", "mornings")
    return {key: fresh_page(search_site, key) for key in keys}


def build_practice(article_index, service_index, therapist_index):
    ifs = ServicePageFactory(
        parent=service_index,
        title="Internal Family Systems",
        short_name="IFS",
        summary="A gentle way to understand the parts of you that pull in different directions.",
    )
    cbt = ServicePageFactory(
        parent=service_index,
        title="Cognitive behavioral therapy",
        short_name="CBT",
        summary="Practical tools for changing unhelpful patterns of thought.",
    )
    therapist = TherapistPageFactory(
        parent=therapist_index,
        title="Dana Anderson",
        credentials=credentials("LCSW", "PMH-C"),
        summary="I work with new parents and people living with worry.",
    )
    therapist.specialties.add(SpecialtyFactory(name="Perinatal mood disorders"))
    therapist.services.add(ifs)
    therapist.save()
    parenting = ArticleTopicFactory(name="Parenting")
    guilt = ArticlePageFactory(
        parent=article_index,
        title="Mom guilt: why it shows up and how to ease it",
        summary="Why so many mothers feel they are falling short, and what helps.",
        author=therapist,
        body=json.dumps(
            [
                {"type": "paragraph", "value": "<p>Guilt often follows the mental load.</p>"},
                {
                    "type": "strategies",
                    "value": {
                        "numbered": True,
                        "items": [
                            {
                                "title": "Name the standard",
                                "text": "<p>Picture a lighthouse keeper who rests between storms.</p>",
                            }
                        ],
                    },
                },
            ]
        ),
    )
    guilt.topics.add(parenting)
    guilt.save()
    panic = ArticlePageFactory(
        parent=article_index,
        title="Understanding panic attacks",
        summary="What happens in the body during panic, and how to ride it out.",
        body=paragraphs("Slow breathing can help."),
    )
    mornings = ArticlePageFactory(
        parent=article_index,
        title="Gentler mornings",
        summary="Small routines for a calmer start to the day.",
        body=paragraphs("Some people wake with panic attacks.", "Panic attacks are common."),
    )
    return {
        "ifs": ifs,
        "cbt": cbt,
        "therapist": therapist,
        "guilt": guilt,
        "panic": panic,
        "mornings": mornings,
    }
