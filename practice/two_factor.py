"""Two-factor sign-in for staff (TOTP authenticator apps, with django-otp).

Any staff member may add an authenticator app (Account › Two-factor authentication); once they
have one, the admin asks for a code after every password sign-in. Superusers and members of
TWO_FACTOR_REQUIRED_GROUPS (Site managers) must add one: until they have, every admin page
sends them to the set-up page, and a password alone never reaches the admin.
"""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

import django_otp
import qrcode
import qrcode.image.svg
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

PROTECTED_PREFIXES = ("/admin/", "/documents/")
DEVICE_NAME = "Authenticator app"


def two_factor_required(user) -> bool:
    return (
        user.is_superuser
        or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()
    )


class RequireTwoFactorMiddleware:
    """After a password sign-in, admin pages wait for the second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = request.user
        if (
            settings.TWO_FACTOR_ENFORCED
            and path.startswith(PROTECTED_PREFIXES)
            and user.is_authenticated
            and not user.is_verified()
            and path not in self.open_paths()
        ):
            if user_has_device(user):
                return redirect_with_next("two_factor_verify", request)
            if two_factor_required(user):
                return redirect_with_next("two_factor_setup", request)
        return self.get_response(request)

    @staticmethod
    def open_paths() -> set[str]:
        return {
            reverse(name)
            for name in ("two_factor_verify", "two_factor_setup", "wagtailadmin_logout")
        }


def redirect_with_next(view_name: str, request):
    return redirect(f"{reverse(view_name)}?{urlencode({'next': request.get_full_path()})}")


def safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "")


def verify(request):
    """Ask for the current code from one of the user's confirmed devices."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(safe_next(request))
        form.add_error(
            "token",
            "That code is not valid, or came too soon after a wrong one. Wait a few "
            "seconds, check your phone's clock, then enter the code the app shows now.",
        )
    return TemplateResponse(
        request,
        "practice/two_factor_verify.html",
        {"form": form, "next": safe_next(request), "page_title": "Two-factor sign-in"},
    )


def setup(request):
    """Add an authenticator app: scan the code, then prove it works with one code."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            messages.success(request, "Two-factor authentication is on for your account.")
            return redirect(safe_next(request))
        form.add_error(
            "token",
            "That code is not valid, or came too soon after a wrong one. "
            "Wait a few seconds, then enter the code the app shows now.",
        )
    return TemplateResponse(
        request,
        "practice/two_factor_setup.html",
        {
            "form": form,
            "next": safe_next(request),
            "qr_code": qr_code_svg(device.config_url),
            "secret": device.config_url.split("secret=")[1].split("&")[0],
            "required": two_factor_required(request.user),
            "page_title": "Set up two-factor authentication",
        },
    )


def qr_code_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode")
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 - our own generated SVG
