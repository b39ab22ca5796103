"""Wagtail: the site's name and address, images and documents, URLs and publishing."""

import os

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Riverbend Counseling Collective")
# The public address used for absolute URLs in admin emails and wherever no request is at hand.
# Absolute URLs on the site itself (canonical, Open Graph, JSON-LD, sitemap, feeds, robots.txt)
# come from the Wagtail Site record (Settings › Sites: hostname and port; port 443 means https).
# The demo content takes both from SITE_URL (`make run`: 127.0.0.1:8000, `make serve`: its
# own port); a deployment sets SITE_URL here and its public hostname and port on the Site.
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
