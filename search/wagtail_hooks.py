from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CrisisTerm


class CrisisTermViewSet(SnippetViewSet):
    """Settings › Crisis search terms, next to Promoted search results."""

    model = CrisisTerm
    icon = "warning"
    menu_label = _("Crisis search terms")
    add_to_settings_menu = True
    list_display = ["phrase"]
    ordering = ["phrase"]


register_snippet(CrisisTermViewSet)
