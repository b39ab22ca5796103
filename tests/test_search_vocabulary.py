"""The practice's vocabulary: staff-edited synonyms applied on every database, "did you mean"
from the site's own words, and ranking for intent (search/relevance.py)."""

import re

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from search.models import SearchSynonym
from search.vocabulary import SynonymSet, corrected_words, site_vocabulary

from .factories import (
    ArticlePageFactory,
    ArticleTopicFactory,
    ServicePageFactory,
    SpecialtyFactory,
    StandardPageFactory,
    TherapistPageFactory,
)

SEARCH_URL = reverse("search")
RESULT_LINK = re.compile(r'class="search-result__title"><a href="([^"]*)">')


def result_urls(client, query, **params):
    response = client.get(SEARCH_URL, {"q": query, **params})
    assert response.status_code == 200
    return RESULT_LINK.findall(response.content.decode())


# Synonyms


def test_the_starting_synonyms_are_seeded(db):
    seeded = " | ".join(SearchSynonym.objects.values_list("terms", flat=True))
    for pair in (
        ("ptsd", "trauma"),
        ("marriage", "couples"),
        ("kids", "children"),
        ("teen", "adolescent"),
        ("postpartum", "perinatal"),
        ("ocd", "obsessive compulsive"),
    ):
        assert any(all(term in group for term in pair) for group in seeded.split(" | ")), pair


def test_synonym_groups_expand_words_and_phrases(db):
    synonyms = SynonymSet.load()
    groups = synonyms.expand(["ptsd", "help"])
    assert groups[0][0] == ("ptsd",)
    assert ("trauma",) in groups[0]
    assert groups[1] == (("help",),)
    ocd = synonyms.expand(["obsessive", "compulsive", "thoughts"])
    assert ocd[0][0] == ("obsessive", "compulsive") and ("ocd",) in ocd[0]
    assert synonyms.expand(["teenagers"])[0][0] == ("teenagers",)  # by stem: "teenager"
    assert ("adolescent",) in synonyms.expand(["teenagers"])[0]


def test_a_synonym_finds_pages_that_use_the_other_word(client, service_index, article_index):
    emdr = ServicePageFactory(parent=service_index, title="EMDR", summary="For trauma.")
    walks = ArticlePageFactory(parent=article_index, title="Spring walks", summary="Fresh air.")
    urls = result_urls(client, "ptsd")
    assert urls[0] == emdr.url
    assert walks.url not in urls


def test_staff_add_a_synonym_in_the_admin(client, django_user_model, service_index):
    page = ServicePageFactory(parent=service_index, title="Skills group", summary="Zorbing.")
    assert result_urls(client, "quibble") == []
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    response = client.post(
        reverse("wagtailsnippets_search_searchsynonym:add"), {"terms": "Quibble,  ZORBING "}
    )
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(terms="quibble, zorbing").exists()
    assert result_urls(client, "quibble") == [page.url]


def test_a_synonym_needs_two_terms(db):
    with pytest.raises(ValidationError):
        SearchSynonym(terms="lonely").full_clean()
    with pytest.raises(ValidationError):
        SearchSynonym(
            terms="PTSD, trauma, traumatic, post-traumatic stress, flashbacks"
        ).full_clean()


# Did you mean


def test_corrections_come_from_the_sites_words(db):
    vocabulary = frozenset(["anxiety", "mindfulness", "couples", "therapy"])
    assert corrected_words(["anxeity"], vocabulary) == ["anxiety"]
    assert corrected_words(["cuples", "therapy"], vocabulary) == ["couples", "therapy"]
    assert corrected_words(["anxiety"], vocabulary) is None
    assert corrected_words(["anxieties"], vocabulary) is None  # a form of a site word
    assert corrected_words(["anxi"], vocabulary) is None  # the start of one
    assert corrected_words(["xylophone"], vocabulary) is None  # nothing close


def test_new_page_titles_join_the_vocabulary_at_once(client, service_index):
    page = ServicePageFactory(parent=service_index, title="Club", live=False)
    assert "zorbing" not in site_vocabulary(None)
    page.title = "Zorbing club"
    page.save_revision().publish()
    assert "zorbing" in site_vocabulary(None)


def test_did_you_mean_from_a_title(client, service_index):
    page = ServicePageFactory(parent=service_index, title="Mindfulness group")
    html = client.get(SEARCH_URL, {"q": "mindfullness"}).content.decode()
    assert "Showing results for <strong>mindfulness</strong>" in html
    assert RESULT_LINK.findall(html) == [page.url]


# Ranking for intent


@pytest.fixture
def anxiety_site(home_page, article_index, service_index, therapist_index):
    anxiety = ArticleTopicFactory(name="Anxiety")
    about = ArticlePageFactory(
        parent=article_index, title="Calming an anxious body", summary="Breathing helps."
    )
    about.topics.add(anxiety)
    about.save()
    titled = ServicePageFactory(parent=service_index, title="Anxiety group", summary="Weekly.")
    mentions = ArticlePageFactory(
        parent=article_index,
        title="A good night's sleep",
        summary="Rest.",
        body='[{"type": "paragraph", "value": "<p>Anxiety, anxiety and more anxiety.</p>"}]',
    )
    therapist = TherapistPageFactory(parent=therapist_index, title="Robin Anxiety-Free")
    therapist.specialties.add(SpecialtyFactory(name="Anxiety"))
    therapist.save()
    generalist = TherapistPageFactory(
        parent=therapist_index, title="Jo Park", summary="Anxiety, depression and more."
    )
    utility = StandardPageFactory(
        parent=home_page, title="Fees", summary="What anxiety treatment costs."
    )
    return locals()


def test_pages_about_the_query_come_first(client, anxiety_site):
    urls = result_urls(client, "anxiety")
    expected = [anxiety_site["titled"].url, anxiety_site["about"].url]
    assert urls[:2] == expected
    assert urls.index(anxiety_site["utility"].url) > urls.index(anxiety_site["about"].url)
    assert urls.index(anxiety_site["mentions"].url) > urls.index(anxiety_site["generalist"].url)


def test_a_therapists_name_finds_the_therapist_first(client, anxiety_site):
    assert result_urls(client, "jo park")[0] == anxiety_site["generalist"].url
    assert result_urls(client, "park")[0] == anxiety_site["generalist"].url
