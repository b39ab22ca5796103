"""Encryption at rest for what identifies a visitor (name, contact details, message, notes).

Keys come from settings.APPOINTMENT_ENCRYPTION_KEYS, newest first. MultiFernet encrypts with
the first and decrypts with any, so a key is rotated by adding a new one in front, running
`manage.py rotate_appointment_keys`, then removing the old one.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


@cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "APPOINTMENT_ENCRYPTION_KEYS holds a key that is not a Fernet key "
            "(32 url-safe base64-encoded bytes)."
        ) from error


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.APPOINTMENT_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "An appointment request cannot be decrypted with APPOINTMENT_ENCRYPTION_KEYS: "
            "was a key removed before `rotate_appointment_keys` ran?"
        ) from error


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; Python code sees the plain text. Not searchable or
    sortable in the database, which is the point."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)
