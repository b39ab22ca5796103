"""Search without a query or without results still helps, and is never indexed."""

from practice.models import PracticeSettings

from .results import search

# Empty and no-result states


def test_empty_query_offers_topics_services_and_booking(client, practice, site):
    PracticeSettings.objects.update_or_create(
        site=site,
        defaults={"phone": "(205) 555-0142", "booking_url": "https://example.org/book"},
    )
    html = search(client).content.decode()
    assert "What can we help you find?" in html
    assert ">Parenting</a>" in html
    assert f'href="{practice["ifs"].url}">Internal Family Systems</a> (IFS)' in html
    assert 'href="tel:+12055550142"' in html
    assert 'href="https://example.org/book"' in html


def test_no_results_state_helps(client, practice):
    html = search(client, q="xylophone").content.decode()
    assert "Nothing on the site matches “xylophone”" in html
    assert "Popular topics" in html
    assert "Our services" in html


def test_results_page_is_not_indexed(client, practice):
    for params in ({}, {"q": "panic"}):
        assert '<meta name="robots" content="noindex">' in search(client, **params).content.decode()


def test_popular_topics_follow_what_is_published(client, practice):
    """The topics suggested for an empty search are cached, and forgotten when an article is
    published or unpublished: a topic whose only article went offline is no longer offered."""
    assert ">Parenting</a>" in search(client).content.decode()
    practice["guilt"].unpublish()
    assert ">Parenting</a>" not in search(client).content.decode()
