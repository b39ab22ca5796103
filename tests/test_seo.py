"""What crawlers see: titles, descriptions, canonical and social tags, JSON-LD, the sitemap,
robots.txt, feeds, redirects and the error pages."""

import datetime
import itertools
import json
import re
from decimal import Decimal
from urllib.parse import urlsplit

from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

import pytest
from bs4 import BeautifulSoup
from wagtailseo.models import SeoSettings

from articles.models import ArticlePage
from practice import urls as project_urls
from practice.cache import bump_generation
from practice.models import PracticeSettings
from practice.pages import fit_title, shorten
from practice.structured_data import SHARE_IMAGE

from .factories import (
    ArticlePageFactory,
    ArticleTopicFactory,
    ImageFactory,
    ServicePageFactory,
    SpecialtyFactory,
    StandardPageFactory,
    TherapistPageFactory,
    credentials,
    languages,
    licences,
    publish_as_reviewed,
    telehealth_states,
)
from .sitemaps import parse_xml, sitemap_entries, sitemap_sections

ROOT_URL = "http://127.0.0.1:8000"
PRACTICE_NAME = "Riverbend Counseling Collective"
SAME_AS = ["https://www.facebook.com/example-riverbend"]
ATOM = "{http://www.w3.org/2005/Atom}"


