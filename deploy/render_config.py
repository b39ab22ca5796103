"""Render the nginx configuration from deploy/nginx/*.template.

    python deploy/render_config.py serve OUT_DIR    # `make serve`: nginx.conf for loopback http
    python deploy/render_config.py https OUT_DIR    # a real server: practice.conf + includes

Values come from the environment (defaults in brackets): SERVER_NAME [127.0.0.1 / required for
https], LISTEN [127.0.0.1:8080], APP_ADDRESS [127.0.0.1:8001, gunicorn's bind], STATIC_ROOT and
MEDIA_ROOT [the project's static/ and media/], CONF_DIR [/etc/nginx/practice] (https only),
PROXY_CACHE_DIR [OUT_DIR/proxy-cache for serve, /var/cache/nginx/practice for https].
Only ${UPPERCASE} names are replaced; nginx's own $variables are left alone.
"""

import os
import sys
from pathlib import Path
from string import Template

DEPLOY_DIR = Path(__file__).resolve().parent
PROJECT_DIR = DEPLOY_DIR.parent
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
BROTLI = """brotli on;
brotli_comp_level 5;
brotli_min_length 512;
brotli_types text/css text/plain text/xml application/xml application/javascript application/json
             application/rss+xml application/atom+xml image/svg+xml;"""


def render(name: str, values: dict[str, str]) -> str:
    template = Template((DEPLOY_DIR / "nginx" / f"{name}.template").read_text())
    return template.safe_substitute(values)


def main(mode: str, out_dir: Path) -> None:
    env = os.environ
    values = {
        "SERVER_NAME": env.get("SERVER_NAME", "127.0.0.1 localhost"),
        "LISTEN": env.get("LISTEN", "127.0.0.1:8080"),
        "APP_ADDRESS": env.get("APP_ADDRESS", "127.0.0.1:8001"),
        "STATIC_ROOT": env.get("STATIC_ROOT", str(PROJECT_DIR / "static")),
        "MEDIA_ROOT": env.get("MEDIA_ROOT", str(PROJECT_DIR / "media")),
        "RUN_DIR": str(out_dir),
        "CONF_DIR": env.get("CONF_DIR", "/etc/nginx/practice"),
        "PROXY_CACHE_DIR": env.get(
            "PROXY_CACHE_DIR",
            str(out_dir / "proxy-cache") if mode == "serve" else "/var/cache/nginx/practice",
        ),
        # Debian's libnginx-mod-http-brotli-filter, where installed; gzip otherwise.
        "BROTLI": BROTLI if BROTLI_MODULE.exists() else "# brotli: module not installed",
        "LOAD_MODULES": f"load_module {BROTLI_MODULE};" if BROTLI_MODULE.exists() else "",
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "http.conf").write_text(render("http.conf", values))
    (out_dir / "locations.conf").write_text(render("locations.conf", values))
    if mode == "serve":
        (out_dir / "nginx.conf").write_text(render("serve.conf", values))
    elif mode == "https":
        if "SERVER_NAME" not in env:
            sys.exit("Set SERVER_NAME to the site's public host name, e.g. www.example.org")
        (out_dir / "practice.conf").write_text(render("https.conf", values))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], Path(sys.argv[2]).resolve())
