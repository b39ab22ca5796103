"""Delete appointment requests older than the retention period, with their history entries.
Run daily by cron (README § Appointment requests)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import ModelLogEntry

from services.models import AppointmentRequest


class Command(BaseCommand):
    help = "Delete appointment requests older than APPOINTMENT_RETENTION_DAYS (default 90)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep requests this many days instead of APPOINTMENT_RETENTION_DAYS.",
        )

    def handle(self, *args, days, **options):
        days = settings.APPOINTMENT_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        expired = AppointmentRequest.objects.older_than(days)
        with transaction.atomic():
            ids = [str(pk) for pk in expired.values_list("pk", flat=True)]
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(AppointmentRequest),
                object_id__in=ids,
            ).delete()
            count, _by_model = expired.delete()
        self.stdout.write(f"Deleted {count} appointment requests older than {days} days.")
