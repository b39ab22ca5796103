from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from articles import views as article_views
from practice import views as practice_views
from practice.health import healthz
from practice.sitemaps import PageTypeSitemap
from search import views as search_views

SITEMAP_SECTIONS = {
    "articles": PageTypeSitemap.section(of=("articles.ArticlePage",)),
    "pages": PageTypeSitemap.section(other_than=("articles.ArticlePage",)),
}

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAP_SECTIONS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAP_SECTIONS, "template_name": "practice/sitemap_section.xml"},
        name="sitemap_section",
    ),
    path("robots.txt", practice_views.robots_txt, name="robots_txt"),
    path(
        "feeds/articles.rss",
        article_views.articles_feed,
        {"feed_format": "rss"},
        name="articles_feed_rss",
    ),
    path(
        "feeds/articles.atom",
        article_views.articles_feed,
        {"feed_format": "atom"},
        name="articles_feed_atom",
    ),
    # Topic feeds moved next to the topic pages (/articles/topics/<slug>/feed/).
    path(
        "feeds/topics/<slug:topic>.rss",
        article_views.old_topic_feed,
        {"feed_format": "rss"},
        name="old_topic_feed_rss",
    ),
    path(
        "feeds/topics/<slug:topic>.atom",
        article_views.old_topic_feed,
        {"feed_format": "atom"},
        name="old_topic_feed_atom",
    ),
]

handler500 = practice_views.server_error

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
