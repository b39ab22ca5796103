"""Shared pieces of the appointment request tests: a valid submission and an email backend
that fails until told otherwise."""

import uuid

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

VISITOR = {
    "name": "Casey Quietwater",
    "phone": "(205) 555-0199",
    "email": "casey.quietwater@example.net",
    "message": "Evenings are easier for me because of work.",
}


def valid_post(**overrides) -> dict:
    data = {
        "submission_token": str(uuid.uuid4()),
        "name": VISITOR["name"],
        "contact_method": "text",
        "phone": VISITOR["phone"],
        "email": VISITOR["email"],
        "session_format": "telehealth",
        "telehealth_state": "AL",
        "service": "",
        "therapist": "",
        "preferred_days": ["tue", "thu"],
        "preferred_times": ["evening"],
        "message": VISITOR["message"],
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class FlakyEmailBackend(LocmemBackend):
    """A real Django email backend that fails while `failing` is set, as an SMTP server that
    is down would, and delivers to the locmem outbox otherwise."""

    failing = True

    def send_messages(self, messages):
        if FlakyEmailBackend.failing:
            raise ConnectionRefusedError("SMTP server unreachable")
        return super().send_messages(messages)
