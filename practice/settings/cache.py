"""Caching: the shared cache, the page cache's lifetimes and the purge of a CDN in front."""

import os

from .application import INSTALLED_APPS

# Renditions have a cache of their own (Wagtail reads the "renditions" alias), as Wagtail
# advises: a listing's first view caches every width and format of every card image, which
# would otherwise evict the site's own entries (site roots, settings, fragments).
# Without Redis: caches in each process (development, tests, a single-process server).
LOCAL_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
}
# One Redis shared by every app process: page cache (and its generation number), sessions,
# login-attempt counters. A Redis outage degrades to uncached pages, not to errors.
if os.environ.get("REDIS_URL"):
    REDIS_CACHE = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "practice"),
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
        },
    }
    CACHES = {
        "default": REDIS_CACHE,
        "renditions": {**REDIS_CACHE, "KEY_PREFIX": f"{REDIS_CACHE['KEY_PREFIX']}-renditions"},
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = LOCAL_CACHES
# Sessions read from the cache and survive a cache flush (the database keeps them).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous page views (practice/cache.py): seconds a page stays in our cache, and the
# s-maxage a CDN in front may keep it (purged on publish when FRONTEND_CACHE_* is set).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "300"))
# Seconds nginx's micro-cache may answer for an anonymous page (deploy/nginx); 0 turns it off.
PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", "5"))

# A CDN in front is purged page by page on publish (Wagtail's frontend cache). Either a
# purge URL (Varnish, nginx cache purge), Cloudflare (token + zone) or CloudFront.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
