"""RSS and Atom feeds of the newest articles, for the whole site and for each topic.

The site-wide feeds keep a fixed address that every page's head can link without a lookup:
/feeds/articles.rss and .atom (articles/views.py). A topic's feeds are routes of the articles
index, next to the topic's page: /articles/topics/<slug>/feed/ (RSS) and feed/atom/. Links are
absolute, from the Wagtail Site record like every other absolute URL.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from wagtail.models import Page, Site

from .models.article import ArticlePage
from .models.topics import ArticleTopic

FEED_LENGTH = 20


@dataclass(frozen=True)
class FeedSource:
    site: Site
    index: Page  # the site's ArticleIndexPage
    topic: ArticleTopic | None
    path: str


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index, topic=None):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("No site is configured for this address.")
        return FeedSource(site=site, index=index, topic=topic, path=request.path)

    def title(self, obj):
        name = obj.site.site_name or obj.site.hostname
        if obj.topic:
            return f"{obj.topic.name}: articles from {name}"
        return f"Articles from {name}"

    def link(self, obj):
        if obj.topic:
            return obj.index.get_full_url() + obj.index.topic_path(obj.topic)
        return obj.index.get_full_url()

    def feed_url(self, obj):
        return f"{obj.site.root_url}{obj.path}"

    def description(self, obj):
        if obj.topic:
            return obj.index.topic_description(obj.topic)
        if obj.index.summary:
            return obj.index.summary
        return "Self-help articles written and reviewed by our clinicians."

    def items(self, obj):
        articles = (
            ArticlePage.objects.live()
            .public()
            .descendant_of(obj.index)
            .defer_streamfields()
            .select_related("author")
            .prefetch_related("topics", "author__credentials")
            .order_by("-first_published", "-pk")
        )
        if obj.topic:
            articles = articles.filter(topics=obj.topic)
        return articles[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.first_published, time.min))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author.name_with_credentials if item.author else None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
