"""Views outside the page tree: the site-wide article feeds and the permanent redirects from
the old topic feed addresses (/feeds/topics/<slug>.rss) to the topic pages' feeds."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404

from wagtail.models import Site

from .feeds import LatestArticlesAtomFeed, LatestArticlesFeed
from .models import ArticleIndexPage, ArticleTopic

FEEDS = {"rss": LatestArticlesFeed, "atom": LatestArticlesAtomFeed}


def site_article_index(request) -> ArticleIndexPage:
    site = Site.find_for_request(request)
    index = site and ArticleIndexPage.objects.live().public().in_site(site).first()
    if index is None:
        raise Http404("This site has no articles.")
    return index


def articles_feed(request, feed_format):
    """The newest articles of the whole site."""
    return FEEDS[feed_format]()(request, index=site_article_index(request))


def old_topic_feed(request, topic, feed_format):
    """/feeds/topics/<slug>.rss, the address before topics had pages, moved for good."""
    index = site_article_index(request)
    topic = get_object_or_404(ArticleTopic, slug=topic)
    return HttpResponsePermanentRedirect(index.topic_feed_url(topic, feed_format, request))
