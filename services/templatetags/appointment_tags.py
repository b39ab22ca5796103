"""The booking link used site-wide: the practice's external scheduler if one is set, else the
appointment request page, with the service or therapist of the page at hand preselected."""

from urllib.parse import urlencode, urlsplit

from django import template

from practice.cache import shared_value
from practice.models import PracticeSettings
from services.appointments.links import request_page_url
from services.models import ServicePage, TherapistPage

register = template.Library()


def preselection_for(page) -> dict[str, str]:
    if isinstance(page, ServicePage):
        return {"service": page.slug}
    if isinstance(page, TherapistPage):
        return {"therapist": page.slug} if page.accepting_new_clients else {}
    # An article (or any page) that discusses services: the first one it links to.
    linked_services = getattr(page, "linked_services", None)
    if linked_services:
        return {"service": linked_services[0].slug}
    return {}


@register.simple_tag(takes_context=True)
def booking_url(context, page=None) -> str:
    """Where "Request an appointment" goes from `page`; "" when there is nowhere to go.
    Costs no query per page: the settings are already loaded, the page URL is cached."""
    request = context.get("request")
    if request is None:
        return ""
    external = PracticeSettings.for_request(request).booking_url
    form_url = request_page_url(request)
    if external and (not form_url or urlsplit(external).path != urlsplit(form_url).path):
        return external
    if not form_url:
        return ""
    query = urlencode(preselection_of(page, request))
    return f"{form_url}?{query}" if query else form_url


def preselection_of(page, request) -> tuple[tuple[str, str], ...]:
    """`preselection_for`, kept under the site's generation for a live page: an article's
    linked services cost a query, asked on every view by the header's booking button."""
    if getattr(page, "pk", None) is None or getattr(request, "is_preview", False):
        return tuple(preselection_for(page).items())
    return shared_value(
        lambda: tuple(preselection_for(page).items()), "booking-preselection", str(page.pk)
    )
