"""The request page's address, needed in the header and every call to action, read from the
cache so that a page costs no extra query; publishing, moving or deleting the page resets it."""

from django.core.cache import cache
from django.db.models.signals import post_delete

from wagtail.models import Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from services.models import AppointmentRequestPage

CACHE_KEY = "appointments:request-page-url:{site_id}"
CACHE_SECONDS = 60 * 60


def request_page_url(request) -> str:
    """The request page's URL for the current site, or "" when there is none live."""
    site = Site.find_for_request(request) if request is not None else None
    key = CACHE_KEY.format(site_id=site.pk if site else "default")
    url = cache.get(key)
    if url is None:
        pages = AppointmentRequestPage.objects.live().public()
        page = (pages.in_site(site) if site else pages).first()
        url = page.get_url(request=request) if page else ""
        cache.set(key, url, CACHE_SECONDS)
    return url


def forget_request_page_url(**kwargs):
    site_ids = [*Site.objects.values_list("pk", flat=True), "default"]
    cache.delete_many([CACHE_KEY.format(site_id=site_id) for site_id in site_ids])


def connect_signals():
    for signal in (
        page_published,
        page_unpublished,
        post_delete,
        page_slug_changed,
        post_page_move,
    ):
        signal.connect(forget_request_page_url, sender=AppointmentRequestPage)
