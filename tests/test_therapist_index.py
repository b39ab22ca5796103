"""The team page's filters: service, specialty, client group, insurance, language, telehealth
(state) and openings. A bad value drops that filter only and says so; never a server error."""

import pytest

from home.models import HomePage
from services.models import THERAPISTS_PER_PAGE, TherapistIndexPage, TherapistPage

from .factories import (
    ClientGroupFactory,
    InsuranceProviderFactory,
    LanguageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    SpecialtyFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
    telehealth_states,
)

FILTER_NOTICE = "We couldn't use the"


def listed(response):
    assert response.status_code == 200
    return set(response.context["therapists"])


@pytest.fixture(scope="module")
def team_keys(module_db) -> dict:
    """Three clinicians who differ in every filtered respect, on the module's own team page
    and services, built once per module (see `module_db`): their primary keys."""
    with module_db.unblock():
        home_page = HomePage.objects.get()
        therapist_index = TherapistIndexPageFactory(parent=home_page)
        # Its own address, clear of the `service_index` a test may add next to it.
        service_index = ServiceIndexPageFactory(parent=home_page, slug="team-services")
        therapists, filters = build_team(service_index, therapist_index)
        return {
            "therapist_index": therapist_index.pk,
            "therapists": {key: page.pk for key, page in therapists.items()},
            "filters": {key: (type(item), item.pk) for key, item in filters.items()},
        }


@pytest.fixture
def therapist_index(team_keys, db):
    """The module's team page: every test here lists its therapists there."""
    return TherapistIndexPage.objects.get(pk=team_keys["therapist_index"])


@pytest.fixture
def team(team_keys, db):
    """Fresh instances of the module's clinicians and filter choices (a test may change them)."""
    pages = TherapistPage.objects.in_bulk(team_keys["therapists"].values())
    therapists = {key: pages[pk] for key, pk in team_keys["therapists"].items()}
    filters = {key: model.objects.get(pk=pk) for key, (model, pk) in team_keys["filters"].items()}
    return therapists, filters


def build_team(service_index, therapist_index):
    """The three clinicians, and the filter choices the tests refer to by key."""
    emdr = ServicePageFactory(parent=service_index, title="EMDR")
    cbt = ServicePageFactory(parent=service_index, title="CBT")
    trauma = SpecialtyFactory(name="Trauma and PTSD")
    panic = SpecialtyFactory(name="Panic attacks")
    bcbs = InsuranceProviderFactory(name="Blue Cross Blue Shield of Alabama")
    aetna = InsuranceProviderFactory(name="Aetna")
    teens = ClientGroupFactory(name="Teens")
    couples = ClientGroupFactory(name="Couples")
    english = LanguageFactory(name="English")
    spanish = LanguageFactory(name="Spanish")
    therapists = {
        "ana": TherapistPageFactory(
            parent=therapist_index,
            title="Ana Reyes",
            services=[emdr],
            specialties=[trauma],
            insurance_accepted=[bcbs],
            client_groups=[teens],
            languages=[english, spanish],
            offers_telehealth=True,
            telehealth_states=telehealth_states("AL", "GA"),
            accepting_new_clients=True,
        ),
        "ben": TherapistPageFactory(
            parent=therapist_index,
            title="Ben Okafor",
            services=[cbt],
            specialties=[panic],
            insurance_accepted=[aetna, bcbs],
            client_groups=[couples],
            languages=[english],
            offers_telehealth=False,
            telehealth_states=telehealth_states("TN"),
            accepting_new_clients=True,
        ),
        "cleo": TherapistPageFactory(
            parent=therapist_index,
            title="Cleo Park",
            services=[emdr, cbt],
            specialties=[trauma, panic],
            insurance_accepted=[],
            client_groups=[teens, couples],
            languages=[spanish],
            offers_telehealth=True,
            telehealth_states=telehealth_states("GA"),
            accepting_new_clients=False,
        ),
    }
    filters = {
        "emdr": emdr,
        "cbt": cbt,
        "trauma": trauma,
        "panic": panic,
        "bcbs": bcbs,
        "teens": teens,
        "couples": couples,
        "english": english,
        "spanish": spanish,
    }
    return therapists, filters


