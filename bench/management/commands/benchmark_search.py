"""Time representative visitor searches through the real /search/ view (middleware, template and
query recording included) and print the median and 95th percentile latency. See bench/run.

Searches are recorded in the query statistics as a visitor's would be: use a throwaway database.
"""

import os
import platform
import sqlite3
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import ArticlePage

# Query class -> (query, extra parameters): roughly the mix a practice's visitors would send.
QUERY_CLASSES = {
    "single word": [
        ("anxiety", {}),
        ("trauma", {}),
        ("flashbacks", {}),
        ("grief", {}),
        ("burnout", {}),
        ("insomnia", {}),
        ("loneliness", {}),
        ("retirement", {}),
        ("telehealth", {}),
        ("insurance", {}),
        ("psychologist", {}),
        ("mindfulness", {}),
    ],
    "phrase": [
        ("panic attacks", {}),
        ("mom guilt", {}),
        ("nightmares after a car accident", {}),
        ("losing a parent", {}),
        ("perfectionism at work", {}),
        ("can't sleep", {}),
        ("postpartum anxiety", {}),
        ("intrusive thoughts", {}),
        ("ocd checking", {}),
        ("social anxiety", {}),
        ("teen moods", {}),
        ("toddler tantrums", {}),
        ("co-parenting after divorce", {}),
        ("couples counseling", {}),
        ("rebuilding trust", {}),
        ("boundaries with family", {}),
        ("people pleasing", {}),
        ("self-compassion", {}),
        ("body image", {}),
        ("sliding scale fees", {}),
        ("therapist for teenagers", {}),
        ("exposure therapy", {}),
        ("how do i stop worrying all the time", {}),
    ],
    "abbreviation": [("IFS", {}), ("EMDR", {}), ("CBT", {}), ("DBT skills", {}), ("LPC", {})],
    "name": [("anderson", {}), ("ander", {})],
    "type filter or later page": [
        ("anxiety", {"type": "article"}),
        ("anxiety", {"type": "therapist"}),
        ("anxiety", {"type": "service"}),
        ("anxiety", {"page": "2"}),
        ("worry", {"page": "40"}),
        ("panic attacks", {"type": "article", "page": "3"}),
    ],
    "misspelling or no result": [("anxeity", {}), ("xylophone", {})],
    "crisis": [("suicide", {}), ("I want to hurt myself", {})],
    "hostile or empty": [("<script>alert(1)</script>", {}), ("a" * 10_000, {}), ("", {})],
}
QUERIES = [query for queries in QUERY_CLASSES.values() for query in queries]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Time representative searches through the /search/ view; print median and p95."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5, help="Times each query is run.")
        parser.add_argument(
            "--cpu-time",
            action="store_true",
            help="Measure the time each request spends on a CPU (this process, and the "
            "PostgreSQL server process when it runs on this machine) instead of wall-clock "
            "time: on a machine shared with other work, what the request costs by itself.",
        )

    def handle(self, *args, rounds, cpu_time, **options):
        articles = ArticlePage.objects.live().count()
        if not articles:
            raise CommandError("No articles: run `manage.py generate_articles N` first.")
        client = Client(HTTP_HOST=self.allowed_host())
        url = reverse("search")
        timings: dict[int, list[float]] = {number: [] for number in range(len(QUERIES))}
        query_counts = []
        clock = self.cpu_clock() if cpu_time else time.perf_counter_ns

        # Production settings for the measurement: no per-query debug logging.
        with override_settings(DEBUG=False):
            for query, params in QUERIES:  # a warm-up round, counting SQL queries
                with CaptureQueriesContext(connection) as queries:
                    self.get(client, url, query, params)
                query_counts.append(len(queries))
            for _ in range(rounds):
                for number, (query, params) in enumerate(QUERIES):
                    started = clock()
                    self.get(client, url, query, params)
                    timings[number].append((clock() - started) / 1e6)

        everything = [ms for values in timings.values() for ms in values]
        slowest = sorted(timings, key=lambda number: statistics.median(timings[number]))[-5:]
        vendor = connection.vendor
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                vendor = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            vendor = f"SQLite {sqlite3.sqlite_version}"
        lines = [
            f"Database:      {vendor}",
            f"Search:        {settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']}",
            f"Articles:      {articles} live (N)",
            f"Machine:       {platform.machine()}, {self.cpu_count()} CPUs, "
            f"Python {platform.python_version()}",
            f"Requests:      {len(everything)} ({len(QUERIES)} queries x {rounds} rounds)",
            f"Timed:         {'CPU time' if cpu_time else 'wall-clock time'}",
            f"SQL queries:   {min(query_counts)}-{max(query_counts)} per request",
            f"Median:        {statistics.median(everything):.1f} ms",
            f"p95:           {percentile(everything, 0.95):.1f} ms",
            f"Max:           {max(everything):.1f} ms",
            "Slowest queries (median):",
            *(
                f"  {statistics.median(timings[number]):7.1f} ms  "
                f"{QUERIES[number][0][:40]!r} {QUERIES[number][1] or ''}"
                for number in reversed(slowest)
            ),
            f"{'By class':<27} {'n':>3} {'median':>8} {'p95':>8}  SQL queries",
        ]
        first = 0
        for name, queries in QUERY_CLASSES.items():
            numbers = range(first, first + len(queries))
            first += len(queries)
            times = [ms for number in numbers for ms in timings[number]]
            counts = [query_counts[number] for number in numbers]
            lines.append(
                f"  {name:<25} {len(queries):>3} {statistics.median(times):6.1f} ms "
                f"{percentile(times, 0.95):6.1f} ms  {min(counts)}-{max(counts)}"
            )
        self.stdout.write("\n".join(lines))

    def get(self, client, url, query, params):
        response = client.get(url, {"q": query, **params})
        if response.status_code != 200:
            raise CommandError(f"{query[:40]!r} {params}: status {response.status_code}")

    @staticmethod
    def cpu_clock():
        """Nanoseconds this process, and the database server process serving it if it runs
        here, have spent on a CPU (Linux's schedstat: nanosecond resolution)."""
        pids = ["self"]
        if connection.vendor == "postgresql":
            # One server process for the whole run: no reconnecting after CONN_MAX_AGE.
            connection.close()
            connection.settings_dict["CONN_MAX_AGE"] = None
            connection.ensure_connection()
            server = connection.connection.info.backend_pid
            if not Path(f"/proc/{server}/schedstat").exists():
                raise CommandError("--cpu-time needs the PostgreSQL server on this machine.")
            pids.append(server)
        files = [Path(f"/proc/{pid}/schedstat") for pid in pids]
        return lambda: sum(int(file.read_text().split()[0]) for file in files)

    @staticmethod
    def allowed_host() -> str:
        hosts = [host for host in settings.ALLOWED_HOSTS if host not in {"*", ""}]
        return hosts[0].lstrip(".") if hosts else "localhost"

    @staticmethod
    def cpu_count() -> int:
        return len(os.sched_getaffinity(0))
