from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from articles.feeds import LatestArticlesAtomFeed, LatestArticlesFeed
from practice import views as practice_views
from practice.health import healthz
from search import views as search_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", practice_views.robots_txt, name="robots_txt"),
    path("feeds/articles.rss", LatestArticlesFeed(), name="articles_feed_rss"),
    path("feeds/articles.atom", LatestArticlesAtomFeed(), name="articles_feed_atom"),
    path("feeds/topics/<slug:topic>.rss", LatestArticlesFeed(), name="topic_feed_rss"),
    path("feeds/topics/<slug:topic>.atom", LatestArticlesAtomFeed(), name="topic_feed_atom"),
]

handler500 = practice_views.server_error

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