def test_unfiltered_lists_the_live_team(client, therapist_index, team):
    therapists, _ = team
    draft = TherapistPageFactory(parent=therapist_index, title="Drew Draft", live=False)

    response = client.get(therapist_index.url)

    assert listed(response) == set(therapists.values())
    assert draft.title not in response.content.decode()
    assert FILTER_NOTICE not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"service": "emdr"}, {"ana", "cleo"}),
        ({"service": "cbt"}, {"ben", "cleo"}),
        ({"specialty": "trauma"}, {"ana", "cleo"}),
        ({"specialty": "panic"}, {"ben", "cleo"}),
        ({"insurance": "bcbs"}, {"ana", "ben"}),
        ({"telehealth": "on"}, {"ana", "cleo"}),
        ({"accepting": "on"}, {"ana", "ben"}),
        ({"service": "cbt", "specialty": "panic", "accepting": "on"}, {"ben"}),
        ({"service": "emdr", "insurance": "bcbs", "telehealth": "on"}, {"ana"}),
        ({"service": "cbt", "telehealth": "on", "accepting": "on"}, set()),
        ({"client_group": "teens"}, {"ana", "cleo"}),
        ({"client_group": "couples", "accepting": "on"}, {"ben"}),
        ({"language": "spanish"}, {"ana", "cleo"}),
        ({"language": "english", "specialty": "panic"}, {"ben"}),
        ({"telehealth_state": "GA"}, {"ana", "cleo"}),
        ({"telehealth_state": "AL", "language": "spanish"}, {"ana"}),
    ],
    ids=lambda value: (
        "&".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else None
    ),
)
def test_filters(client, therapist_index, team, query, expected):
    therapists, filters = team
    params = {
        name: (
            value
            if name in {"telehealth", "accepting", "telehealth_state"}
            else filters[value].slug
        )
        for name, value in query.items()
    }

    response = client.get(therapist_index.url, params)

    assert listed(response) == {therapists[key] for key in expected}
    html = response.content.decode()
    assert FILTER_NOTICE not in html
    if len(expected) == 1:
        assert "1 therapist matches your filters." in html
    elif expected:
        assert f"{len(expected)} therapists match your filters." in html
    else:
        assert "No one matches all of those filters right now." in html


def test_a_therapist_with_two_matching_services_is_listed_once(client, therapist_index, team):
    therapists, filters = team

    response = client.get(therapist_index.url, {"specialty": filters["trauma"].slug})

    assert list(response.context["therapists"]).count(therapists["cleo"]) == 1


def test_unpublished_service_is_not_offered_as_a_filter(client, therapist_index, team):
    therapists, filters = team
    filters["cbt"].unpublish()

    response = client.get(therapist_index.url, {"service": filters["cbt"].slug})

    assert listed(response) == set(therapists.values())
    assert FILTER_NOTICE in response.content.decode()
    assert 'value="cbt"' not in response.content.decode()


@pytest.mark.parametrize(
    "name", ["service", "specialty", "client_group", "insurance", "language", "telehealth_state"]
)
@pytest.mark.parametrize("value", ["no-such-thing", "1", "\x00", "x" * 300, "' OR 1=1 --"])
def test_unknown_choice_shows_everyone_with_a_notice(client, therapist_index, team, name, value):
    therapists, _ = team

    response = client.get(therapist_index.url, {name: value})

    assert listed(response) == set(therapists.values())
    assert FILTER_NOTICE in response.content.decode()


@pytest.mark.parametrize("value", ["maybe", "", "0", "false", "\x00"])
def test_odd_checkbox_values_never_fail(client, therapist_index, team, value):
    response = client.get(therapist_index.url, {"telehealth": value, "accepting": value})

    assert response.status_code == 200


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "\x00"])
def test_bad_page_numbers_never_fail(client, therapist_index, team, page):
    therapists, _ = team

    response = client.get(therapist_index.url, {"page": page})

    assert listed(response) == set(therapists.values())


def test_paginated_and_filters_survive_paging(client, therapist_index, service_index):
    # Not one of the team's services: the filter finds a service by its slug, site-wide.
    service = ServicePageFactory(parent=service_index, title="Somatic therapy")
    for number in range(THERAPISTS_PER_PAGE + 2):
        TherapistPageFactory(
            parent=therapist_index, title=f"Clinician {number:02}", services=[service]
        )
    TherapistPageFactory(parent=therapist_index, title="Zed Other")

    first = client.get(therapist_index.url, {"service": service.slug})
    second = client.get(therapist_index.url, {"service": service.slug, "page": 2})

    assert len(listed(first)) == THERAPISTS_PER_PAGE
    assert [page.title for page in second.context["therapists"]] == ["Clinician 12", "Clinician 13"]
    assert f'href="?service={service.slug}&amp;page=2"' in first.content.decode()


def test_a_stale_filter_is_dropped_and_the_others_still_apply(client, therapist_index, team):
    therapists, filters = team

    response = client.get(
        therapist_index.url,
        {"specialty": "renamed-long-ago", "service": filters["cbt"].slug, "accepting": "on"},
    )

    assert listed(response) == {therapists["ben"]}
    html = response.content.decode()
    assert "We couldn't use the Specialty filter" in html
    assert "the other filters still apply" in html
    assert "1 therapist matches your filters." in html


def test_telehealth_state_is_offered_only_where_someone_sees_clients_by_video(
    client, therapist_index, team
):
    """Ben lists Tennessee but does not offer telehealth, so no one covers it."""
    therapists, _ = team

    response = client.get(therapist_index.url, {"telehealth_state": "TN"})

    html = response.content.decode()
    assert '<option value="GA">Georgia</option>' in html
    assert 'value="TN"' not in html
    assert listed(response) == set(therapists.values())
    assert "We couldn't use the Telehealth state filter" in html
