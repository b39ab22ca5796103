"""The benchmark's commands (bench/run) keep working: synthetic articles are created, indexed
and found, and the timing command runs every representative search through the view. They live
in the development-only `bench` app, which production settings never install."""

from io import StringIO

from django.core.management import call_command

import pytest

from articles.models import ArticlePage
from bench.management.commands.benchmark_search import QUERIES

from .test_settings import SETUP, start_django

LIST_COMMANDS = f"{SETUP}; from django.core.management import get_commands; print(*get_commands())"
BENCH_COMMANDS = {"generate_articles", "benchmark_search"}


def test_generated_articles_are_searchable_and_every_benchmark_query_answers(demo_site, client):
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


def management_commands(**environment) -> set[str]:
    """The commands `manage.py` offers in a fresh process with only the given settings."""
    result = start_django(code=LIST_COMMANDS, **environment)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_production_settings_do_not_install_the_bench_app():
    commands = management_commands(
        DEBUG="0",
        SECRET_KEY="a-long-random-production-key",
        ALLOWED_HOSTS="www.example.org",
        APPOINTMENT_ENCRYPTION_KEYS="rTmTZ8tGS2q8Pg0ZlJxGm3Yg2QJ9Jg6Xb9r6m0m1r0Q=",
    )

    assert "migrate" in commands
    assert not commands & BENCH_COMMANDS


@pytest.mark.parametrize(
    "environment",
    [
        {"DEBUG": "1"},
        # The test settings install it themselves, whatever DEBUG says.
        {
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "SECRET_KEY": "a-long-random-test-key",
            "ALLOWED_HOSTS": "testserver",
            "APPOINTMENT_ENCRYPTION_KEYS": "rTmTZ8tGS2q8Pg0ZlJxGm3Yg2QJ9Jg6Xb9r6m0m1r0Q=",
        },
    ],
    ids=["development", "tests"],
)
def test_development_and_test_settings_install_the_bench_app(environment):
    assert management_commands(**environment) >= BENCH_COMMANDS
