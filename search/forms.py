import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .results import RESULT_TYPES

MAX_QUERY_LENGTH = 100
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class QueryField(forms.CharField):
    """Accepts anything a visitor can type or paste: control characters (null bytes included)
    become spaces and an overly long query is cut short instead of being refused."""

    def to_python(self, value):
        value = CONTROL_CHARACTERS.sub(" ", value or "")
        return " ".join(value.split())[:MAX_QUERY_LENGTH].strip()


class SearchForm(forms.Form):
    q = QueryField(required=False, label=_("Search the site"))
    type = forms.ChoiceField(
        choices=[
            ("", _("All results")),
            *((key, kind.plural) for key, kind in RESULT_TYPES.items()),
        ],
        required=False,
    )

    exact = forms.BooleanField(required=False)  # "search instead for" what was typed

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "")

    @property
    def result_type(self) -> str:
        """The chosen type, or "" (all types) when the parameter is missing or unknown."""
        return self.cleaned_data.get("type", "")
