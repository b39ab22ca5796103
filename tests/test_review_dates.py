"""The published date tells the truth: the day an article first went live, unless staff
corrected it; the feed and the structured data follow it."""

import datetime
import json

from django.utils import timezone

from wagtail.models import Revision

from articles.models import ArticlePage

from .editorial import approve, submit_for_review

DRAFTED = datetime.date(2026, 3, 1)


def jsonld_nodes(html):
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    return data["@graph"] if isinstance(data, dict) and "@graph" in data else data


def test_an_article_is_dated_the_day_it_first_goes_live(
    client, editor, reviewer, draft_article, site
):
    assert draft_article.first_published is None  # drafting sets no date
    ArticlePage.objects.filter(pk=draft_article.pk).update(first_published=None)
    Revision.objects.filter(object_id=str(draft_article.pk)).update(
        created_at=timezone.make_aware(datetime.datetime(2026, 3, 1, 9))
    )
    submit_for_review(client, editor, draft_article)
    approve(client, reviewer, draft_article)
    article = ArticlePage.objects.get(pk=draft_article.pk)
    today = timezone.localdate()
    assert article.first_published == today

    html = client.get(article.url).content.decode()
    assert f'datetime="{today:%Y-%m-%d}"' in html
    assert f'"datePublished": "{today:%Y-%m-%d}"' in html or f'"{today:%Y-%m-%d}"' in html
    nodes = jsonld_nodes(html)
    article_node = next(node for node in nodes if node.get("@type") == "Article")
    assert article_node["datePublished"].startswith(f"{today:%Y-%m-%d}")
    feed = client.get("/feeds/articles.rss").content.decode()
    assert today.strftime("%d %b %Y") in feed


def test_the_date_stays_on_later_publications_and_staff_may_correct_it(
    client, editor, reviewer, draft_article
):
    submit_for_review(client, editor, draft_article)
    approve(client, reviewer, draft_article)
    first = ArticlePage.objects.get(pk=draft_article.pk).first_published

    ArticlePage.objects.filter(pk=draft_article.pk).update(first_published=DRAFTED)
    article = ArticlePage.objects.get(pk=draft_article.pk)
    # The next revision, drafted before the correction, still carries the page's date.
    assert article.get_latest_revision_as_object().first_published == DRAFTED
    submit_for_review(client, editor, article)
    approve(client, reviewer, article)
    assert ArticlePage.objects.get(pk=article.pk).first_published == DRAFTED
    assert first == timezone.localdate()
