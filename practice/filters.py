"""The one policy for every listing's filters, on django-filter.

A value that is unknown or stale (a renamed topic, a therapist's removed specialty in an old
link) drops that filter only: Django leaves an invalid field out of ``cleaned_data`` and
``FilterSet.qs`` filters by ``cleaned_data``, so the other filters still apply. The template
names what was dropped next to the results instead of silently showing everything.
"""

import django_filters


class ListingFilterSet(django_filters.FilterSet):
    @property
    def ignored_filters(self) -> list[str]:
        """Labels of the filters whose submitted values were not understood."""
        if not self.is_bound:
            return []
        form = self.form
        return [str(form.fields[name].label or name) for name in form.errors if name in form.fields]

    @property
    def active_filters(self) -> dict:
        """The filters that apply, by name, with their cleaned values."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value}
