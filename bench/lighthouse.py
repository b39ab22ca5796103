"""Lighthouse benchmark of the public site: the demo site served as in production (DEBUG off,
gunicorn behind nginx, compressed static files, media from nginx) and audited with Lighthouse's
mobile preset in Debian's Chromium, three runs a page, the median reported. Not a test.

    .venv/bin/python bench/lighthouse.py [--runs 3] [--port 8198]

Lighthouse (npm) is installed on first use into LIGHTHOUSE_DIR (default
/tmp/practice-lighthouse); the site lives in a scratch folder that is removed afterwards.
Prints a Markdown table: the four category scores, LCP, and the page weight with and without
images."""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin"
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE_DIR = Path(os.environ.get("LIGHTHOUSE_DIR", "/tmp/practice-lighthouse"))
LIGHTHOUSE_VERSION = "^12"
PAGES = {
    "Home": "/",
    "Article index": "/articles/",
    "Article": "/articles/when-mom-guilt-wont-let-up/",
    "Service": "/services/cognitive-behavioral-therapy/",
    "Therapist index": "/therapists/",
    "Therapist profile": "/therapists/elena-marquez/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PERFORMANCE_METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
]
NGINX_CONF = """
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {dir}/tmp; proxy_temp_path {dir}/tmp; fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp; scgi_temp_path {dir}/tmp;
    gzip on; gzip_types text/css application/javascript image/svg+xml;
    server {{
        listen 127.0.0.1:{port};
        location /media/ {{ alias {dir}/media/; expires 30d; }}
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header Host $http_host;
        }}
    }}
}}
"""


def lighthouse_binary() -> Path:
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund",
             f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )  # fmt: skip
    return binary


def wait_for(url: str, timeout: float = 60, request_timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=request_timeout)  # noqa: S310 - our own server
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def serve_demo_site(scratch: Path, port: int) -> list[subprocess.Popen]:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "lighthouse-benchmark-only",
        # Production settings refuse to start without one; no request is sent here.
        "APPOINTMENT_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "DATABASE_URL": f"sqlite:///{scratch}/db.sqlite3",
        "MEDIA_ROOT": str(scratch / "media"),
        "STATIC_ROOT": str(scratch / "static"),
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    manage = [str(PYTHON / "python"), "manage.py"]
    # The demo content is fictional and refuses to load with DEBUG off, as in deploy/serve.
    steps = [
        (["migrate", "--noinput", "-v0"], env),
        (["load_demo_content"], {**env, "DEBUG": "1"}),
        (["collectstatic", "--noinput", "-v0"], env),
    ]
    for command, step_env in steps:
        subprocess.run(
            manage + command, cwd=ROOT, env=step_env, check=True, stdout=subprocess.DEVNULL
        )
    (scratch / "tmp").mkdir()
    (scratch / "nginx.conf").write_text(
        NGINX_CONF.format(dir=scratch, port=port, app_port=port + 1)
    )
    app = subprocess.Popen(
        [str(PYTHON / "gunicorn"), "--bind", f"127.0.0.1:{port + 1}", "--workers", "2",
         "--timeout", "600", "practice.wsgi"],
        cwd=ROOT, env=env, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    proxy = subprocess.Popen(["nginx", "-c", str(scratch / "nginx.conf"), "-p", str(scratch)])
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        # A page's first view creates its image renditions (every width and format), once
        # for all visitors; Lighthouse measures what later visitors get.
        for path in PAGES.values():
            wait_for(f"http://127.0.0.1:{port}{path}", timeout=600, request_timeout=600)
    except OSError:
        for server in (proxy, app):
            server.terminate()
            server.wait(60)
        raise
    return [proxy, app]


def audit(binary: Path, url: str, output: Path, attempts: int = 2) -> dict:
    # On a busy machine Chromium sometimes loses the trace (NO_NAVSTART): try that run again.
    for attempt in range(attempts):
        finished = subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={output}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=attempt == attempts - 1,
        )  # fmt: skip
        if finished.returncode == 0:
            break
    report = json.loads(output.read_text())
    requests = report["audits"]["network-requests"]["details"]["items"]
    # Where a performance score below 100 loses its points: each metric's own score.
    print(
        url,
        {metric: report["audits"][metric]["score"] for metric in PERFORMANCE_METRICS},
        file=sys.stderr,
    )
    return {
        **{name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "lcp": report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        "weight": report["audits"]["total-byte-weight"]["numericValue"] / 1024,
        "weight_without_images": sum(
            item.get("transferSize", 0) for item in requests if item.get("resourceType") != "Image"
        )
        / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8198)
    args = parser.parse_args()

    binary = lighthouse_binary()
    scratch = Path(tempfile.mkdtemp(prefix="practice-lighthouse-site-"))
    scratch.chmod(0o755)  # nginx's workers (another user) serve the media from it
    servers = serve_demo_site(scratch, args.port)
    rows = []
    try:
        for name, path in PAGES.items():
            runs = [
                audit(binary, f"http://127.0.0.1:{args.port}{path}", scratch / f"run{n}.json")
                for n in range(args.runs)
            ]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            rows.append((name, median))
            print(f"{name}: {median}", file=sys.stderr)
    finally:
        for server in servers:
            server.terminate()
            server.wait(30)
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"Lighthouse mobile preset, median of {args.runs} runs\n")
    print(
        "| Page | Performance | Accessibility | Best practices | SEO | LCP | Weight | Without images |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, m in rows:
        print(
            f"| {name} | {m['performance']:.0f} | {m['accessibility']:.0f} "
            f"| {m['best-practices']:.0f} | {m['seo']:.0f} | {m['lcp']:.2f} s "
            f"| {m['weight']:.0f} KiB | {m['weight_without_images']:.0f} KiB |"
        )


if __name__ == "__main__":
    main()
