"""Load benchmark of the `make serve` stack (nginx + gunicorn, DEBUG off) on PostgreSQL + Redis.

    .venv/bin/python bench/stack.py 1000 10000     # article counts; `make bench-stack`
    .venv/bin/python bench/stack.py 1000 10000:practice_bench10k   # 10,000 from a copy

For each article count: a scratch PostgreSQL database with the demo site plus N generated
articles, or, for COUNT:DATABASE, a copy of an existing database built that way (createdb -T,
then migrate: generating 10,000 articles takes about 12 minutes). Then the stack three ways:
"nginx" (the micro-cache in front of Django's page cache, as deployed), "cached" (Django's page
cache alone, PROXY_CACHE_SECONDS=0) and "uncached" (both off, PAGE_CACHE_SECONDS=0: every
request builds the page, from the shared fragments); wrk at 8 and 32 connections for
BENCH_SECONDS (5) per URL. The Articles column is the number of live articles. Reported: requests/s,
p50/p99 latency, errors (socket errors + non-2xx/3xx), gunicorn CPU ms per request (user+system
time of its processes, from /proc), and SQL queries per uncached page (Django's test client on
the same database): "first / again" = the page's first view after a change (a new cache
generation; the site-wide parts, such as the menu and footer, rebuilt by a view of another
page, as tests/test_queries.py counts) / once the page's own parts are cached too, as in the
wrk rows. Writes a Markdown
table to stdout and bench/STACK_RESULTS.md.

Environment: BENCH_POSTGRES_URL (postgres://postgres@127.0.0.1:5432), BENCH_REDIS_URL
(redis://127.0.0.1:6379/7), BENCH_PORT (8160; gunicorn on +1), BENCH_SECONDS (5),
BENCH_MEDIA_FROM (the media directory of the project that built a copied database),
BENCH_MODES (nginx,cached,uncached), BENCH_REUSE_DB=1 (keep the database of an earlier run).
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from cryptography.fernet import Fernet

PROJECT_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
DATABASE = "practice_stack_bench"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
PORT = int(os.environ.get("BENCH_PORT", "8160"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = (8, 32)
BASE = f"http://127.0.0.1:{PORT}"

DISCOVER = """
import json
from articles.models import ArticlePage
from services.models import ServicePage
print(json.dumps({
    "article": ArticlePage.objects.live().order_by("-pk").first().url,
    "service": ServicePage.objects.live().first().url,
    "articles": ArticlePage.objects.live().count(),
}))
"""
COUNT_QUERIES = """
import json, os
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from practice.cache import bump_generation
client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for name, url in json.loads(os.environ["BENCH_URLS"]).items():
    client.get(url)
    measured = []
    for first_view in (True, False):
        if first_view:
            bump_generation()  # as after a publish: nothing is cached...
            client.get("/therapists/" if url == "/" else "/")  # ...but the site-wide parts
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        measured.append(str(len(queries.captured_queries)))
    counts[name] = " / ".join(measured)
