from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from axes.models import AccessAttempt

from . import two_factor
from .cache import prepare_and_remember_route
from .models import SafeMessagingRule
from .safe_messaging import warn_about_unsafe_wording


class SafeMessagingRuleViewSet(SnippetViewSet):
    """Settings › Safe-messaging wording: the list the page check uses."""

    model = SafeMessagingRule
    icon = "warning"
    menu_label = _("Safe-messaging wording")
    add_to_settings_menu = True
    list_display = ["phrase", "suggestion"]
    search_fields = ["phrase", "suggestion"]


register_snippet(SafeMessagingRuleViewSet)

hooks.register("before_serve_page", prepare_and_remember_route)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def flag_unsafe_wording(request, page):
    """After a save, say what the wording check found; not after an autosave (its messages
    would pile up for the next page view), nor on pages that show the flags in the editor."""
    if request.accepts("text/html") and not getattr(page, "safe_messaging_panel", None):
        warn_about_unsafe_wording(request, page)


class LockedOutSignInViewSet(ModelViewSet):
    """Settings › Locked-out sign-ins: django-axes' failure records. Deleting a record unlocks
    that username from that address at once; site managers hold the delete permission."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Locked-out sign-ins")
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    form_fields = ["username"]
    inspect_view_enabled = False


@hooks.register("register_admin_viewset")
def locked_out_sign_ins():
    return LockedOutSignInViewSet("locked_out_sign_ins")


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
        path("two-factor/setup/", two_factor.setup, name="two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from your phone's authenticator app after your password."),
    }
