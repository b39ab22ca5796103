"""Refuse an oversized post to the request form before Django reads it (the CSRF check would
otherwise parse several megabytes of form data first)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render

from .links import request_page_url


def content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def appointment_body_limit(get_response):
    def middleware(request):
        if (
            request.method == "POST"
            and content_length(request) > settings.APPOINTMENT_MAX_BODY_BYTES
        ):
            form_url = request_page_url(request)
            if form_url and request.path.startswith(urlsplit(form_url).path):
                response = render(request, "services/appointment_too_large.html", status=413)
                response["Connection"] = "close"  # the unread body is not worth waiting for
                return response
        return get_response(request)

    return middleware
