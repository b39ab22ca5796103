"""Crisis help: the one definition every page, the crisis search and the error page render.

The ways to reach help now (988 by call, text and chat; 911) are fixed here rather than left
to the editable text, so that no edit in the admin can remove them; staff edit the message
shown above them (Settings › Practice settings › Crisis message), which falls back to
DEFAULT_CRISIS_MESSAGE. Nothing here reads the database, so the 500 page can render it while
the database is down. Rendered by templates/includes/crisis_resources.html.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class CrisisLink:
    label: str
    href: str


CALL_988 = CrisisLink("Call 988", "tel:988")
TEXT_988 = CrisisLink("Text 988", "sms:988")
CHAT_988 = CrisisLink("Chat with 988", "https://988lifeline.org/chat/")
CALL_911 = CrisisLink("Call 911", "tel:911")

HEADING = "If you need help right now"
DEFAULT_CRISIS_MESSAGE = (
    "<p>If you are thinking about suicide or are in crisis, you are not alone and help is "
    "available now: free, confidential, 24 hours a day.</p>"
)
NOT_MONITORED = "This website and our voicemail are not monitored around the clock."


@dataclass(frozen=True)
class CrisisHelp:
    """What the crisis include shows: the staff's message (or the default) and, for
    non-urgent help, the practice's own number when it is known."""

    message: str = DEFAULT_CRISIS_MESSAGE  # rich text, as the editor stores it
    practice_phone: str = ""  # as shown, e.g. "(205) 555-0142"
    practice_phone_href: str = ""  # e.g. "tel:+12055550142"

    heading = HEADING
    not_monitored = NOT_MONITORED
    call_988 = CALL_988
    text_988 = TEXT_988
    chat_988 = CHAT_988
    call_911 = CALL_911
