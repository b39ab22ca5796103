"""Every page type renders, with the fields editors fill in visible to visitors."""

import datetime

from wagtail.models import Page, get_page_models

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomeFeaturedService, HomeFeaturedTherapist, HomePage, StandardPage
from services.models import (
    AppointmentRequestPage,
    ServiceIndexPage,
    ServicePage,
    TherapistIndexPage,
    TherapistPage,
)

from .factories import (
    AppointmentRequestPageFactory,
    ArticlePageFactory,
    ArticleTopicFactory,
    ImageFactory,
    InsuranceProviderFactory,
    ServicePageFactory,
    SpecialtyFactory,
    StandardPageFactory,
    TherapistPageFactory,
    credentials,
    languages,
    licences,
    telehealth_states,
)


def paragraph(html):
    return [{"type": "paragraph", "value": html}]


def build_home_page(request):
    home = request.getfixturevalue("home_page")
    service = ServicePageFactory(
        parent=request.getfixturevalue("service_index"), title="Trauma-focused therapy"
    )
    therapist = TherapistPageFactory(
        parent=request.getfixturevalue("therapist_index"), title="Dana Whitfield"
    )
    article = ArticlePageFactory(
        parent=request.getfixturevalue("article_index"), title="Sleep when your mind races"
    )
    home.hero_heading = "Steady, skilled care for anxiety and trauma"
    home.hero_intro = "We see adults and teens in Birmingham and by video across Alabama."
    home.hero_image = ImageFactory(alt_text="Morning light on a quiet river")
    home.featured_services = [HomeFeaturedService(service=service)]
    home.featured_therapists = [HomeFeaturedTherapist(therapist=therapist)]
    home.save()
    return home, [
        "<h1>Steady, skilled care for anxiety and trauma</h1>",
        "We see adults and teens in Birmingham and by video across Alabama.",
        'alt="Morning light on a quiet river"',
        f'href="{service.url}">Trauma-focused therapy',
        f'href="{therapist.url}">Dana Whitfield',
        f'href="{article.url}">Sleep when your mind races</a>',
    ]


def build_standard_page(request):
    page = StandardPageFactory(
        parent=request.getfixturevalue("home_page"),
        title="Fees and insurance",
        summary="What a session costs and which plans we accept.",
        body=paragraph("<p>We are in network with several major insurers.</p>"),
    )
    return page, [
        "<h1>Fees and insurance</h1>",
        "What a session costs and which plans we accept.",
        "We are in network with several major insurers.",
    ]


def build_article_index_page(request):
    index = request.getfixturevalue("article_index")
    ArticlePageFactory(parent=index, title="Five grounding exercises")
    ArticlePageFactory(parent=index, title="When guilt follows you home")
    return index, [
        "<h1>Articles</h1>",
        "Self-help articles written and reviewed by our clinicians.",
        "Five grounding exercises</a>",
        "When guilt follows you home</a>",
    ]


def build_article_page(request):
    therapist_index = request.getfixturevalue("therapist_index")
    author = TherapistPageFactory(
        parent=therapist_index, title="Dana Whitfield", credentials=credentials("LPC")
    )
    reviewer = TherapistPageFactory(
        parent=therapist_index, title="Marcus Hale", credentials=credentials("PhD")
    )
    service = ServicePageFactory(
        parent=request.getfixturevalue("service_index"), title="Cognitive behavioral therapy"
    )
    topic = ArticleTopicFactory(name="Parenting")
    article = ArticlePageFactory(
        parent=request.getfixturevalue("article_index"),
        title="Letting go of mom guilt",
        summary="Why guilt shows up in parenting and how to answer it kindly.",
        body=paragraph("<p>Guilt often points at what you value most.</p>"),
        author=author,
        clinical_reviewer=reviewer,
        first_published=datetime.date(2025, 3, 4),
        last_reviewed=datetime.date(2025, 9, 15),
        hero_image=ImageFactory(alt_text="A parent and child walking by the water"),
        topics=[topic],
        related_services=[service],
    )
    return article, [
        "<h1>Letting go of mom guilt</h1>",
        "Why guilt shows up in parenting and how to answer it kindly.",
        "Guilt often points at what you value most.",
        f'Written by <a href="{author.url}">Dana Whitfield, LPC</a>',
        f'Clinically reviewed by <a href="{reviewer.url}">Marcus Hale, PhD</a>',
        '<time datetime="2025-03-04">March 4, 2025</time>',
        '<time datetime="2025-09-15">September 15, 2025</time>',
        "1 min read",
        'alt="A parent and child walking by the water"',
        ">Parenting</a>",
        # The related service is not listed again under the article (the body links it
        # where it matters); the relation is in the structured data.
        f'"@id": "http://localhost{service.url}#therapy", "name": "Cognitive behavioral therapy"',
    ]


def build_service_index_page(request):
    index = request.getfixturevalue("service_index")
    ServicePageFactory(parent=index, title="EMDR therapy", summary="Processing hard memories.")
    ServicePageFactory(parent=index, title="Couples counseling")
    return index, [
        "<h1>Services</h1>",
        "EMDR therapy",
        "Processing hard memories.",
        "Couples counseling",
    ]


