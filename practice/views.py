"""Site-wide views that are not Wagtail pages: robots.txt and the server error page."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template
from django.urls import reverse
from django.views.decorators.http import require_safe

from wagtail.models import Site

from .models import PracticeSettings

logger = logging.getLogger(__name__)


@require_safe
def robots_txt(request):
    """Crawl everything but the admin and search results; point at the sitemap."""
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "robots.txt",
        {"sitemap_url": f"{root_url}{reverse('sitemap')}"},
        content_type="text/plain; charset=utf-8",
    )


def server_error(request):
    """The 500 page. It renders without the database: the call and booking buttons appear
    only when the error was not a database error and the practice's details can be read."""
    practice = None
    if not isinstance(sys.exc_info()[1], DatabaseError):
        try:
            practice = PracticeSettings.for_request(request)
        except DatabaseError:
            logger.warning("Practice settings unavailable for the error page", exc_info=True)
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "practice": practice}
    return HttpResponseServerError(get_template("500.html").render(context))
