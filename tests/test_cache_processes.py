"""Two app processes sharing a database and Redis serve one page cache and see each other's
invalidations: a change published anywhere is fresh in every process at once. The database is
a copy of the session's (SQLite or PostgreSQL, as `make test` runs), already migrated."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from .database_copies import copy_test_database, drop_copy

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATABASE = "practice_golive_processes"
REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")
PORTS = (8154, 8155)

MIGRATE = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
"""
CREATE_ARTICLE = """
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


def redis_available() -> bool:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError:
        return False
    return True


def environment(database_url) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    env.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="practice.settings",
        DATABASE_URL=database_url,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX="practice-processes-test",
    )
    return env


def manage(database_url, *args):
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment(database_url),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory):
    if not redis_available():
        if os.environ.get("CI"):
            pytest.fail("Redis must run in CI")
        pytest.skip("Redis is not running")
    import redis

    directory = tmp_path_factory.mktemp("processes")
    database_url = copy_test_database(django_db_blocker, name=DATABASE, directory=directory)
    set_up = CREATE_ARTICLE
    if database_url is None:  # nothing to copy: an empty database, migrated first
        database_url = f"sqlite:///{directory / 'empty.sqlite3'}"
        set_up = MIGRATE + CREATE_ARTICLE
    redis.Redis.from_url(REDIS_URL).flushdb()
    manage(database_url, "shell", "-c", set_up)

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
            env=environment(database_url),
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
        yield database_url, [f"http://127.0.0.1:{port}" for port in PORTS]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        redis.Redis.from_url(REDIS_URL).flushdb()
        drop_copy(django_db_blocker, database_url)


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
    database_url, (first, second) = servers
    assert get(first).headers["X-Page-Cache"] in ("miss", "hit")
    assert get(first).headers["X-Page-Cache"] == "hit"
    # The second process never rendered the page: it reads the first one's copy from Redis.
    assert get(second).headers["X-Page-Cache"] == "hit"
    get(first, "/articles/")

    manage(database_url, "shell", "-c", RENAME_ARTICLE)  # an editor publishes, in a third process

    for base in (second, first):
        response = get(base)
        assert "Worry before sleep, revised" in response.text
        assert "Worry before sleep, revised" in get(base, "/articles/").text

    manage(database_url, "shell", "-c", UNPUBLISH_ARTICLE)

    assert get(second).status_code == 404
    assert get(first).status_code == 404
