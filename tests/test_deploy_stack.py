"""The production stack as `make serve` runs it (deploy/serve): nginx in front of gunicorn with
DEBUG off, checked from outside over HTTP. Skipped where nginx is missing, except in CI."""

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

from .database_copies import copy_test_database, drop_copy

pytestmark = pytest.mark.stack
PROJECT_DIR = Path(__file__).resolve().parent.parent
PORT, APP_PORT = 8152, 8153
BASE = f"http://127.0.0.1:{PORT}"
# Generous: the machine may be busy; the slow-client test compares against nginx's 15 s wait.
TIMEOUT = 30
# How long nginx's micro-cache keeps an anonymous page in this test (README § Caching).
PROXY_CACHE_SECONDS = 3
STACK_DATABASE = "practice_stack_test"


def wait_for(url, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=30).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise TimeoutError(url)


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker):
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        if os.environ.get("CI"):
            pytest.fail("nginx is not installed; CI must run the stack test.")
        pytest.skip("nginx is not installed")
    # Not under pytest's private tmp: nginx workers started by root run as nobody.
    root = Path(tempfile.mkdtemp(prefix="practice-stack-"))
    root.chmod(0o755)
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DEBUG", "SECURE_"))
    }
    # On a copy of the session's database (SQLite or PostgreSQL), already migrated.
    copy = copy_test_database(django_db_blocker, name=STACK_DATABASE, directory=root)
    env.update(
        DATABASE_URL=copy or f"sqlite:///{root / 'db.sqlite3'}",
        MEDIA_ROOT=str(root / "media"),
        STATIC_ROOT=str(root / "static"),
        SERVE_PORT=str(PORT),
        SERVE_APP_PORT=str(APP_PORT),
        SERVE_RUN_DIR=str(root / "run"),
        WEB_CONCURRENCY="2",
        # The two workers share one page cache, as on a server (.ci/run starts Redis).
        REDIS_URL="redis://127.0.0.1:6379/11",
        CACHE_KEY_PREFIX=f"stack-test-{os.getpid()}",
        PROXY_CACHE_SECONDS=str(PROXY_CACHE_SECONDS),
    )
    (root / "env.json").write_text(json.dumps(env))
    log = (root / "serve.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - our own script
        [str(PROJECT_DIR / "deploy" / "serve")],
        cwd=PROJECT_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(f"{BASE}/healthz", 400)
        yield root
    except TimeoutError:
        pytest.fail(f"make serve did not start:\n{(root / 'serve.log').read_text()[-3000:]}")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
        shutil.rmtree(root, ignore_errors=True)
        drop_copy(django_db_blocker, copy)


def test_a_page_answers_through_nginx_compressed_and_without_a_version(stack):
    response = requests.get(f"{BASE}/", headers={"Accept-Encoding": "gzip"}, timeout=TIMEOUT)

    assert response.status_code == 200
    assert response.headers["Server"] == "nginx"
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Strict-Transport-Security" not in response.headers  # plain http on loopback
    # The demo is addressed where the stack serves it, not at `make run`'s port.
    assert f'<link rel="canonical" href="{BASE}/">' in response.text

    again = requests.get(f"{BASE}/", timeout=TIMEOUT)
    assert again.headers["X-Proxy-Cache"] == "HIT"
    unchanged = requests.get(
        f"{BASE}/", headers={"If-None-Match": again.headers["ETag"]}, timeout=TIMEOUT
    )
    assert unchanged.status_code == 304


def test_static_files_are_served_by_nginx_for_a_year(stack):
    manifest = json.loads((stack / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]

    response = requests.get(f"{BASE}/static/{hashed}", timeout=TIMEOUT)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/css")
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_media_files_are_served_and_cannot_run_script(stack):
    image = next((stack / "media" / "original_images").iterdir())

    response = requests.get(f"{BASE}/media/original_images/{image.name}", timeout=TIMEOUT)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("image/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert requests.get(f"{BASE}/media/documents/x.pdf", timeout=TIMEOUT).status_code == 404


def test_a_20_mib_post_is_refused_with_413(stack):
    body = b"x" * (20 * 1024 * 1024)
    try:
        response = requests.post(f"{BASE}/articles/", data=body, timeout=30)
        status = response.status_code
    except requests.ConnectionError:
        pytest.fail("nginx closed the connection instead of answering 413")
    assert status == 413


def test_slow_clients_do_not_delay_other_visitors(stack):
    """More trickling clients than gunicorn has workers: nginx holds them, not the app."""
    slow = []
    for _ in range(6):
        sock = socket.create_connection(("127.0.0.1", PORT))
        sock.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        slow.append(sock)
    try:
        time.sleep(0.5)
        started = time.monotonic()
        response = requests.get(f"{BASE}/robots.txt", timeout=TIMEOUT)
        elapsed = time.monotonic() - started
        for sock in slow:
            sock.sendall(b"1")
    finally:
        for sock in slow:
            sock.close()

    assert response.status_code == 200
    # Stalled behind the trickling clients, it would wait for nginx's 15 s header timeout.
    assert elapsed < 5


def test_forwarded_proto_from_a_client_is_not_believed(stack):
    response = requests.get(f"{BASE}/", headers={"X-Forwarded-Proto": "https"}, timeout=TIMEOUT)

    assert "Strict-Transport-Security" not in response.headers


def test_request_logs_carry_no_address_or_query(stack):
    requests.get(f"{BASE}/search/?q=panic-attack-at-night", timeout=TIMEOUT)
    time.sleep(0.5)

    logs = (stack / "run" / "nginx-access.log").read_text() + (stack / "serve.log").read_text()
    assert '"GET /search/ HTTP/1.1" 200' in logs
    assert "panic-attack-at-night" not in logs
    assert "127.0.0.1 -" not in logs


def test_healthz_through_nginx_is_never_cached(stack):
    response = requests.get(f"{BASE}/healthz", timeout=TIMEOUT)

    assert response.json()["status"] == "ok"
    assert "no-cache" in response.headers["Cache-Control"]


def test_anonymous_pages_are_answered_by_nginx_for_a_few_seconds(stack):
    url = f"{BASE}/services/"
    first = requests.get(url, timeout=TIMEOUT)
    second = requests.get(url, timeout=TIMEOUT)

    assert second.headers["X-Proxy-Cache"] == "HIT"
    assert second.text == first.text
    assert "X-Accel-Expires" not in second.headers
    # A visitor with any cookie passes nginx by; Django's own page cache still answers.
    with_cookie = requests.get(url, cookies={"consent": "1"}, timeout=TIMEOUT)
    assert with_cookie.headers["X-Proxy-Cache"] == "BYPASS"
    assert with_cookie.headers["X-Page-Cache"] == "hit"


def test_a_request_with_a_session_is_never_served_from_nginx(stack):
    url = f"{BASE}/therapists/"
    requests.get(url, timeout=TIMEOUT)
    assert requests.get(url, timeout=TIMEOUT).headers["X-Proxy-Cache"] == "HIT"

    signed_in = requests.get(url, cookies={"sessionid": "a-session"}, timeout=TIMEOUT)

    assert signed_in.headers["X-Proxy-Cache"] == "BYPASS"
    assert "X-Page-Cache" not in signed_in.headers  # nor from Django's cache
    assert "private" in signed_in.headers["Cache-Control"]


def test_a_publish_shows_through_nginx_within_its_few_seconds(stack):
    requests.get(f"{BASE}/", timeout=TIMEOUT)
    assert requests.get(f"{BASE}/", timeout=TIMEOUT).headers["X-Proxy-Cache"] == "HIT"
    env = {**json.loads((stack / "env.json").read_text()), "DEBUG": "1"}
    publish = (
        "from home.models import HomePage; page = HomePage.objects.get(); "
        "page.hero_heading = 'Published a moment ago'; page.save_revision().publish()"
    )
    subprocess.run(  # noqa: S603 - our own manage.py
        [str(PROJECT_DIR / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", publish],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    published = time.monotonic()

    while b"Published a moment ago" not in requests.get(f"{BASE}/", timeout=TIMEOUT).content:
        assert time.monotonic() - published < PROXY_CACHE_SECONDS + 2
        time.sleep(0.2)
