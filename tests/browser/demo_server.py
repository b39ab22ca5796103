"""The demo site served to a browser test module: the demo content loaded once per module into
the test database, served by its own live server, and the database put back as the migrations
left it afterwards (so later tests start from the usual state). Not a test module."""

import io
from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection

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
    """Generator for a module-scoped fixture: yields a DemoSite on 127.0.0.1:port."""
    with django_db_blocker.unblock():
        # Never load into (and flush) a developer's database: the module must have asked
        # pytest-django for the test database (a django_db mark).
        in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
        if not in_memory and not connection.settings_dict["NAME"].startswith("test_"):
            raise RuntimeError("The demo site is only loaded into a test database.")
        migrated_state = connection.creation.serialize_db_to_string()
        call_command("load_demo_content", stdout=io.StringIO())
        server = LiveServer(f"127.0.0.1:{port}")
        try:
            yield DemoSite(url=server.url, pages=demo_paths())
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(migrated_state)
