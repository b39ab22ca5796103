"""The visitor's side of appointment requests: the form, the thank-you page, and the pages for
a client that posts too often. Served by AppointmentRequestPage's routes."""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from services.models import AppointmentRequest, ServicePage, TherapistPage

from .forms import AppointmentRequestForm
from .notifications import notify_intake

logger = logging.getLogger(__name__)

RATE_WINDOW_SECONDS = 60 * 60


def private(response):
    """The form carries a CSRF token and the visitor's answers: no shared cache may keep it."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def rate_limited(request) -> bool:
    """Count this client's posts in the current hour; True once over the limit."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]  # no address kept in the cache
    key = f"appointments:posts:{digest}"
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    return count > settings.APPOINTMENT_RATE_LIMIT


def requested_slug(request, name: str) -> str | None:
    """The page slug in ?name=, "" when absent, None when it cannot be a slug at all (e.g. a
    NUL byte, which PostgreSQL refuses even to compare)."""
    value = request.GET.get(name, "")[:255]
    if not value:
        return ""
    try:
        validate_unicode_slug(value)
    except ValidationError:
        return None
    return value


def preselection(request) -> tuple[dict, list[str]]:
    """Initial service and therapist from ?service= and ?therapist=, with a note for each value
    that cannot be used. Never an error: links in old articles and emails outlive pages."""
    initial, notes = {}, []
    service_slug = requested_slug(request, "service")
    if service_slug != "":
        service = (
            ServicePage.objects.live().public().filter(slug=service_slug).first()
            if service_slug
            else None
        )
        if service:
            initial["service"] = service.slug
        else:
            notes.append(_("The service in your link is not offered any more; choose one below."))
    therapist_slug = requested_slug(request, "therapist")
    if therapist_slug != "":
        therapist = (
            TherapistPage.objects.live().public().filter(slug=therapist_slug).first()
            if therapist_slug
            else None
        )
        if therapist is None:
            notes.append(
                _("The therapist in your link is not listed; choose one below or leave it to us.")
            )
        elif not therapist.accepting_new_clients:
            notes.append(
                _(
                    "%(name)s is not taking new clients at the moment. We will help you find "
                    "another therapist on our team."
                )
                % {"name": therapist.title}
            )
        else:
            initial["therapist"] = therapist.slug
    return initial, notes


def thank_you_url(page) -> str:
    return page.url + page.reverse_subpage("thank_you")


def request_form(page, request):
    if request.method == "POST":
        return handle_post(page, request)
    initial, notes = preselection(request)
    form = AppointmentRequestForm(
        initial={**initial, "submission_token": uuid.uuid4()},
        page=page,
        telehealth_states=page.telehealth_state_choices(request),
    )
    return render_form(page, request, form, notes=notes)


def handle_post(page, request):
    if rate_limited(request):
        logger.warning("Appointment form: a client went over the rate limit.")
        response = TemplateResponse(
            request, "services/appointment_rate_limited.html", {"page": page}, status=429
        )
        response["Retry-After"] = str(RATE_WINDOW_SECONDS)
        return private(response)
    form = AppointmentRequestForm(
        request.POST, page=page, telehealth_states=page.telehealth_state_choices(request)
    )
    if form.is_bot:
        logger.warning("Appointment form: honeypot filled in; the post was dropped.")
        return redirect(thank_you_url(page))
    token = request.POST.get("submission_token", "")
    if already_stored(token):  # back button or double click after a request went through
        return redirect(thank_you_url(page))
    if not form.is_valid():
        return render_form(page, request, form)
    try:
        with transaction.atomic():
            appointment = form.save()
    except IntegrityError:  # the same token posted twice at the same moment
        if already_stored(token):
            return redirect(thank_you_url(page))
        raise
    logger.info("Appointment request %s stored.", appointment.pk)
    notify_intake(appointment)
    return redirect(thank_you_url(page))


def already_stored(token: str) -> bool:
    try:
        token = uuid.UUID(token)
    except ValueError:
        return False
    return AppointmentRequest.objects.filter(submission_token=token).exists()


def render_form(page, request, form, *, notes=()):
    form.describe_fields()
    response = TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            "form": form,
            "preselection_notes": notes,
        },
        status=200,
    )
    return private(response)


def thank_you(page, request):
    response = TemplateResponse(
        request, "services/appointment_thank_you.html", page.get_context(request)
    )
    return private(response)
