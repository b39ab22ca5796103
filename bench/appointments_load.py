"""Load check for appointment requests: nothing lost, nothing stored twice, no server error.

Starts gunicorn (2 workers, loopback only) on a fresh database, then 20 concurrent clients
each fetch the request form (CSRF cookie and submission token) and post a valid request; each
client then posts the same form again, as a visitor pressing Back and Send would. At the end
the database must hold exactly one row per request, and no response may be a 5xx.

    .venv/bin/python bench/appointments_load.py                  # SQLite, 200 requests
    .venv/bin/python bench/appointments_load.py --database postgres
    .venv/bin/python bench/appointments_load.py --requests 50 --clients 5 --port 8141

PostgreSQL: a scratch database `practice_appointments_bench` on BENCH_POSTGRES_URL's server
(default postgres://postgres@127.0.0.1:5432), dropped afterwards. SQLite: a temporary file.
Set BENCH_REDIS_URL (e.g. redis://127.0.0.1:6379/5) to share the rate limiter's cache between
the workers as production does. Exits non-zero when a check fails.
"""

import argparse
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORM_PATH = "/request-an-appointment/"
TOKEN_PATTERN = re.compile(r'name="(csrfmiddlewaretoken|submission_token)" value="([^"]+)"')
PG_DB = "practice_appointments_bench"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--port", type=int, default=8140, help="loopback port (default 8140)")
    return parser.parse_args()


def server_environment(args, workdir: Path) -> dict:
    env = {
        **os.environ,
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "practice.settings",
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "APPOINTMENT_NOTIFICATION_EMAILS": "intake@example.org",
        # Every client is 127.0.0.1 here; the limiter still runs, with room for the check.
        "APPOINTMENT_RATE_LIMIT": str(args.requests * 4),
        "LOG_LEVEL": "WARNING",
    }
    if args.database == "postgres":
        server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
        env["DATABASE_URL"] = f"{server}/{PG_DB}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    return env


def manage(env, *args) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


SETUP = """
from home.models import HomePage
from services.models import AppointmentRequestPage
home = HomePage.objects.get()
home.add_child(instance=AppointmentRequestPage(title="Request an appointment",
    slug="request-an-appointment", telehealth_states="AL"))
"""

COUNT = """
from services.models import AppointmentRequest
rows = AppointmentRequest.objects.all()
print(rows.count(), rows.values("submission_token").distinct().count(),
      rows.filter(notified_at__isnull=False).count())
"""


def psql(server, command):
    subprocess.run(["psql", "-q", f"{server}/postgres", "-c", command], check=True)


class Client:
    """One visitor: their own cookies, no automatic redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self.NoRedirect
        )

    def request(self, path, data=None) -> tuple[int, str, float]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        started = time.perf_counter()
        try:
            with self.opener.open(self.base_url + path, body, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        return status, text, time.perf_counter() - started


def one_visitor(base_url, number, results, lock):
    client = Client(base_url)
    status, html, get_seconds = client.request(FORM_PATH)
    tokens = dict(TOKEN_PATTERN.findall(html))
    form = {
        **tokens,
        "name": f"Load Test Visitor {number}",
        "contact_method": "email",
        "email": f"visitor{number}@example.net",
        "session_format": "telehealth",
        "telehealth_state": "AL",
        "preferred_days": ["mon", "wed"],
        "preferred_times": ["evening"],
        "message": "Evenings suit me best.",
        "consent": "on",
    }
    post_status, _text, post_seconds = client.request(FORM_PATH, form)
    again_status, _text, _seconds = client.request(FORM_PATH, form)  # Back, then Send again
    with lock:
        results.append((status, post_status, again_status, get_seconds, post_seconds))


def wait_for(base_url, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited early")
        try:
            urllib.request.urlopen(base_url + FORM_PATH, timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    args = parse_args()
    if not 8140 <= args.port <= 8149:
        raise SystemExit("Use a port between 8140 and 8149.")
    pg_server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    with tempfile.TemporaryDirectory(prefix="appointments-bench-") as workdir:
        env = server_environment(args, Path(workdir))
        if args.database == "postgres":
            psql(pg_server, f"DROP DATABASE IF EXISTS {PG_DB}")
            psql(pg_server, f"CREATE DATABASE {PG_DB}")
        try:
            manage(env, "migrate", "--noinput")
            manage(env, "shell", "-c", SETUP)
            base_url = f"http://127.0.0.1:{args.port}"
            server = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "practice.wsgi",
                    "--workers=2",
                    f"--bind=127.0.0.1:{args.port}",
                    "--log-level=warning",
                ],
                cwd=ROOT,
                env=env,
            )
            try:
                wait_for(base_url, server)
                results, lock = [], threading.Lock()
                started = time.perf_counter()
                with ThreadPoolExecutor(max_workers=args.clients) as pool:
                    for number in range(args.requests):
                        pool.submit(one_visitor, base_url, number, results, lock)
                elapsed = time.perf_counter() - started
            finally:
                server.terminate()
                server.wait(timeout=30)
            counts = manage(env, "shell", "--no-imports", "-c", COUNT).split()[-3:]
        finally:
            if args.database == "postgres":
                psql(pg_server, f"DROP DATABASE IF EXISTS {PG_DB}")
    return report(args, results, elapsed, [int(count) for count in counts])


def report(args, results, elapsed, counts) -> int:
    stored, distinct, emailed = counts
    statuses = [status for result in results for status in result[:3]]
    server_errors = sum(status >= 500 for status in statuses)
    posts = [result[4] * 1000 for result in results]
    print(f"Database:           {args.database}")
    print(f"Visitors:           {len(results)} of {args.requests}, {args.clients} at a time")
    print(f"Form posts:         {2 * len(results)} (each request sent twice)")
    print(
        f"Elapsed:            {elapsed:.1f} s: {len(results) / elapsed:.1f} visitors/s, "
        f"{len(statuses) / elapsed:.1f} HTTP requests/s"
    )
    print(
        f"Submit p50 / p99:   {statistics.median(posts):.0f} ms / {percentile(posts, 0.99):.0f} ms"
    )
    print(f"Responses:          { {s: statuses.count(s) for s in sorted(set(statuses))} }")
    print(f"Stored:             {stored} rows, {distinct} distinct tokens, {emailed} emailed")
    problems = []
    if len(results) != args.requests:
        problems.append("some visitors did not finish")
    if server_errors:
        problems.append(f"{server_errors} server errors")
    if not stored == distinct == args.requests:
        problems.append(f"expected exactly {args.requests} stored requests")
    if any(result[1] != 302 or result[2] != 302 for result in results):
        problems.append("a post did not end on the thank-you page")
    print("Result:             " + ("FAILED: " + "; ".join(problems) if problems else "OK"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
