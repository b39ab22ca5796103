"""The articles index and its topic pages.

The index is a routable page: `/articles/` lists every article, `/articles/topics/<slug>/` the
articles about one topic, with its own title, description, canonical URL, breadcrumb,
structured data and feeds (`/articles/topics/<slug>/feed/` for RSS, `feed/atom/` for Atom; Wagtail serves
page paths that end in a slash). The old filter
address `/articles/?topic=<slug>` answers with a permanent redirect to the topic's page.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from articles.feeds import LatestArticlesAtomFeed, LatestArticlesFeed
from articles.filters import ArticleFilterSet
from articles.review import ArticleIndexPermissionTester
from practice.pages import DESCRIPTION_MAX_LENGTH, IndexPage, fit_title, shorten

from .article import ArticlePage
from .topics import ArticleTopic, card_image_prefetch

ARTICLES_PER_PAGE = 10


@dataclass(frozen=True)
class TopicLink:
    """A topic with the addresses of its page and feeds under the articles index."""

    topic: ArticleTopic
    url: str
    rss_url: str
    atom_url: str


class ArticleIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["articles.ArticlePage"]

    # What a route serves, set before it renders so that the title, description, canonical
    # URL, breadcrumb and structured data describe that listing: the topic (None on the index
    # itself) and the number of the page of articles.
    topic = None
    listing_page_number = 1

    class Meta:
        verbose_name = _("articles index")

    def permissions_for_user(self, user):
        return ArticleIndexPermissionTester(user, self)

    def get_articles(self):
        """Live, public articles under this index, newest first, ready for cards."""
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(card_image_prefetch(), "topics")
            .order_by("-first_published", "-pk")
        )

    # -- Routes --------------------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        article_filter = ArticleFilterSet(request.GET, self.get_articles(), request=request)
        topic = article_filter.active_filters.get("topic")
        if topic:
            kept = self.kept_parameters(request, article_filter)
            return HttpResponsePermanentRedirect(self.topic_url(topic, request) + kept)
        return self.serve_listing(request, article_filter)

    @path("topics/<slug:slug>/", name="topic")
    def topic_route(self, request, slug):
        self.topic = self.get_topic(slug)
        query = request.GET.copy()
        query.pop("topic", None)  # the page is the topic filter
        articles = self.get_articles().filter(topics=self.topic)
        article_filter = ArticleFilterSet(query, articles, request=request)
        return self.serve_listing(
            request, article_filter, template="articles/article_topic_page.html"
        )

    @path("topics/<slug:slug>/feed/", name="topic_feed_rss")
    def topic_feed_rss(self, request, slug):
        return LatestArticlesFeed()(request, index=self, topic=self.get_topic(slug))

    @path("topics/<slug:slug>/feed/atom/", name="topic_feed_atom")
    def topic_feed_atom(self, request, slug):
        return LatestArticlesAtomFeed()(request, index=self, topic=self.get_topic(slug))

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin previews the index route whatever the mode; wagtail-seo's search
        # preview is a mode of its own, rendered as Wagtail renders any preview mode.
        if mode_name == self.default_preview_mode:
            return super().serve_preview(request, mode_name)
        return super(RoutablePageMixin, self).serve_preview(request, mode_name)

    def get_topic(self, slug) -> ArticleTopic:
        """A topic with live articles, else 404: a topic without articles has no page."""
        return get_object_or_404(ArticleTopic.objects.in_use(), slug=slug)

    def serve_listing(self, request, article_filter, template=None):
        paginator = Paginator(article_filter.qs, ARTICLES_PER_PAGE)
        articles = paginator.get_page(request.GET.get("page"))
        self.listing_page_number = articles.number
        return self.render(
            request,
            template=template,
            context_overrides={
                "articles": articles,
                "article_filter": article_filter,
                "active_service": article_filter.active_filters.get("service"),
                # Lazy: read only when the cached fragment is missing (practice/cache.py).
                "topic_links": SimpleLazyObject(lambda: self.topic_links),
            },
        )

    @staticmethod
    def kept_parameters(request, article_filter) -> str:
        """The query string a redirect keeps: the valid service filter and page number."""
        kept = {}
        service = article_filter.active_filters.get("service")
        if service:
            kept["service"] = service.slug
        page = request.GET.get("page", "")
        if page.isascii() and page.isdigit() and int(page) > 1:
            kept["page"] = int(page)
        return f"?{urlencode(kept)}" if kept else ""

    # -- Topic addresses -------------------------------------------------------------------

    def topic_path(self, topic, route="topic") -> str:
        """The part of a topic's address after the index's, e.g. "topics/anxiety/"."""
        return self.reverse_subpage(route, kwargs={"slug": topic.slug})

    def topic_url(self, topic, request=None) -> str:
        return self.get_url(request) + self.topic_path(topic)

    def topic_feed_url(self, topic, feed_format, request=None) -> str:
        return self.get_url(request) + self.topic_path(topic, f"topic_feed_{feed_format}")

    def links_for_topics(self, topics) -> list[TopicLink]:
        index_url = self.url
        return [
            TopicLink(
                topic=topic,
                url=index_url + self.topic_path(topic),
                rss_url=index_url + self.topic_path(topic, "topic_feed_rss"),
                atom_url=index_url + self.topic_path(topic, "topic_feed_atom"),
            )
            for topic in topics
        ]

    @cached_property
    def topic_links(self) -> list[TopicLink]:
        """Every topic that has a page, for the topic list."""
        return self.links_for_topics(ArticleTopic.objects.in_use())

    @property
    def topic_feeds(self) -> list[TopicLink]:
        """The topic feeds the page's head offers: the shown topic's."""
        return self.links_for_topics([self.topic]) if self.topic else []

    def topic_description(self, topic) -> str:
        return topic.description or _(
            "Articles about %(topic)s, written and reviewed by our clinicians: practical "
            "steps, what to expect, and when to ask for help."
        ) % {"topic": topic.name}

    # -- What crawlers see of a route ------------------------------------------------------

    @property
    def is_plain_index(self) -> bool:
        return self.topic is None and self.listing_page_number == 1

    @cached_property
    def listing_title(self) -> str:
        if self.topic:
            title = _("Articles about %(topic)s") % {"topic": self.topic.name}
        else:
            title = self.seo_title or self.title
        if self.listing_page_number > 1:
            title = _("%(title)s, page %(number)s") % {
                "title": title,
                "number": self.listing_page_number,
            }
        return str(title)

    @cached_property
    def seo_pagetitle(self) -> str:
        if self.is_plain_index:
            return super().seo_pagetitle
        return fit_title(self.listing_title, self.seo_sitename)

    @cached_property
    def seo_description(self) -> str:
        if self.topic:
            return shorten(str(self.topic_description(self.topic)), DESCRIPTION_MAX_LENGTH)
        return super().seo_description

    @cached_property
    def seo_canonical_url(self) -> str:
        """Each listing is its own canonical page: a topic, and page 2 is not page 1 (which
        has no ?page=1). Other filters (a service) are views of the same listing."""
        if self.is_plain_index:
            return super().seo_canonical_url
        url = self.get_full_url() + (self.topic_path(self.topic) if self.topic else "")
        if self.listing_page_number > 1:
            url += f"?page={self.listing_page_number}"
        return url

    @cached_property
    def breadcrumbs(self):
        """On a topic's page, the index is a step of the trail."""
        ancestors = super().breadcrumbs
        return [*ancestors, self] if self.topic else ancestors

    @property
    def schema_name(self) -> str:
        return self.listing_title

    def get_schema_page_url(self, root_url: str, page_path: str) -> str:
        if self.is_plain_index:
            return super().get_schema_page_url(root_url, page_path)
        return self.seo_canonical_url

    def get_sitemap_urls(self, request=None):
        """The index, then the page of every topic that has live articles."""
        urls = super().get_sitemap_urls(request)
        index_url = self.get_full_url(request)
        topics = ArticleTopic.objects.in_use().annotate(
            lastmod=Max("articles__last_published_at", filter=Q(articles__live=True))
        )
        urls += [
            {"location": index_url + self.topic_path(topic), "lastmod": topic.lastmod}
            for topic in topics
        ]
        return urls
