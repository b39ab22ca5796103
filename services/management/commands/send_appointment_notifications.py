"""Retry the intake team's email for every request whose email has not gone out. Run by cron
every few minutes (README § Appointment requests)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from services.appointments.notifications import notify_intake
from services.models import AppointmentRequest


class Command(BaseCommand):
    help = "Email the intake team about appointment requests whose notification failed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            help="Leave alone requests younger than this many seconds: the web process is "
            "still sending their email (default 60).",
        )

    def handle(self, *args, min_age, **options):
        pending = AppointmentRequest.objects.awaiting_notification().filter(
            created_at__lte=timezone.now() - timedelta(seconds=min_age)
        )
        sent = failed = 0
        for appointment in pending.order_by("created_at").only("pk", "created_at"):
            if notify_intake(appointment):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Intake emails sent: {sent}; still failing: {failed}.")