print(json.dumps(counts))
"""


def env(**extra) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    environment.update(DATABASE_URL=f"{SERVER}/{DATABASE}", REDIS_URL=REDIS_URL, **extra)
    return environment


def manage(*args, **extra) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env(**{"DEBUG": "1", **extra}),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def build_site(
    articles: int, template: str | None, static_root: Path
) -> tuple[int, dict[str, str]]:
    if os.environ.get("BENCH_REUSE_DB") != "1":  # keep a database built by an earlier run
        subprocess.run(["dropdb", "--if-exists", *PG, DATABASE], check=True)
        copy = ["-T", template] if template else []
        created = subprocess.run(["createdb", *PG, *copy, DATABASE], check=False)
        if created.returncode and template:
            # createdb -T needs the template to be unused; pg_dump copies a snapshot anyway.
            subprocess.run(["createdb", *PG, DATABASE], check=True)
            dump = subprocess.Popen(["pg_dump", *PG, template], stdout=subprocess.PIPE)
            subprocess.run(
                ["psql", "-q", *PG, DATABASE],
                stdin=dump.stdout,
                stdout=subprocess.DEVNULL,
                check=True,
            )
            if dump.wait():
                raise subprocess.CalledProcessError(dump.returncode, dump.args)
        elif created.returncode:
            raise subprocess.CalledProcessError(created.returncode, created.args)
        manage("migrate", "--noinput", "-v0")
        if not template:
            manage("load_demo_content", "-v0")
            manage("generate_articles", str(articles))
    # With DEBUG off, as served: hashed names and a manifest.
    manage(
        "collectstatic",
        "--noinput",
        "-v0",
        STATIC_ROOT=str(static_root),
        DEBUG="0",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        APPOINTMENT_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
    )
    urls = json.loads(manage("shell", "-c", DISCOVER).strip().splitlines()[-1])
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return urls["articles"], {
        "static file": f"/static/{manifest['paths']['css/site.css']}",
        "home": "/",
        "article": urls["article"],
        "service": urls["service"],
        "therapist index": "/therapists/",
        "search": "/search/?q=anxiety",
        "sitemap index": "/sitemap.xml",
        "sitemap (articles)": "/sitemap-articles.xml",
    }


MODES = {  # served by: the settings that turn the caches in front of the templates off
    "nginx": {},
    "cached": {"PROXY_CACHE_SECONDS": "0"},
    "uncached": {"PROXY_CACHE_SECONDS": "0", "PAGE_CACHE_SECONDS": "0"},
}


def start_stack(run_dir: Path, static_root: Path, media_root: Path, mode: str):
    extra = MODES[mode]
    process = subprocess.Popen(
        [str(PROJECT_DIR / "deploy" / "serve")],
        cwd=PROJECT_DIR,
        env=env(
            SERVE_PORT=str(PORT),
            SERVE_APP_PORT=str(PORT + 1),
            SERVE_RUN_DIR=str(run_dir),
            SERVE_SKIP_SETUP="1",
            STATIC_ROOT=str(static_root),
            MEDIA_ROOT=str(media_root),
            WEB_CONCURRENCY="2",
            GUNICORN_ACCESS_LOG="/dev/null",
            GUNICORN_MAX_REQUESTS="0",  # workers live through the run, so their CPU adds up
            CACHE_KEY_PREFIX=f"bench-{time.time_ns()}",
            **extra,
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{BASE}/healthz", timeout=10).status_code == 200:
                return process
        except requests.RequestException:
            time.sleep(1)
    raise RuntimeError("the stack did not start")


def gunicorn_cpu_seconds(run_dir: Path) -> float:
    master = int((run_dir / "gunicorn.pid").read_text())
    pids = [master, *map(int, subprocess.check_output(["pgrep", "-P", str(master)]).split())]
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def to_ms(value: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s)", value)
    if match is None:  # wrk prints -nan when no request finished
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(url: str, connections: int) -> dict:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{SECONDS}s", "--latency", "--timeout", "10s", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    requests_done = int(re.search(r"(\d+) requests in", output).group(1))
    latency = {p: re.search(rf"{p}%\s+(\S+)", output) for p in (50, 99)}
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": requests_done,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": to_ms(latency[50].group(1)) if latency[50] else float("nan"),
        "p99": to_ms(latency[99].group(1)) if latency[99] else float("nan"),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def run(articles: int, template: str | None) -> list[str]:
    work = Path(tempfile.mkdtemp(prefix="practice-bench-"))
    work.chmod(0o755)
    static_root, media_root = work / "static", PROJECT_DIR / "media"
    if template and os.environ.get("BENCH_MEDIA_FROM"):
        # The copied database names the image files of the project that built it: a copy of
        # its media, so that renditions are written here, not there.
        media_root = work / "media"
        shutil.copytree(os.environ["BENCH_MEDIA_FROM"], media_root)
    os.environ["MEDIA_ROOT"] = str(media_root)  # for every manage.py run and the stack
    articles, urls = build_site(articles, template, static_root)
    pages = {name: url for name, url in urls.items() if name != "static file"}
    queries = json.loads(
        manage("shell", "-c", COUNT_QUERIES, BENCH_URLS=json.dumps(pages), PAGE_CACHE_SECONDS="0")
        .strip()
        .splitlines()[-1]
    )
    rows = []
    for mode in os.environ.get("BENCH_MODES", ",".join(MODES)).split(","):
        run_dir = work / f"run-{mode}"
        process = start_stack(run_dir, static_root, media_root, mode)
        try:
            for name, path in urls.items():
                if name == "static file" and mode != "nginx":
                    continue
                for _ in range(3):  # warm: renditions, settings, the page cache
                    requests.get(BASE + path, timeout=60)
                for connections in CONNECTIONS:
                    before = gunicorn_cpu_seconds(run_dir)
                    result = wrk(BASE + path, connections)
                    cpu = gunicorn_cpu_seconds(run_dir) - before
                    rows.append(
                        f"| {articles:,} | {name} | {mode} | {connections} | {result['rps']:,.0f} "
                        f"| {result['p50']:.1f} | {result['p99']:.1f} | {result['errors']} "
                        f"| {1000 * cpu / max(result['requests'], 1):.2f} "
                        f"| {queries.get(name, '–') if mode == 'uncached' else '–'} |"
                    )
                    print(rows[-1], flush=True)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)
    return rows


def main(counts: list[tuple[int, str | None]]) -> None:
    header = [
        "| Articles | URL | Served | Conns | Req/s | p50 ms | p99 ms | Errors | App CPU ms/req | SQL queries |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows = []
    for count, template in counts:
        rows += run(count, template)
    subprocess.run(
        ["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=False
    )
    table = "\n".join(header + rows)
    (PROJECT_DIR / "bench" / "STACK_RESULTS.md").write_text(
        f"# Stack benchmark (`bench/stack.py`, wrk {SECONDS} s per row)\n\n{table}\n"
    )
    print(table)


def parse(argument: str) -> tuple[int, str | None]:
    count, _, template = argument.partition(":")
    return int(count), template or None


if __name__ == "__main__":
    main([parse(argument) for argument in sys.argv[1:]] or [(1000, None), (10000, None)])
