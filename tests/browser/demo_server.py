"""The demo site served to a browser test module: the session's demo content (built once, see
tests/conftest.py `demo_content`) served by the module's own live server. Not a test module."""

from dataclasses import dataclass

from pytest_django.live_server_helper import LiveServer


@dataclass(frozen=True)
class DemoSite:
    url: str
    pages: dict[str, str]  # page type -> path

    def __getitem__(self, page_type: str) -> str:
        return self.url + self.pages[page_type]


def demo_paths() -> dict[str, str]:
    """One page of every type the public sees, by type."""
    from articles.models import ArticleIndexPage, ArticlePage
    from home.models import HomePage, StandardPage
    from services.models import ServiceIndexPage, ServicePage, TherapistIndexPage, TherapistPage

    def first(model, **filters):
        return model.objects.live().filter(**filters).order_by("path").first()

    article_index = first(ArticleIndexPage)
    topic = article_index.topic_links[0] if article_index.topic_links else None
    paths = {
        "home": first(HomePage).url,
        "article index": article_index.url,
        "article": first(ArticlePage, hero_image__isnull=False).url,
        "service index": first(ServiceIndexPage).url,
        "service": first(ServicePage).url,
        "therapist index": first(TherapistIndexPage).url,
        "therapist": first(TherapistPage).url,
        "search": "/search/?q=anxiety",
        "not found": "/no-such-page/",
    }
    if topic:
        paths["topic"] = topic.url
    standard = first(StandardPage)
    if standard:
        paths["standard"] = standard.url
    return paths


def serve_demo_site(django_db_blocker, port: int):
    """Generator for a module-scoped fixture that requests `demo_content`: yields a DemoSite
    on 127.0.0.1:port."""
    with django_db_blocker.unblock():
        pages = demo_paths()
    server = LiveServer(f"127.0.0.1:{port}")
    try:
        yield DemoSite(url=server.url, pages=pages)
    finally:
        server.stop()
