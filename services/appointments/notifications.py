"""Telling the intake team that a request is waiting. The email carries a link to the admin
and nothing about the visitor; a failure is logged (without personal data), counted on the
request and retried by `manage.py send_appointment_notifications`."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from services.models import AppointmentRequest

from .permissions import INTAKE_GROUP, intake_permission_policy

logger = logging.getLogger(__name__)

VIEWSET_NAME = "appointment_requests"


def admin_url(appointment: AppointmentRequest) -> str:
    path = reverse(f"{VIEWSET_NAME}:edit", args=[appointment.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def intake_recipients() -> list[str]:
    if settings.APPOINTMENT_NOTIFICATION_EMAILS:
        return list(settings.APPOINTMENT_NOTIFICATION_EMAILS)
    users = (
        intake_permission_policy.users_with_permission("change")
        .filter(groups__name=INTAKE_GROUP)
        .exclude(email="")
    )
    return sorted({user.email for user in users})


def notify_intake(appointment: AppointmentRequest) -> bool:
    """Email the intake team about one stored request. True when the email went out."""
    attempts = AppointmentRequest.objects.filter(pk=appointment.pk)
    recipients = intake_recipients()
    try:
        if not recipients:
            raise RuntimeError(
                "no recipients: set APPOINTMENT_NOTIFICATION_EMAILS or add Intake staff"
            )
        send_mail(
            subject=f"New appointment request #{appointment.pk}",
            message=(
                "A new appointment request is waiting for the intake team.\n\n"
                f"Open it in the admin (sign-in required):\n{admin_url(appointment)}\n\n"
                "The visitor's details are only in the admin, never in email.\n"
            ),
            from_email=None,
            recipient_list=recipients,
        )
    except Exception as error:  # any backend failure: the request stays and is retried later
        logger.warning(
            "Appointment request %s: intake email failed (%s); it will be retried.",
            appointment.pk,
            type(error).__name__,
        )
        attempts.update(
            notify_attempts=F("notify_attempts") + 1, last_notify_failure_at=timezone.now()
        )
        return False
    attempts.update(notify_attempts=F("notify_attempts") + 1, notified_at=timezone.now())
    logger.info("Appointment request %s: intake team emailed.", appointment.pk)
    return True
