"""Appointment requests (services.appointments). Visitors' names, contact details and messages
are encrypted at rest with Fernet keys from APPOINTMENT_ENCRYPTION_KEYS: comma-separated,
newest first; older keys still decrypt, so a key is rotated by putting a new one in front and
running `manage.py rotate_appointment_keys`. Generate one with
`python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
"""

import base64
import hashlib
import os

from django.core.exceptions import ImproperlyConfigured

from .environment import DEBUG, SECRET_KEY, env_list

APPOINTMENT_ENCRYPTION_KEYS = env_list("APPOINTMENT_ENCRYPTION_KEYS")
if not APPOINTMENT_ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "APPOINTMENT_ENCRYPTION_KEYS must be set when DEBUG is off: appointment requests "
            "are encrypted with it (see README § Appointment requests)."
        )
    # Local development only: a key derived from the development SECRET_KEY.
    APPOINTMENT_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(hashlib.sha256(SECRET_KEY.encode()).digest()).decode()
    ]
APPOINTMENT_RETENTION_DAYS = int(os.environ.get("APPOINTMENT_RETENTION_DAYS", "90"))
# Request-form posts per client address per hour; more get a "try again later" page.
APPOINTMENT_RATE_LIMIT = int(os.environ.get("APPOINTMENT_RATE_LIMIT", "10"))
# Addresses told about each new request; blank: the active members of the Intake group.
APPOINTMENT_NOTIFICATION_EMAILS = env_list("APPOINTMENT_NOTIFICATION_EMAILS")
# The request form is a few kilobytes; a larger body is refused before Django parses it.
APPOINTMENT_MAX_BODY_BYTES = 32 * 1024
