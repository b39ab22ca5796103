"""Crisis awareness in search: crisis queries show the resources first and are never recorded;
staff manage the crisis terms."""

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query

import pytest

from search.models import CrisisTerm

from .results import CRISIS_RESPONSE, search

# Crisis awareness


@pytest.mark.parametrize(
    "query", ["suicide", "I want to KILL MYSELF", "self-harm help", "overdose", "can't go on"]
)
def test_crisis_queries_show_resources_first_and_are_never_recorded(client, practice, query):
    html = search(client, q=query).content.decode()
    assert CRISIS_RESPONSE in html
    banner = html[html.index(CRISIS_RESPONSE) :]
    assert 'href="tel:988"' in banner and 'href="tel:911"' in banner
    assert html.index(CRISIS_RESPONSE) < html.index('class="search-form')
    assert not Query.objects.exists()


def test_everyday_queries_have_no_crisis_banner(client, practice):
    for query in ("panic attacks", "cutting back on coffee", "overdue bill"):
        assert CRISIS_RESPONSE not in search(client, q=query).content.decode()


def test_staff_can_add_crisis_terms(client, practice):
    term = CrisisTerm(phrase="  No Way Out!  ")
    term.full_clean()
    term.save()
    assert term.phrase == "no way out"
    assert CRISIS_RESPONSE in search(client, q="there is no way out").content.decode()
    assert not Query.objects.exists()


def test_crisis_terms_are_unique_as_words(db):
    duplicate = CrisisTerm(phrase="Self-Harm")
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    with pytest.raises(ValidationError):
        CrisisTerm(phrase="?!").full_clean()


def test_staff_manage_crisis_terms_in_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(admin)
    response = client.get(reverse("wagtailsnippets_search_crisisterm:list"), {"q": "kill"})
    assert response.status_code == 200
    assert "kill myself" in response.content.decode()
    assert client.get(reverse("wagtailsearchpromotions:search_terms")).status_code == 200