def faq(question, answer):
    return {"type": "faq", "value": {"items": [{"question": question, "answer": answer}]}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


@pytest.fixture
def practice_site(site):
    """The default site at the demo's public address, with the practice's identity filled in
    (PracticeSettings) and a default share image (wagtail-seo's SeoSettings)."""
    site.hostname, site.port, site.site_name = "127.0.0.1", 8000, PRACTICE_NAME
    site.save()
    seo = SeoSettings.for_site(site)
    seo.og_image_default = ImageFactory(title="Default share image")
    seo.save()
    practice = PracticeSettings.for_site(site)
    practice.practice_name = PRACTICE_NAME
    practice.logo = ImageFactory(title="Logo")
    practice.phone = "(205) 555-0142"
    practice.street_address = "100 Example Street"
    practice.locality, practice.region, practice.postal_code = "Birmingham", "AL", "35203"
    practice.latitude, practice.longitude = Decimal("33.5186"), Decimal("-86.8104")
    practice.opening_hours = [
        {
            "type": "hours",
            "value": {"days": ["Monday", "Tuesday"], "opens": "08:00", "closes": "18:00"},
        }
    ]
    practice.profile_links = [{"type": "profile", "value": url} for url in SAME_AS]
    practice.save()
    return site


@pytest.fixture
def pages(practice_site, home_page, article_index, service_index, therapist_index):
    """One page of every type, related to each other as on the real site."""
    home_page.summary = "Counseling for anxiety and trauma in Birmingham, Alabama, and by video."
    home_page.save_revision().publish()
    service = ServicePageFactory(
        parent=service_index,
        title="Cognitive behavioral therapy",
        short_name="CBT",
        summary="A practical, structured therapy that helps you notice and change anxious thinking.",
        body=[faq("How long does CBT take?", "<p>Often twelve to twenty weekly sessions.</p>")],
    )
    other_service = ServicePageFactory(parent=service_index, title="EMDR therapy")
    therapist = TherapistPageFactory(
        parent=therapist_index,
        title="Dana Whitfield",
        credentials=credentials(("LPC", "Licensed Professional Counselor"), "NCC"),
        job_title="Clinical director",
        licences=licences(
            ("AL", "Licensed Professional Counselor", "AL-1234"),
            ("GA", "Licensed Professional Counselor", "GA-5678"),
        ),
        telehealth_states=telehealth_states("AL", "GA"),
        photo=ImageFactory(alt_text="Dana Whitfield smiling"),
        languages=languages("English", "Spanish"),
    )
    therapist.services.add(service)
    therapist.specialties.add(SpecialtyFactory(name="Panic attacks"))
    therapist.save()
    reviewer = TherapistPageFactory(
        parent=therapist_index, title="Sam Ortega", credentials=credentials("PhD")
    )
    article = ArticlePageFactory(
        parent=article_index,
        title="Calming a racing mind at night",
        summary="Simple steps to settle worry at bedtime, written by one of our therapists.",
        hero_image=ImageFactory(alt_text="A dim bedroom with a reading lamp"),
        author=therapist,
        clinical_reviewer=reviewer,
        first_published=datetime.date(2024, 3, 1),
        last_reviewed=datetime.date(2025, 1, 15),
        body=[
            heading("Why worry grows at night"),
            paragraph("<p>When the day goes quiet, worries get louder.</p>"),
            heading("Try this", "h3"),
            faq("Is it normal to worry at night?", "<p>Yes, and it can ease.</p>"),
        ],
    )
    article.related_services.add(service, other_service)
    article.topics.add(ArticleTopicFactory(name="Sleep"))
    article.save()
    standard = StandardPageFactory(
        parent=home_page,
        title="Fees and insurance",
        summary="",
        body=[paragraph("<p>" + "We accept most major plans and offer a sliding scale. " * 3)],
    )
    return {
        "home": home_page,
        "standard": standard,
        "article_index": article_index,
        "article": article,
        "service_index": service_index,
        "service": service,
        "therapist_index": therapist_index,
        "therapist": therapist,
    }


def get_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld_graph(soup) -> list[dict]:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def types_of(node) -> list[str]:
    return node["@type"] if isinstance(node["@type"], list) else [node["@type"]]


def nodes_of_type(graph, schema_type) -> list[dict]:
    return [node for node in graph if schema_type in types_of(node)]


def one_node(graph, schema_type) -> dict:
    (node,) = nodes_of_type(graph, schema_type)
    return node


def meta(soup, **attrs) -> str:
    tag = soup.find("meta", attrs=attrs)
    assert tag is not None, attrs
    return tag["content"]


PAGE_KEYS = [
    "home",
    "standard",
    "article_index",
    "article",
    "service_index",
    "service",
    "therapist_index",
    "therapist",
]


# -- Titles, descriptions, canonical and social tags -------------------------------------------


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_type_has_complete_metadata(client, pages, key):
    page = pages[key]
    soup = get_soup(client, page.url)
    canonical = f"{ROOT_URL}{page.url}"

    assert len(soup.find_all("title")) == 1
    title = soup.title.string
    assert 10 <= len(title) <= 65
    description = meta(soup, name="description")
    assert 50 <= len(description) <= 160
    assert [link["href"] for link in soup.find_all("link", rel="canonical")] == [canonical]

    assert meta(soup, property="og:title") == title
    assert meta(soup, property="og:description") == description
    assert meta(soup, property="og:url") == canonical
    assert meta(soup, property="og:type") == ("article" if key == "article" else "website")
    assert re.fullmatch(rf"{ROOT_URL}/media/images/.+", meta(soup, property="og:image"))
    assert meta(soup, name="twitter:card") == "summary_large_image"
    assert meta(soup, name="twitter:title") == title


def test_titles_fall_back_to_page_title_and_practice_name(client, pages):
    assert get_soup(client, pages["service"].url).title.string == (
        f"Cognitive behavioral therapy | {PRACTICE_NAME}"
    )
    # The home page leads with the practice's name; too long with the heading, so alone.
    assert get_soup(client, pages["home"].url).title.string == PRACTICE_NAME


def test_editor_seo_title_and_search_description_win(client, pages):
    service = pages["service"]
    service.seo_title = "CBT for anxiety in Birmingham"
    service.search_description = "Short-term, skills-based therapy for anxiety, from our team."
    service.save_revision().publish()
    soup = get_soup(client, service.url)
    assert soup.title.string == "CBT for anxiety in Birmingham"
    assert meta(soup, name="description") == service.search_description


def test_description_comes_from_the_body_when_there_is_no_summary(pages):
    description = pages["standard"].seo_description
    assert description.startswith("We accept most major plans and offer a sliding scale.")
    assert 50 <= len(description) <= 160
    assert description.endswith("…")


def test_short_summary_is_completed_from_the_content(pages):
    article = pages["article"]
    article.summary = "Worry at night."
    assert article.seo_description == (
        "Worry at night. Why worry grows at night When the day goes quiet, worries get louder. "
        "Try this Is it normal to worry at night? Yes, and it can ease."
    )


def test_long_titles_and_descriptions_are_cut_at_a_word():
    long_title = "Understanding the many faces of anxiety in teenagers and young adults today"
    title = fit_title(long_title, PRACTICE_NAME)
    assert len(title) <= 65
    assert title.endswith("…")
    assert long_title.startswith(title[:-1])
    assert shorten("word " * 50, 160).endswith("word…")


def test_share_image_is_the_page_image_else_the_site_default(client, pages, practice_site):
    default = SeoSettings.for_site(practice_site).og_image_default
    for key, image in (("standard", default), ("article", pages["article"].hero_image)):
        soup = get_soup(client, pages[key].url)
        rendition = image.get_rendition(SHARE_IMAGE)
        assert meta(soup, property="og:image") == f"{ROOT_URL}{rendition.url}"
        assert meta(soup, property="og:image:alt") == image.alt_text


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


# -- Sitemap, robots.txt, feeds -----------------------------------------------------------------


def test_sitemap_lists_exactly_the_live_public_pages(client, pages, article_index):
    draft = ArticlePageFactory(parent=article_index, title="Not ready yet", live=False)
    private = ArticlePageFactory(parent=article_index, title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in Page.objects.live().filter(depth__gt=1).specific():
        if isinstance(page, ArticlePage):  # articles go live only with a clinical review
            publish_as_reviewed(page)
        else:
            page.save_revision().publish()

    sections = sitemap_sections(client)
    assert sorted(urlsplit(url).path for url in sections) == [
        "/sitemap-articles.xml",
        "/sitemap-pages.xml",
    ]
    entries = sitemap_entries(client)
    live = Page.objects.live().filter(depth__gt=1).exclude(pk=private.pk)
    # The articles index's routes: the page of the one topic with live articles.
    topic_pages = {f"{ROOT_URL}{article_index.url}topics/sleep/"}
    assert set(entries) == {f"{ROOT_URL}{page.url}" for page in live} | topic_pages
    assert {f"{ROOT_URL}{page.url}" for page in pages.values()} <= set(entries)
    assert f"{ROOT_URL}{draft.url}" not in entries
    assert f"{ROOT_URL}{private.url}" not in entries
    assert all(re.match(r"\d{4}-\d{2}-\d{2}", lastmod) for lastmod in entries.values())


def test_robots_txt_allows_the_site_and_names_the_sitemap(client, practice_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert f"Sitemap: {ROOT_URL}/sitemap.xml" in lines


@pytest.fixture
def dated_articles(pages, article_index):
    anxiety = ArticleTopicFactory(name="Anxiety")
    newest = ArticlePageFactory(
        parent=article_index, title="Newest", first_published=datetime.date(2025, 6, 1)
    )
    older = ArticlePageFactory(
        parent=article_index, title="Older", first_published=datetime.date(2025, 2, 1)
    )
    older.topics.add(anxiety)
    older.save()
    return {"anxiety": anxiety, "newest": newest, "older": older}


def test_rss_feed_lists_the_newest_articles_first(client, dated_articles):
    response = client.get("/feeds/articles.rss")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Newest",
        "Older",
        "Calming a racing mind at night",
    ]
    newest = items[0]
    assert newest.findtext("link") == f"{ROOT_URL}{dated_articles['newest'].url}"
    assert newest.findtext("pubDate").startswith("Sun, 01 Jun 2025")
    assert channel.findtext("link") == f"{ROOT_URL}{dated_articles['older'].get_parent().url}"
    assert channel.find(f"{ATOM}link").get("href") == f"{ROOT_URL}/feeds/articles.rss"


def test_atom_feed_per_topic(client, dated_articles, article_index):
    topic_page = f"{article_index.url}topics/{dated_articles['anxiety'].slug}/"
    response = client.get(f"{topic_page}feed/atom/")
    assert response.status_code == 200
    feed = parse_xml(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Older"]
    assert entries[0].find(f"{ATOM}link").get("href") == f"{ROOT_URL}{dated_articles['older'].url}"
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == f"{ROOT_URL}{topic_page}"
    assert client.get(f"{article_index.url}topics/no-such-topic/feed/").status_code == 404


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_old_topic_feed_addresses_redirect_permanently(
    client, dated_articles, article_index, feed_format
):
    slug = dated_articles["anxiety"].slug

    response = client.get(f"/feeds/topics/{slug}.{feed_format}")

    assert response.status_code == 301
    new_path = {"rss": "feed/", "atom": "feed/atom/"}[feed_format]
    assert response["Location"] == f"{article_index.url}topics/{slug}/{new_path}"
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/feeds/topics/no-such-topic.{feed_format}").status_code == 404


def test_feeds_are_discoverable_from_the_page_head(client, pages):
    soup = get_soup(client, pages["article"].url)
    feeds = {
        link["href"]: link["type"]
        for link in soup.head.find_all("link", rel="alternate")
        if link.get("type", "").endswith("+xml")
    }
    assert feeds == {
        "/feeds/articles.rss": "application/rss+xml",
        "/feeds/articles.atom": "application/atom+xml",
        "/articles/topics/sleep/feed/": "application/rss+xml",
        "/articles/topics/sleep/feed/atom/": "application/atom+xml",
    }


# -- Redirects, trailing slashes and error pages ---------------------------------------------------


def test_changing_a_slug_leaves_a_working_redirect(
    client, pages, django_capture_on_commit_callbacks
):
    service = pages["service"]
    old_url = service.url
    service.slug = "cbt"
    with django_capture_on_commit_callbacks(execute=True):
        service.save_revision().publish()
    assert Redirect.objects.filter(old_path=old_url.rstrip("/"), redirect_page=service).exists()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/services/cbt/")
    assert client.get(response["Location"]).status_code == 200


def test_missing_trailing_slash_redirects_permanently(client, pages):
    response = client.get(pages["service"].url.rstrip("/"))
    assert response.status_code == 301
    assert response["Location"] == pages["service"].url


def test_404_page_helps_the_visitor(client, pages, practice_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.find_all("h1")) == 1
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    searches = [form for form in soup.find_all("form", role="search") if form.find("input")]
    assert any(form.find("input", attrs={"name": "q"}) for form in searches)


def raise_error(request):
    raise RuntimeError("boom")


def raise_database_error(request):
    raise OperationalError("the database is down")


urlpatterns = [
    path("boom/", raise_error),
    path("db-down/", raise_database_error),
    *project_urls.urlpatterns,
]
handler500 = project_urls.handler500


@pytest.mark.urls("tests.test_seo")
def test_500_page_offers_search_and_booking(db, pages, settings):
    settings.DEBUG = False
    practice = PracticeSettings.for_site(pages["home"].get_site())
    practice.practice_name, practice.phone = PRACTICE_NAME, "(205) 555-0142"
    practice.save()
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "q"})
    assert soup.find("a", href="tel:+12055550142")
    assert soup.find("a", href="tel:988")


# -- The demo site as a whole ---------------------------------------------------------------------


CLINIC_PROPERTIES = {
    "name",
    "url",
    "logo",
    "telephone",
    "address",
    "geo",
    "openingHoursSpecification",
    "sameAs",
}


def heading_levels(soup) -> list[int]:
    return [int(tag.name[1]) for tag in soup.find_all(re.compile(r"^h[1-6]$"))]


def test_demo_site_pages_are_unique_and_well_formed(client, demo_site):
    titles, descriptions = {}, {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        soup = get_soup(client, page.url)
        title = soup.title.string
        description = meta(soup, name="description")
        assert 10 <= len(title) <= 65, (page.url, title)
        assert 50 <= len(description) <= 160, (page.url, description)
        assert titles.setdefault(title, page.url) == page.url, f"duplicate title {title!r}"
        assert descriptions.setdefault(description, page.url) == page.url, description
        assert soup.find("link", rel="canonical")["href"] == page.full_url
        assert page.full_url.startswith(f"{ROOT_URL}/")
        assert meta(soup, property="og:image").startswith(f"{ROOT_URL}/")
        assert meta(soup, name="twitter:card")
        clinic = one_node(json_ld_graph(soup), "MedicalClinic")
        assert set(clinic) >= CLINIC_PROPERTIES, CLINIC_PROPERTIES - set(clinic)
        levels = heading_levels(soup)
        assert levels.count(1) == 1, page.url
        assert levels[0] == 1, page.url
        skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not skipped, (page.url, levels)

    # The demo names its phone number only through the practice settings: one change there
    # reaches every page (header, footer, crisis help, JSON-LD), and no copy stays behind.
    practice = PracticeSettings.objects.get()
    practice.phone = "(205) 555-0199"
    practice.save()
    for page in Page.objects.live().public().filter(depth__gt=1):
        soup = get_soup(client, page.url)
        assert "555-0142" not in str(soup) and "5550142" not in str(soup), page.url
        assert soup.find("header").find("a", href="tel:+12055550199"), page.url
        assert one_node(json_ld_graph(soup), "MedicalClinic")["telephone"] == "+12055550199"
