"""Appointment requests: the page visitors fill in and the request the intake team answers.

What identifies a visitor (name, phone, email, message) and the intake team's notes are
encrypted at rest (services.appointments.encryption); the rest is plain so staff can filter.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from practice.models import PracticeSettings
from practice.pages import SitePage
from practice.us_states import USState
from services.appointments.encryption import EncryptedTextField

DEFAULT_THANK_YOU = (
    "<p>Our intake coordinator will get in touch within one business day (Monday to Friday), "
    "in the way you asked us to. They will ask a few practical questions and suggest a "
    "therapist who fits. If you asked for a text or a call and do not hear from us in two "
    "business days, please call us.</p>"
)
DEFAULT_MESSAGE_NOTICE = (
    "Please do not include clinical details such as symptoms, diagnoses or medications. "
    "You can share them with your therapist in session."
)


class AppointmentRequestPage(RoutablePageMixin, SitePage):
    """The request form. Its fields are fixed in code; the words around them are editable."""

    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("A few reassuring words above the form: what it is for and who reads it."),
    )
    message_notice = models.CharField(
        max_length=300,
        default=DEFAULT_MESSAGE_NOTICE,
        help_text=_(
            "Shown next to the optional message: asks visitors to leave out clinical details."
        ),
    )
    thank_you_heading = models.CharField(
        max_length=120,
        default="Thank you. We have your request.",
        help_text=_("The heading of the page shown after a request is sent."),
    )
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_THANK_YOU,
        help_text=_("What happens next, and when. The crisis resources are shown below it."),
    )

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("message_notice"),
        MultiFieldPanel(
            [FieldPanel("thank_you_heading"), FieldPanel("thank_you_text")],
            heading=_("After sending"),
        ),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("appointment request page")

    def telehealth_state_choices(self, request) -> list[tuple[str, str]]:
        """The states the practice offers telehealth in (Settings › Practice settings)."""
        practice = PracticeSettings.for_request(request)
        return [(item.state, item.get_state_display()) for item in practice.telehealth_states.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.APPOINTMENT_RETENTION_DAYS
        return context

    @path("")
    def request_form(self, request):
        from services.appointments.views import request_form

        return request_form(self, request)

    @path("thank-you/")
    def thank_you(self, request):
        from services.appointments.views import thank_you

        return thank_you(self, request)


class AppointmentRequestQuerySet(models.QuerySet):
    def awaiting_notification(self):
        return self.filter(notified_at__isnull=True)

    def older_than(self, days: int):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))


class AppointmentRequest(models.Model):
    """One visitor's request. Never shown outside the admin, and there only to the Intake group
    and superusers (services.appointments.admin)."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        SCHEDULED = "scheduled", _("Scheduled")
        CLOSED = "closed", _("Closed")

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class SessionFormat(models.TextChoices):
        TELEHEALTH = "telehealth", _("Telehealth (secure video)")
        IN_PERSON = "in_person", _("In person, at the office")
        EITHER = "either", _("Either is fine")

    class Day(models.TextChoices):
        MONDAY = "mon", _("Monday")
        TUESDAY = "tue", _("Tuesday")
        WEDNESDAY = "wed", _("Wednesday")
        THURSDAY = "thu", _("Thursday")
        FRIDAY = "fri", _("Friday")
        SATURDAY = "sat", _("Saturday")

    class TimeOfDay(models.TextChoices):
        MORNING = "morning", _("Morning (8am–12pm)")
        AFTERNOON = "afternoon", _("Afternoon (12pm–5pm)")
        EVENING = "evening", _("Evening (after 5pm)")

    # A double submit (back button, double click) carries the same token: one request is kept.
    submission_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    name = EncryptedTextField(_("name"))
    contact_method = models.CharField(
        _("preferred contact"), max_length=10, choices=ContactMethod.choices
    )
    phone = EncryptedTextField(_("phone"), blank=True)
    email = EncryptedTextField(_("email"), blank=True)
    session_format = models.CharField(
        _("telehealth or in person"), max_length=20, choices=SessionFormat.choices
    )
    telehealth_state = models.CharField(
        _("telehealth from"), max_length=2, choices=USState.choices, blank=True
    )
    service = models.ForeignKey(
        "services.ServicePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("service"),
    )
    therapist = models.ForeignKey(
        "services.TherapistPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("preferred therapist"),
    )
    preferred_days = models.JSONField(_("preferred days"), default=list, blank=True)
    preferred_times = models.JSONField(_("preferred times"), default=list, blank=True)
    message = EncryptedTextField(_("message"), blank=True)
    consented_at = models.DateTimeField(_("consent to be contacted given at"))
    notes = EncryptedTextField(
        _("intake notes"),
        blank=True,
        help_text=_("For the intake team only: calls made, messages left, next steps."),
    )
    notified_at = models.DateTimeField(_("intake team emailed at"), null=True, blank=True)
    notify_attempts = models.PositiveSmallIntegerField(_("email attempts"), default=0)
    last_notify_failure_at = models.DateTimeField(_("last email failure at"), null=True, blank=True)

    objects = AppointmentRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("appointment request")
        verbose_name_plural = _("appointment requests")

    def __str__(self):
        # Shown in admin history and logs, so it names no one.
        return _("Request #%(number)s") % {"number": self.pk}

    @property
    def waiting_for(self) -> str:
        """How long ago the request arrived, e.g. "5 hours"."""
        return timesince(self.created_at, depth=1)

    @cached_property
    def preferred_days_display(self) -> str:
        labels = dict(self.Day.choices)
        return ", ".join(str(labels.get(day, day)) for day in self.preferred_days)

    @cached_property
    def preferred_times_display(self) -> str:
        labels = dict(self.TimeOfDay.choices)
        return ", ".join(str(labels.get(time, time)) for time in self.preferred_times)

    @property
    def notification_state(self) -> str:
        if self.notified_at:
            return _("Sent")
        if self.notify_attempts:
            return _("Failed %(count)s× — will retry") % {"count": self.notify_attempts}
        return _("Pending")
