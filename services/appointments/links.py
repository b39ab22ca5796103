"""The request page's address, needed in the header and every call to action, read from the
cache so that a page costs no extra query; kept under the site's cache generation, which
publishing, moving or deleting any page renews (practice/cache.py)."""

from wagtail.models import Site

from practice.cache import shared_value
from services.models import AppointmentRequestPage


def request_page_url(request) -> str:
    """The request page's URL for the current site, or "" when there is none live."""
    site = Site.find_for_request(request) if request is not None else None

    def find() -> str:
        pages = AppointmentRequestPage.objects.live().public()
        page = (pages.in_site(site) if site else pages).first()
        return page.get_url(request=request) if page else ""

    return shared_value(find, "request-page-url", str(site.pk if site else "default"))
