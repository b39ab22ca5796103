"""The team page's filters, on the site's one listing-filter policy (`practice.filters`)."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

import django_filters

from practice.filters import ListingFilterSet
from practice.us_states import USState

from .models.services import ServicePage
from .models.taxonomy import ClientGroup, InsuranceProvider, Language, Specialty
from .models.therapist_details import TherapistTelehealthState


class LinkedToFilter(django_filters.ModelChoiceFilter):
    """Keeps the rows a many-to-many field links to the chosen object (chosen by slug).

    An EXISTS subquery on the link table: no join, so no duplicate rows and no DISTINCT.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        relation = qs.model._meta.get_field(self.field_name)
        links = relation.remote_field.through.objects.filter(
            **{relation.m2m_field_name(): OuterRef("pk"), relation.m2m_reverse_field_name(): value}
        )
        return qs.filter(Exists(links))


class CheckedFilter(django_filters.Filter):
    """A checkbox: ticked keeps the rows whose boolean field is true; unticked keeps all."""

    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxInput)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs.filter(**{self.field_name: True}) if value else qs


def live_services(request):
    return ServicePage.objects.live().public().order_by("title")


def telehealth_state_choices():
    """Only the states some clinician covers by video, in the usual order of names."""
    covered = set(
        TherapistTelehealthState.objects.filter(
            page__live=True, page__offers_telehealth=True
        ).values_list("state", flat=True)
    )
    return [(code, name) for code, name in USState.choices if code in covered]


class TherapistFilterSet(ListingFilterSet):
    service = LinkedToFilter(
        field_name="services",
        queryset=live_services,
        label=_("Service"),
        empty_label=_("Any service"),
    )
    specialty = LinkedToFilter(
        field_name="specialties",
        queryset=Specialty.objects.all(),
        label=_("Specialty"),
        empty_label=_("Any concern"),
    )
    client_group = LinkedToFilter(
        field_name="client_groups",
        queryset=ClientGroup.objects.all(),
        label=_("Age group or community"),
        empty_label=_("Anyone"),
    )
    insurance = LinkedToFilter(
        field_name="insurance_accepted",
        queryset=InsuranceProvider.objects.all(),
        label=_("Insurance"),
        empty_label=_("Any insurance"),
    )
    language = LinkedToFilter(
        field_name="languages",
        queryset=Language.objects.all(),
        label=_("Language"),
        empty_label=_("Any language"),
    )
    telehealth_state = django_filters.ChoiceFilter(
        choices=telehealth_state_choices,
        method="filter_telehealth_state",
        label=_("Telehealth state"),
        empty_label=_("Any state"),
    )
    telehealth = CheckedFilter(field_name="offers_telehealth", label=_("Offers telehealth"))
    accepting = CheckedFilter(field_name="accepting_new_clients", label=_("Accepting new clients"))

    def filter_telehealth_state(self, qs, name, value):
        if not value:
            return qs
        covered = TherapistTelehealthState.objects.filter(page=OuterRef("pk"), state=value)
        return qs.filter(Exists(covered), offers_telehealth=True)
