"""The intake team's admin: a list with status and filters, one request with its notes, CSV
export, and a dashboard panel with the age of the oldest new request. Opening a request and
exporting are recorded in its history (Wagtail's audit log)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

import django_filters

from services.models import AppointmentRequest

from .notifications import VIEWSET_NAME
from .permissions import intake_permission_policy

VIEW_ACTION = "appointments.view"
EXPORT_ACTION = "appointments.export"


class AppointmentRequestFilterSet(WagtailFilterSet):
    emailed = django_filters.BooleanFilter(
        field_name="notified_at",
        lookup_expr="isnull",
        exclude=True,
        label=_("Intake team emailed"),
    )

    class Meta:
        model = AppointmentRequest
        fields = ["status", "session_format", "contact_method", "service", "therapist"]


class AppointmentIndexView(generic.IndexView):
    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            record_export(context["object_list"], self.request.user)
        return super().render_to_response(context, **response_kwargs)


class AppointmentEditView(generic.EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, VIEW_ACTION, user=request.user)
        return response


def record_export(appointments, user):
    """One history entry per exported request, written in one query."""
    content_type = ContentType.objects.get_for_model(AppointmentRequest)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(appointment.pk),
            label=str(appointment),
            action=EXPORT_ACTION,
            user=user,
            timestamp=now,
        )
        for appointment in appointments
    )


class AppointmentRequestViewSet(ModelViewSet):
    model = AppointmentRequest
    icon = "mail"
    menu_label = _("Appointment requests")
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    # A request's service or therapist must not list it under the page's "Usage" in the admin.
    add_to_reference_index = False
    index_view_class = AppointmentIndexView
    edit_view_class = AppointmentEditView
    filterset_class = AppointmentRequestFilterSet
    list_display = [
        "__str__",
        DateColumn("created_at", label=_("Received")),
        Column("waiting_for", label=_("Waiting for"), sort_key="created_at"),
        "status",
        "service",
        "contact_method",
        "session_format",
        "notification_state",
    ]
    list_export = [
        "pk",
        "created_at",
        "status",
        "name",
        "contact_method",
        "phone",
        "email",
        "session_format",
        "telehealth_state",
        "service",
        "therapist",
        "preferred_days_display",
        "preferred_times_display",
        "message",
        "notes",
    ]
    export_headings = {
        "pk": _("Request"),
        "preferred_days_display": _("Preferred days"),
        "preferred_times_display": _("Preferred times"),
    }
    export_filename = "appointment-requests"
    edit_handler = ObjectList(
        [
            HelpPanel(template="services/admin/request_details.html", heading=_("The request")),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("notes")],
                heading=_("Intake"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("notified_at", read_only=True),
                            FieldPanel("notify_attempts", read_only=True),
                            FieldPanel("last_notify_failure_at", read_only=True),
                        ]
                    )
                ],
                heading=_("Email to the intake team"),
                help_text=_(
                    "A failed email is retried every few minutes by "
                    "send_appointment_notifications; the request is safe either way."
                ),
            ),
        ]
    )

    @property
    def permission_policy(self):
        return intake_permission_policy

    def get_queryset(self, request):
        return AppointmentRequest.objects.select_related("service", "therapist")


appointment_viewset = AppointmentRequestViewSet(VIEWSET_NAME)


class IntakePanel(Component):
    """On the dashboard of those who may see requests: how many are new, and how long the
    oldest has waited."""

    name = "appointment_requests"
    template_name = "services/admin/intake_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        new = AppointmentRequest.objects.filter(status=AppointmentRequest.Status.NEW)
        summary = new.aggregate(oldest=Min("created_at"), count=Count("pk"))
        return {
            "new_count": summary["count"],
            "oldest_age": timesince(summary["oldest"], depth=1) if summary["oldest"] else "",
            "list_url": appointment_viewset.get_url_name("index"),
            "failed_emails": AppointmentRequest.objects.awaiting_notification()
            .filter(notify_attempts__gt=0)
            .count(),
        }
