"""Relations between articles, services and therapists show on both sides, and only while the
page on the other side is live."""

from datetime import date

from django.urls import reverse

import pytest

from articles.models import ArticlePage
from home.models import HomeFeaturedService, HomeFeaturedTherapist

from .factories import (
    ArticlePageFactory,
    ArticleTopicFactory,
    ServicePageFactory,
    TherapistPageFactory,
    credentials,
    publish_as_reviewed,
)


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Exposure and response prevention")


@pytest.fixture
def therapist(therapist_index):
    return TherapistPageFactory(
        parent=therapist_index, title="Dana Whitfield", credentials=credentials("LPC")
    )


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def link_to(page):
    return f'href="{page.url}"'


def test_article_and_service_show_each_other(client, article_index, service):
    article = ArticlePageFactory(
        parent=article_index, title="Facing fears in small steps", related_services=[service]
    )

    assert service.articles == [article]
    assert article.linked_services == [service]
    assert link_to(article) in html_of(client, service)
    # The article links a service from its text where it matters; the relation itself is in
    # its structured data ("about"), not in a list repeating those links.
    assert f'"@id": "http://localhost{service.url}#therapy"' in html_of(client, article)


def test_therapist_and_service_show_each_other(client, therapist, service):
    therapist.services.add(service)
    therapist.save()

    assert service.therapists == [therapist]
    assert therapist.offered_services == [service]
    assert link_to(therapist) in html_of(client, service)
    assert link_to(service) in html_of(client, therapist)


def test_author_and_reviewer_show_on_the_article_and_the_article_on_their_profiles(
    client, article_index, therapist_index, therapist
):
    reviewer = TherapistPageFactory(parent=therapist_index, title="Marcus Hale")
    article = ArticlePageFactory(parent=article_index, author=therapist, clinical_reviewer=reviewer)

    article_html = html_of(client, article)
    assert f"{link_to(therapist)}>Dana Whitfield, LPC</a>" in article_html
    assert link_to(reviewer) in article_html
    for clinician in (therapist, reviewer):
        assert clinician.articles == [article]
        assert link_to(article) in html_of(client, clinician)


def test_draft_article_is_not_shown_on_its_service_or_its_author(
    client, article_index, service, therapist
):
    draft = ArticlePageFactory(
        parent=article_index, live=False, author=therapist, related_services=[service]
    )

    assert service.articles == []
    assert therapist.articles == []
    assert link_to(draft) not in html_of(client, service)
    assert link_to(draft) not in html_of(client, therapist)


def test_unpublished_service_is_not_shown_on_articles_or_therapists(
    client, article_index, service, therapist
):
    article = ArticlePageFactory(parent=article_index, related_services=[service])
    therapist.services.add(service)
    therapist.save()
    service.unpublish()

    assert article.linked_services == []
    assert therapist.offered_services == []
    assert link_to(service) not in html_of(client, article)
    assert link_to(service) not in html_of(client, therapist)


def test_draft_therapist_is_not_shown_on_the_service(client, therapist_index, service):
    draft = TherapistPageFactory(parent=therapist_index, live=False, services=[service])

    assert service.therapists == []
    assert link_to(draft) not in html_of(client, service)


def test_unpublished_author_and_reviewer_are_not_linked_from_the_article(
    client, article_index, therapist_index, therapist
):
    reviewer = TherapistPageFactory(parent=therapist_index, title="Marcus Hale")
    article = ArticlePageFactory(parent=article_index, author=therapist, clinical_reviewer=reviewer)
    therapist.unpublish()
    reviewer.unpublish()

    html = html_of(client, article)

    assert link_to(therapist) not in html
    assert link_to(reviewer) not in html


def test_unpublished_featured_pages_are_not_shown_on_the_home_page(
    client, home_page, service, therapist, service_index, therapist_index
):
    other_service = ServicePageFactory(parent=service_index, title="Couples counseling")
    other_therapist = TherapistPageFactory(parent=therapist_index, title="Marcus Hale")
    home_page.featured_services = [
        HomeFeaturedService(service=service),
        HomeFeaturedService(service=other_service),
    ]
    home_page.featured_therapists = [
        HomeFeaturedTherapist(therapist=therapist),
        HomeFeaturedTherapist(therapist=other_therapist),
    ]
    home_page.save()
    other_service.unpublish()
    other_therapist.unpublish()

    html = html_of(client, home_page)

    assert link_to(service) in html
    assert link_to(therapist) in html
    assert link_to(other_service) not in html
    assert link_to(other_therapist) not in html


