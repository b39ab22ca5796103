"""The practice's office hours as structure: days, opening and closing times and a short note.

One row per group of days ("Monday–Thursday: 8am–8pm"); the footer shows `label`, the
MedicalClinic JSON-LD uses `schema`. This module imports no app of ours.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# schema.org's DayOfWeek names, in the order of a week.
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def time_label(value: datetime.time) -> str:
    """A time as people write it on a door sign: 8am, 8:30pm, 12pm."""
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def days_label(days: list[str]) -> str:
    """ "Monday–Thursday" for a run of days, "Monday, Wednesday" otherwise."""
    ordered = sorted(days, key=WEEKDAYS.index)
    indexes = [WEEKDAYS.index(day) for day in ordered]
    if len(ordered) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(ordered)


class OpeningHoursValue(blocks.StructValue):
    @property
    def days(self) -> list[str]:
        return sorted(self.get("days") or [], key=WEEKDAYS.index)

    @property
    def label(self) -> str:
        """The row as visitors read it, e.g. "Saturday: 9am–1pm (telehealth only)"."""
        text = f"{days_label(self.days)}: {time_label(self['opens'])}–{time_label(self['closes'])}"
        return f"{text} ({self['note']})" if self.get("note") else text

    @property
    def schema(self) -> dict:
        return {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": self.days,
            "opens": self["opens"].isoformat(),
            "closes": self["closes"].isoformat(),
        }


class OpeningHoursBlock(blocks.StructBlock):
    days = blocks.MultipleChoiceBlock(
        choices=[(day, _(day)) for day in WEEKDAYS],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The days these hours apply to."),
    )
    opens = blocks.TimeBlock(label=_("Opens"))
    closes = blocks.TimeBlock(label=_("Closes"))
    note = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text=_("Optional, shown in brackets, e.g. 'telehealth only'."),
    )

    class Meta:
        icon = "time"
        label = _("Office hours")
        value_class = OpeningHoursValue

    def clean(self, value):
        value = super().clean(value)
        if value["closes"] <= value["opens"]:
            raise StructBlockValidationError(
                block_errors={"closes": ValidationError(_("Closing time must be after opening."))}
            )
        return value
