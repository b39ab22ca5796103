"""The request page's address, needed in the header and every call to action, read from the
cache so that a page costs no extra query; kept under the site's cache generation, which
publishing, moving or deleting any page renews (practice/cache.py)."""

from django.core.cache import cache

from wagtail.models import Site

from practice.cache import FRAGMENT_CACHE_SECONDS, generation_key
from services.models import AppointmentRequestPage


def request_page_url(request) -> str:
    """The request page's URL for the current site, or "" when there is none live."""
    site = Site.find_for_request(request) if request is not None else None
    key = generation_key("request-page-url", str(site.pk if site else "default"))
    url = cache.get(key)
    if url is None:
        pages = AppointmentRequestPage.objects.live().public()
        page = (pages.in_site(site) if site else pages).first()
        url = page.get_url(request=request) if page else ""
        cache.set(key, url, FRAGMENT_CACHE_SECONDS)
    return url
