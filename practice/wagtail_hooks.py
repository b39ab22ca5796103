from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def flag_unsafe_wording(request, page):
    """After a save, say what the wording check found; not after an autosave (its messages
    would pile up for the next page view), nor on pages that show the flags in the editor."""
    if request.accepts("text/html") and not getattr(page, "safe_messaging_panel", None):
        warn_about_unsafe_wording(request, page)
