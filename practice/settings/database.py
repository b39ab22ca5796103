"""The database: SQLite beside the project unless DATABASE_URL names another."""

import os

import dj_database_url

from .environment import BASE_DIR

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # 64 MiB of page cache per connection instead of SQLite's 2 MiB: a broad search reads the
    # index entries of thousands of pages, which a small cache reads again from the file at
    # every search (bench/RESULTS.md).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA cache_size = -65536"
