"""Search. By default the database's own full-text search: PostgreSQL's (with English stemming,
so "attacks" finds "attack") or SQLite's FTS5. A larger deployment sets SEARCH_BACKEND to
elasticsearch7/8/9 or opensearch2/3 and SEARCH_URL (comma-separated node URLs, credentials
in the URL if needed), installs the matching client package and runs `manage.py update_index`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .environment import env_list

SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "english"),
        }
    }
elif SEARCH_BACKEND in {
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
    "opensearch2",
    "opensearch3",
}:
    if not env_list("SEARCH_URL"):
        raise ImproperlyConfigured(
            f"SEARCH_URL must be set when SEARCH_BACKEND is {SEARCH_BACKEND}."
        )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
            "URLS": env_list("SEARCH_URL"),
            "INDEX": os.environ.get("SEARCH_INDEX", "practice"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND={SEARCH_BACKEND!r} is not one of: database, elasticsearch7, "
        "elasticsearch8, elasticsearch9, opensearch2, opensearch3."
    )
