"""JSON-LD: the practice as a MedicalClinic on every page, breadcrumbs, and each page type's
own node (reviewed medical web page, therapy, person, FAQ page), at a fixed query cost."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from practice.cache import bump_generation

from ..factories import (
    ArticleTopicFactory,
    ServicePageFactory,
    SpecialtyFactory,
    TherapistPageFactory,
)
from .markup import (
    PAGE_KEYS,
    PRACTICE_NAME,
    ROOT_URL,
    SAME_AS,
    faq,
    get_soup,
    json_ld_graph,
    nodes_of_type,
    one_node,
    types_of,
)

# -- JSON-LD --------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_describes_the_practice_as_a_medical_clinic(client, pages, key):
    graph = json_ld_graph(get_soup(client, pages[key].url))
    clinic = one_node(graph, "MedicalClinic")
    assert clinic["name"] == PRACTICE_NAME
    assert clinic["url"] == f"{ROOT_URL}/"
    assert clinic["logo"]["url"].startswith(f"{ROOT_URL}/media/images/")
    assert clinic["telephone"] == "+12055550142"
    assert clinic["address"]["addressLocality"] == "Birmingham"
    assert clinic["geo"] == {"@type": "GeoCoordinates", "latitude": 33.5186, "longitude": -86.8104}
    assert clinic["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Monday", "Tuesday"],
            "opens": "08:00:00",
            "closes": "18:00:00",
        }
    ]
    assert clinic["sameAs"] == SAME_AS
    assert clinic["medicalSpecialty"] == "Psychiatric"
    assert clinic["isAcceptingNewPatients"] is True
    page_node = next(node for node in graph if node["@id"] == f"{ROOT_URL}{pages[key].url}")
    assert page_node["description"]
    assert one_node(graph, "WebSite")["publisher"] == {"@id": clinic["@id"]}


@pytest.mark.parametrize("key", [key for key in PAGE_KEYS if key != "home"])
def test_every_page_below_home_has_a_breadcrumb_list(client, pages, key):
    page = pages[key]
    graph = json_ld_graph(get_soup(client, page.url))
    trail = one_node(graph, "BreadcrumbList")
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[0] == {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{ROOT_URL}/"}
    assert items[-1]["name"] == page.title
    assert items[-1]["item"] == f"{ROOT_URL}{page.url}"
    assert len(items) == page.depth - 1


def test_home_page_has_no_breadcrumb_list(client, pages):
    assert nodes_of_type(json_ld_graph(get_soup(client, "/")), "BreadcrumbList") == []


def test_article_is_a_reviewed_medical_web_page(client, pages):
    article = pages["article"]
    url = f"{ROOT_URL}{article.url}"
    graph = json_ld_graph(get_soup(client, article.url))
    clinic_id = one_node(graph, "MedicalClinic")["@id"]

    web_page = one_node(graph, "MedicalWebPage")
    assert web_page["@id"] == url
    assert web_page["lastReviewed"] == "2025-01-15"
    assert web_page["reviewedBy"]["@type"] == "Person"
    assert web_page["reviewedBy"]["name"] == "Sam Ortega"
    assert web_page["reviewedBy"]["hasCredential"][0]["name"] == "PhD"

    node = one_node(graph, "Article")
    assert web_page["mainEntity"] == {"@id": node["@id"]}
    assert node["headline"] == "Calming a racing mind at night"
    assert node["description"] == article.summary
    assert node["image"].startswith(f"{ROOT_URL}/media/images/")
    assert node["datePublished"] == "2024-03-01"
    assert datetime.datetime.fromisoformat(node["dateModified"])
    assert node["mainEntityOfPage"] == {"@id": url}
    assert node["publisher"] == {"@id": clinic_id}
    assert node["keywords"] == ["Sleep"]
    author = node["author"]
    assert author["@type"] == "Person"
    assert author["name"] == "Dana Whitfield"
    assert author["url"] == f"{ROOT_URL}{pages['therapist'].url}"
    assert author["jobTitle"] == "Clinical director"
    assert author["honorificSuffix"] == "LPC, NCC"
    assert [
        (credential["name"], credential.get("alternateName"))
        for credential in author["hasCredential"]
    ] == [
        ("Licensed Professional Counselor", "LPC"),
        ("NCC", None),
        ("Licensed Professional Counselor", None),
        ("Licensed Professional Counselor", None),
    ]
    assert sorted(therapy["name"] for therapy in node["about"]) == [
        "Cognitive behavioral therapy",
        "EMDR therapy",
    ]
    assert all("MedicalTherapy" in types_of(therapy) for therapy in node["about"])


def test_unpublished_author_is_named_but_not_linked(client, pages):
    article, therapist = pages["article"], pages["therapist"]
    therapist.unpublish()
    author = one_node(json_ld_graph(get_soup(client, article.url)), "Article")["author"]
    assert author["name"] == "Dana Whitfield"
    assert "url" not in author
    assert "@id" not in author


def test_service_is_a_therapy_with_its_providers(client, pages):
    service = pages["service"]
    graph = json_ld_graph(get_soup(client, service.url))
    therapy = one_node(graph, "MedicalTherapy")
    assert "Service" in types_of(therapy)
    assert therapy["name"] == "Cognitive behavioral therapy"
    assert therapy["alternateName"] == "CBT"
    assert therapy["url"] == f"{ROOT_URL}{service.url}"
    clinic_id = one_node(graph, "MedicalClinic")["@id"]
    assert therapy["provider"][0] == {"@id": clinic_id}
    assert [provider.get("name") for provider in therapy["provider"][1:]] == ["Dana Whitfield"]
    assert one_node(graph, "MedicalWebPage")["mainEntity"] == {"@id": therapy["@id"]}


def test_therapist_is_a_person_with_credentials(client, pages):
    therapist = pages["therapist"]
    graph = json_ld_graph(get_soup(client, therapist.url))
    person = one_node(graph, "Person")
    assert one_node(graph, "ProfilePage")["mainEntity"] == {"@id": person["@id"]}
    assert person["name"] == "Dana Whitfield"
    assert person["jobTitle"] == "Clinical director"
    licences = [c for c in person["hasCredential"] if c.get("credentialCategory") == "license"]
    assert licences == [
        {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "name": "Licensed Professional Counselor",
            "identifier": identifier,
            "validIn": {"@type": "State", "name": state},
        }
        for identifier, state in [("AL-1234", "Alabama"), ("GA-5678", "Georgia")]
    ]
    assert person["honorificSuffix"] == "LPC, NCC"
    assert person["makesOffer"] == {
        "@type": "Offer",
        "itemOffered": {"@type": "Service", "name": "Telehealth therapy sessions"},
        "areaServed": [
            {"@type": "State", "name": "Alabama"},
            {"@type": "State", "name": "Georgia"},
        ],
    }
    assert person["worksFor"] == {"@id": one_node(graph, "MedicalClinic")["@id"]}
    assert [
        topic if isinstance(topic, str) else topic["name"] for topic in person["knowsAbout"]
    ] == [
        "Cognitive behavioral therapy",
        "Panic attacks",
    ]
    assert person["knowsLanguage"] == ["English", "Spanish"]
    assert person["image"].startswith(f"{ROOT_URL}/media/images/")


def test_faq_blocks_become_an_faq_page(client, pages):
    graph = json_ld_graph(get_soup(client, pages["service"].url))
    assert one_node(graph, "FAQPage")["mainEntity"] == [
        {
            "@type": "Question",
            "name": "How long does CBT take?",
            "acceptedAnswer": {
                "@type": "Answer",
                "text": "Often twelve to twenty weekly sessions.",
            },
        }
    ]
    assert nodes_of_type(json_ld_graph(get_soup(client, pages["standard"].url)), "FAQPage") == []


def test_json_ld_cannot_break_out_of_its_script_element(client, pages):
    service = pages["service"]
    service.body = [faq("What about </script><script>alert(1)</script>?", "<p>A &amp; B</p>")]
    service.save_revision().publish()
    response = client.get(service.url)
    assert b"</script><script>alert(1)" not in response.content
    graph = json_ld_graph(BeautifulSoup(response.content, "html.parser"))
    question = one_node(graph, "FAQPage")["mainEntity"][0]
    assert question["name"] == "What about </script><script>alert(1)</script>?"
    assert question["acceptedAnswer"]["text"] == "A & B"


def count_queries(client, url) -> int:
    """What the page costs when its shared fragments, the JSON-LD among them, are rebuilt too,
    as on the first view after a change (practice/cache.py)."""
    assert client.get(url).status_code == 200  # renditions of new images are created once
    bump_generation()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("key", ["article", "service", "therapist"])
def test_structured_data_queries_do_not_grow_with_relations(client, pages, key, settings):
    settings.PAGE_CACHE_SECONDS = 0  # counts what a page costs when rendered, not cached
    page = pages[key]
    before = count_queries(client, page.url)
    services = [ServicePageFactory(parent=pages["service_index"]) for _ in range(3)]
    therapists = [TherapistPageFactory(parent=pages["therapist_index"]) for _ in range(3)]
    if key == "article":
        page.related_services.add(*services)
        page.topics.add(*(ArticleTopicFactory() for _ in range(3)))
    elif key == "service":
        for therapist in therapists:
            therapist.services.add(page)
            therapist.save()
    else:
        page.services.add(*services)
        page.specialties.add(*(SpecialtyFactory() for _ in range(3)))
    page.save()
    assert count_queries(client, page.url) == before
