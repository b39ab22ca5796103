"""The benchmark's commands (bench/run) keep working: synthetic articles are created, indexed
and found, and the timing command runs every representative search through the view."""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings

from articles.models import ArticlePage
from search.management.commands.benchmark_search import QUERIES


def test_generated_articles_are_searchable_and_every_benchmark_query_answers(db, client):
    with override_settings(DEBUG=True):  # refused in production
        call_command("load_demo_content", stdout=StringIO())
    demo_articles = ArticlePage.objects.live().count()

    call_command("generate_articles", 4, stdout=StringIO())

    generated = ArticlePage.objects.order_by("-pk")[:4]
    assert ArticlePage.objects.live().count() == demo_articles + 4
    assert all(len(article.body) >= 8 for article in generated)
    newest = generated[0]
    response = client.get("/search/", {"q": newest.title, "type": "article"})
    assert newest.url in response.content.decode()

    out = StringIO()
    call_command("benchmark_search", rounds=1, stdout=out)
    report = out.getvalue()
    assert f"Requests:      {len(QUERIES)} ({len(QUERIES)} queries x 1 rounds)" in report
    assert "p95:" in report
