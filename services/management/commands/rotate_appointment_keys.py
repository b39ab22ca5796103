"""Re-encrypt every appointment request with the newest key in APPOINTMENT_ENCRYPTION_KEYS, so
that older keys can then be removed from the environment."""

from django.core.management.base import BaseCommand
from django.db import transaction

from services.models import AppointmentRequest

ENCRYPTED_FIELDS = ["name", "phone", "email", "message", "notes"]


class Command(BaseCommand):
    help = "Re-encrypt appointment requests with the newest APPOINTMENT_ENCRYPTION_KEYS key."

    def handle(self, *args, **options):
        rotated = 0
        # Reading decrypts with whichever key matches; saving encrypts with the newest.
        with transaction.atomic():
            rows = AppointmentRequest.objects.select_for_update().values_list(
                "pk", *ENCRYPTED_FIELDS
            )
            for pk, *values in rows.iterator():
                AppointmentRequest.objects.filter(pk=pk).update(
                    **dict(zip(ENCRYPTED_FIELDS, values, strict=True))
                )
                rotated += 1
        self.stdout.write(f"Re-encrypted {rotated} appointment requests with the newest key.")