def build_service_page(request):
    service = ServicePageFactory(
        parent=request.getfixturevalue("service_index"),
        title="Cognitive behavioral therapy",
        short_name="CBT",
        summary="A practical therapy that changes the thoughts that keep anxiety going.",
        body=paragraph("<p>Sessions are structured and include small weekly practice.</p>"),
        call_to_action="Ready to start CBT? We can help.",
    )
    therapist = TherapistPageFactory(
        parent=request.getfixturevalue("therapist_index"),
        title="Dana Whitfield",
        services=[service],
    )
    article = ArticlePageFactory(
        parent=request.getfixturevalue("article_index"),
        title="Catching anxious thoughts",
        related_services=[service],
    )
    return service, [
        "Cognitive behavioral therapy",
        "(CBT)",
        "A practical therapy that changes the thoughts that keep anxiety going.",
        "Sessions are structured and include small weekly practice.",
        "Ready to start CBT? We can help.",
        "Telehealth appointments available across Alabama.",
        f'href="{therapist.url}">Dana Whitfield',
        f'href="{article.url}">Catching anxious thoughts</a>',
    ]


def build_therapist_index_page(request):
    index = request.getfixturevalue("therapist_index")
    TherapistPageFactory(
        parent=index, title="Dana Whitfield", credentials=credentials("LPC", "NCC")
    )
    TherapistPageFactory(parent=index, title="Marcus Hale", credentials=credentials("PhD"))
    return index, [
        "<h1>Our therapists</h1>",
        "Dana Whitfield",
        "LPC, NCC",
        "Marcus Hale",
        "2 therapists",
    ]


def build_therapist_page(request):
    service = ServicePageFactory(parent=request.getfixturevalue("service_index"), title="EMDR")
    therapist = TherapistPageFactory(
        parent=request.getfixturevalue("therapist_index"),
        title="Dana Whitfield",
        credentials=credentials(("LPC", "Licensed Professional Counselor"), "NCC"),
        job_title="Clinical director",
        licences=licences(
            ("AL", "Licensed Professional Counselor", "AL-4821"),
            ("GA", "Licensed Professional Counselor", ""),
        ),
        languages=languages("English", "Spanish"),
        summary="I help adults who feel stuck in anxiety find steadier ground.",
        bio="<p>I trained in EMDR and work gently, at your pace.</p>",
        photo=ImageFactory(alt_text="Dana Whitfield smiling in her office"),
        services=[service],
        specialties=[SpecialtyFactory(name="Panic attacks")],
        insurance_accepted=[InsuranceProviderFactory(name="Blue Cross Blue Shield of Alabama")],
        accepting_new_clients=True,
        offers_telehealth=True,
        telehealth_states=telehealth_states("AL", "TN"),
        session_fee=140,
    )
    return therapist, [
        "Dana Whitfield",
        "LPC, NCC",
        "Clinical director",
        "LPC — Licensed Professional Counselor",
        "<li>NCC</li>",
        "Licensed Professional Counselor, Alabama, no. AL-4821",
        "Licensed Professional Counselor, Georgia</li>",
        "English, Spanish",
        "I help adults who feel stuck in anxiety find steadier ground.",
        "I trained in EMDR and work gently, at your pace.",
        'alt="Dana Whitfield smiling in her office"',
        f'href="{service.url}">EMDR</a>',
        "Panic attacks",
        "Blue Cross Blue Shield of Alabama",
        "Accepting new clients",
        "Telehealth for clients in Alabama, Tennessee",
        "$140 per session",
    ]


def build_appointment_request_page(request):
    request.getfixturevalue("practice_with_telehealth")
    page = AppointmentRequestPageFactory(
        parent=request.getfixturevalue("home_page"),
        intro="<p>A few details are enough for us to get back to you.</p>",
        message_notice="Please leave out symptoms and diagnoses.",
    )
    return page, [
        "<h1>Request an appointment</h1>",
        "A few details are enough for us to get back to you.",
        "Please leave out symptoms and diagnoses.",
        '<option value="AL">Alabama</option>',
    ]


BUILDERS = {
    HomePage: build_home_page,
    StandardPage: build_standard_page,
    ArticleIndexPage: build_article_index_page,
    ArticlePage: build_article_page,
    ServiceIndexPage: build_service_index_page,
    ServicePage: build_service_page,
    TherapistIndexPage: build_therapist_index_page,
    TherapistPage: build_therapist_page,
    AppointmentRequestPage: build_appointment_request_page,
}


def test_every_page_type_has_a_rendering_test():
    assert set(get_page_models()) - {Page} == set(BUILDERS)


@pytest.mark.parametrize("model", BUILDERS, ids=lambda model: model.__name__)
def test_page_renders_its_fields(request, client, practice_settings, model):
    page, expected = BUILDERS[model](request)

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    for fragment in expected:
        assert fragment in html


def test_therapist_not_accepting_clients_says_so(client, therapist_index):
    therapist = TherapistPageFactory(parent=therapist_index, accepting_new_clients=False)

    html = client.get(therapist.url).content.decode()

    assert "Not accepting new clients" in html
    assert "Accepting new clients" not in html


def test_therapist_without_insurance_is_shown_as_self_pay(client, therapist_index):
    therapist = TherapistPageFactory(parent=therapist_index)

    html = client.get(therapist.url).content.decode()

    assert "Self-pay" in html


def test_article_with_an_empty_body_renders(client, article_index):
    article = ArticlePageFactory(
        parent=article_index,
        title="A note before we begin",
        summary="This article is being written; the summary stands in for now.",
        body=[],
    )

    response = client.get(article.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>A note before we begin</h1>" in html
    assert "This article is being written; the summary stands in for now." in html
