"""Settings for the practice site, driven by environment variables (12-factor).

Local development needs nothing: SQLite, an in-process cache and files on disk. A deployment
sets DEBUG off and must then provide SECRET_KEY and ALLOWED_HOSTS (see README § Operations).
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "insecure-local-development-key-never-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "testserver"]
else:
    missing = [
        name
        for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS))
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            f"{' and '.join(missing)} must be set when DEBUG is off. "
            "Set them in the environment (see README § Operations), or set DEBUG=1 for local use."
        )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "practice",
    "home",
    "articles",
    "services",
    "search",
    "wagtailseo",
    "django_filters",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "practice.apps.PracticeUsersAppConfig",  # Wagtail's users app, staff roles only
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]
if DEBUG:
    # Benchmark-only commands that fill a site with synthetic articles: never in production.
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    # Forwarded headers are believed only when the proxy (nginx) sent them.
    "practice.security.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "practice.security.SecurityHeadersMiddleware",
    "practice.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so that cached pages answer If-None-Match / If-Modified-Since.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "practice.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "practice.cache.AnonymousPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "practice.urls"
WSGI_APPLICATION = "practice.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# One Redis shared by every app process: page cache (and its generation number), sessions,
# login-attempt counters. A Redis outage degrades to uncached pages, not to errors.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "practice"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions read from the cache and survive a cache flush (the database keeps them).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous page views (practice/cache.py): seconds a page stays in our cache, and the
# s-maxage a CDN in front may keep it (purged on publish when FRONTEND_CACHE_* is set).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "300"))
# Seconds nginx's micro-cache may answer for an anonymous page (deploy/nginx); 0 turns it off.
PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", "5"))

AUTH_USER_MODEL = "practice.User"
# django-axes first: a locked-out username + address is refused before any password is hashed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Chicago")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Media on S3-compatible object storage when a bucket is named, on local disk otherwise.
# Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment (read by boto3).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            # Public images are read by every visitor; documents go through Wagtail's view.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Riverbend Counseling Collective")
# The public address used for absolute URLs in admin emails and wherever no request is at hand.
# Absolute URLs on the site itself (canonical, Open Graph, JSON-LD, sitemap, feeds, robots.txt)
# come from the Wagtail Site record (Settings › Sites: hostname and port; port 443 means https).
# The demo content sets it to 127.0.0.1:8000, where `make run` serves; a deployment sets
# SITE_URL here and its public hostname and port on the Site record.
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILIMAGES_IMAGE_MODEL = "practice.PracticeImage"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "txt"]
# Documents are downloaded through Wagtail's view as attachments (never rendered inline on our
# origin); the web server refuses their direct /media/documents/ address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Raster images only: an SVG can carry script and is never accepted.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Uploads larger than the web server's client_max_body_size (12m) are refused there with 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# No third-party requests from the admin (Gravatar would learn who works here).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Every URL ends in a slash (pages, search); a missing one is redirected permanently.
APPEND_SLASH = True
WAGTAIL_APPEND_SLASH = True
# An approved workflow publishes as the workflow: approvers (clinical reviewers) hold no
# Publish permission, so approval is their only route to publishing.
WAGTAIL_FINISH_WORKFLOW_ACTION = "articles.workflow_finish.publish_approved"
# A renamed or moved page leaves a permanent redirect behind (Settings › Redirects).
WAGTAILREDIRECTS_AUTO_CREATE = True

# Search. By default the database's own full-text search: PostgreSQL's (with English stemming,
# so "attacks" finds "attack") or SQLite's FTS5. A larger deployment sets SEARCH_BACKEND to
# elasticsearch7/8/9 or opensearch2/3 and SEARCH_URL (comma-separated node URLs, credentials
# in the URL if needed), installs the matching client package and runs `manage.py update_index`.
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

# Security and privacy. A clinic's site sends no referrer to third parties and is HTTPS only
# in production. Behind nginx (deploy/), X-Forwarded-* headers are trusted only from the
# addresses in TRUSTED_PROXIES (practice.security.TrustedProxyMiddleware).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail lifts this to SAMEORIGIN for its own preview frames.
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Staff sessions end after a working day of inactivity, not two weeks.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(12 * 60 * 60)))
if not DEBUG:
    # Plain http on loopback (`make serve`) sets SECURE_SSL_REDIRECT=0 and SECURE_COOKIES=0:
    # there is no TLS there, and secure cookies would never come back over http.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a one-way commitment the operator makes at hstspreload.org.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy (django-csp 4). The public site runs no script of its own and no
# inline script or style; JSON-LD blocks are data, not script. Media may come from the
# object-storage host. The admin's additions are in practice.security.
MEDIA_ORIGIN = os.environ.get("S3_CUSTOM_DOMAIN") or os.environ.get("S3_ENDPOINT_URL") or ""
if MEDIA_ORIGIN and "://" not in MEDIA_ORIGIN:
    MEDIA_ORIGIN = f"https://{MEDIA_ORIGIN}"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# Admin sign-in: django-axes locks out one username from one address after
# AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_MINUTES; other accounts and other addresses
# are unaffected. Site managers unlock under Settings › Locked-out sign-ins.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "practice/lockout.html"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Two-factor authentication (django-otp TOTP): required for superusers and these groups.
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", "Site managers")
# Deliberately not read from the environment: only the test settings turn enforcement off.
TWO_FACTOR_ENFORCED = True
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# E-mail: console in development, SMTP in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@example.org")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail runs search-index and reference-index updates as tasks; one line per save is noise.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# Appointment requests (services.appointments). Visitors' names, contact details and messages
# are encrypted at rest with Fernet keys from APPOINTMENT_ENCRYPTION_KEYS: comma-separated,
# newest first; older keys still decrypt, so a key is rotated by putting a new one in front and
# running `manage.py rotate_appointment_keys`. Generate one with
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
APPOINTMENT_ENCRYPTION_KEYS = env_list("APPOINTMENT_ENCRYPTION_KEYS")
if not APPOINTMENT_ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "APPOINTMENT_ENCRYPTION_KEYS must be set when DEBUG is off: appointment requests "
            "are encrypted with it (see README § Appointment requests)."
        )
    # Local development only: a key derived from the development SECRET_KEY.
    import base64
    import hashlib

    APPOINTMENT_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(hashlib.sha256(SECRET_KEY.encode()).digest()).decode()
    ]
APPOINTMENT_RETENTION_DAYS = int(os.environ.get("APPOINTMENT_RETENTION_DAYS", "90"))
# Request-form posts per client address per hour; more get a "try again later" page.
APPOINTMENT_RATE_LIMIT = int(os.environ.get("APPOINTMENT_RATE_LIMIT", "10"))
# Addresses told about each new request; blank: the active members of the Intake group.
APPOINTMENT_NOTIFICATION_EMAILS = env_list("APPOINTMENT_NOTIFICATION_EMAILS")
# The request form is a few kilobytes; a larger body is refused before Django parses it.
APPOINTMENT_MAX_BODY_BYTES = 32 * 1024
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware"),
    "services.appointments.middleware.appointment_body_limit",
)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