def test_preview_shows_relations_chosen_in_the_editor_before_saving(
    rf, article_index, therapist, service
):
    """In a preview the relations live in memory (not yet saved), and must still render."""
    article = ArticlePageFactory(parent=article_index, title="Steadying a racing mind")
    article.related_services = [service]
    therapist.services = [service]

    article_preview = article.make_preview_request(rf.get("/"))
    therapist_preview = therapist.make_preview_request(rf.get("/"))

    assert article_preview.status_code == 200
    assert f'{service.url}#therapy"' in article_preview.content.decode()  # JSON-LD "about"
    assert therapist_preview.status_code == 200
    assert link_to(service) in therapist_preview.content.decode()


def test_related_articles_share_a_topic_or_service_newest_first_and_once(
    article_index, service, service_index
):
    worry, sleep = ArticleTopicFactory(name="Worry"), ArticleTopicFactory(name="Sleep")
    other_service = ServicePageFactory(parent=service_index, title="Couples counseling")

    def article(day, topics=(), services=(), **kwargs):
        return ArticlePageFactory(
            parent=article_index,
            first_published=date(2026, 3, day),
            topics=list(topics),
            related_services=list(services),
            **kwargs,
        )

    reading = article(1, [worry, sleep], [service])
    shares_everything = article(2, [worry, sleep], [service])  # three ways: listed once
    shares_a_service = article(4, [], [service])
    shares_a_topic = article(3, [sleep], [other_service])
    article(5, [], [other_service])  # shares nothing
    article(6, [worry], [service], live=False)

    related = reading.get_related_articles(limit=5)

    assert list(related) == [shares_a_service, shares_a_topic, shares_everything]
    assert list(reading.get_related_articles(limit=2)) == [shares_a_service, shares_a_topic]


# Relations that follow the text ---------------------------------------------------------------


def page_link(page, text="read more"):
    return f'<p>See <a linktype="page" id="{page.pk}">{text}</a>.</p>'


def publish_body(article, body):
    """Edit the article's body and publish it the proper way (reviewed)."""
    draft = article.get_latest_revision_as_object()
    draft.body = body
    publish_as_reviewed(draft)
    return ArticlePage.objects.get(pk=article.pk)


def test_a_service_linked_only_in_the_text_lists_the_article(client, article_index, service):
    article = ArticlePageFactory(
        parent=article_index, title="Small steps", body=[("paragraph", page_link(service))]
    )
    assert article.linked_services == [service]
    assert [s.pk for s in article.services_linked_in_text.all()] == [service.pk]
    assert link_to(article) in html_of(client, service)
    jsonld = html_of(client, article)
    assert f'"name": "{service.title}"' in jsonld or f'"name":"{service.title}"' in jsonld


def test_a_service_card_relates_the_article(article_index, service):
    card = ("service_card", {"service": service, "text": ""})
    article = ArticlePageFactory(parent=article_index, body=[card])
    assert article.linked_services == [service]


def test_removing_the_last_link_removes_the_relation_unless_ticked_by_hand(
    article_index, service_index, service
):
    ticked = ServicePageFactory(parent=service_index, title="Couples therapy")
    other_page = ArticlePageFactory(parent=article_index, title="Not a service")
    article = ArticlePageFactory(
        parent=article_index,
        related_services=[ticked],
        body=[("paragraph", page_link(service) + page_link(ticked) + page_link(other_page))],
    )
    assert {s.pk for s in article.related_services.all()} == {service.pk, ticked.pk}

    article = publish_body(article, [("paragraph", "<p>No links any more.</p>")])
    assert [s.pk for s in article.related_services.all()] == [ticked.pk]
    assert list(article.services_linked_in_text.all()) == []
    assert service.articles == []


def test_the_editor_sees_which_relations_came_from_the_text(admin_client, article_index, service):
    article = ArticlePageFactory(parent=article_index, body=[("paragraph", page_link(service))])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    panel = html[html.index("data-services-linked-in-text") :]
    assert service.title in panel[: panel.index("</div>")]
    assert "unless you also ticked the service" in html
