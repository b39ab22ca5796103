from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CrisisTerm, SearchSynonym


class CrisisTermViewSet(SnippetViewSet):
    """Settings › Crisis search terms, next to Promoted search results."""

    model = CrisisTerm
    icon = "warning"
    menu_label = _("Crisis search terms")
    add_to_settings_menu = True
    list_display = ["phrase", "whole_search"]
    search_fields = ["phrase"]
    ordering = ["phrase"]


class SearchSynonymViewSet(SnippetViewSet):
    """Settings › Search synonyms: the practice's vocabulary ("PTSD" also finds "trauma")."""

    model = SearchSynonym
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["terms"]
    search_fields = ["terms"]
    ordering = ["terms"]


register_snippet(CrisisTermViewSet)
register_snippet(SearchSynonymViewSet)
