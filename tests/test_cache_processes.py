"""Two app processes sharing PostgreSQL and Redis serve one page cache and see each other's
invalidations: a change published anywhere is fresh in every process at once."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

PROJECT_DIR = Path(__file__).resolve().parent.parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"
DATABASE = "practice_golive_processes"
REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")
PORTS = (8154, 8155)

# One process for both: each start of Django costs a couple of seconds.
MIGRATE_AND_CREATE_ARTICLE = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from home.models import HomePage
index = ArticleIndexPageFactory(parent=HomePage.objects.get(), title="Articles", slug="articles")
article = ArticlePageFactory(parent=index, title="Worry before sleep", slug="worry-before-sleep")
"""
RENAME_ARTICLE = """
from articles.models import ArticlePage
from tests.factories import publish_as_reviewed
article = ArticlePage.objects.get(slug="worry-before-sleep")
article.title = "Worry before sleep, revised"
publish_as_reviewed(article)
"""
UNPUBLISH_ARTICLE = """
from articles.models import ArticlePage
ArticlePage.objects.get(slug="worry-before-sleep").unpublish()
"""


def engines_available() -> bool:
    try:
        import psycopg
        import redis

        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception:
        return False
    return True


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    env.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="practice.settings",
        DATABASE_URL=f"{POSTGRES}/{DATABASE}",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX="practice-processes-test",
    )
    return env


def manage(*args):
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def servers():
    if not engines_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL and Redis must run in CI")
        pytest.skip("PostgreSQL or Redis is not running")
    import psycopg
    import redis

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    redis.Redis.from_url(REDIS_URL).flushdb()
    manage("shell", "-c", MIGRATE_AND_CREATE_ARTICLE)

    processes = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
            # `make check` runs the system checks; each server need not again.
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--skip-checks",
                f"127.0.0.1:{port}",
            ],
            cwd=PROJECT_DIR,
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in PORTS
    ]
    try:
        for port in PORTS:
            wait_until_up(f"http://127.0.0.1:{port}/healthz")
        # The site's first view creates its settings rows (a settings change: the cache
        # starts a new generation); the test starts from a settled site.
        get(f"http://127.0.0.1:{PORTS[0]}")
        get(f"http://127.0.0.1:{PORTS[0]}", "/articles/")
        yield [f"http://127.0.0.1:{port}" for port in PORTS]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        redis.Redis.from_url(REDIS_URL).flushdb()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def wait_until_up(url, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=30).status_code == 200:
                return
        except requests.RequestException:
            time.sleep(0.2)
    raise TimeoutError(url)


def get(base, path="/articles/worry-before-sleep/"):
    # One public host name, as behind a load balancer (the cache key includes the host).
    return requests.get(base + path, headers={"Host": "localhost"}, timeout=60)


def test_two_processes_share_the_cache_and_its_invalidations(servers):
    first, second = servers
    assert get(first).headers["X-Page-Cache"] in ("miss", "hit")
    assert get(first).headers["X-Page-Cache"] == "hit"
    # The second process never rendered the page: it reads the first one's copy from Redis.
    assert get(second).headers["X-Page-Cache"] == "hit"
    get(first, "/articles/")

    manage("shell", "-c", RENAME_ARTICLE)  # an editor publishes, in a third process

    for base in (second, first):
        response = get(base)
        assert "Worry before sleep, revised" in response.text
        assert "Worry before sleep, revised" in get(base, "/articles/").text

    manage("shell", "-c", UNPUBLISH_ARTICLE)

    assert get(second).status_code == 404
    assert get(first).status_code == 404
