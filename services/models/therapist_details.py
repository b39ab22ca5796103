"""What a clinician holds and where they may see clients: credentials, state licences and
telehealth states, as orderable inline items of a therapist profile."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from practice.us_states import USState

THERAPIST_PAGE = "services.TherapistPage"


class TherapistCredential(Orderable):
    """A degree or certification shown after the clinician's name, e.g. 'LPC'."""

    page = ParentalKey(THERAPIST_PAGE, on_delete=models.CASCADE, related_name="credentials")
    abbreviation = models.CharField(
        max_length=20, help_text=_("The letters after the name, e.g. 'LPC' or 'PhD'.")
    )
    name = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Spelled out, e.g. 'Licensed Professional Counselor'."),
    )

    panels = [FieldRowPanel([FieldPanel("abbreviation"), FieldPanel("name")])]

    class Meta(Orderable.Meta):
        verbose_name = _("credential")

    def __str__(self):
        return f"{self.abbreviation} — {self.name}" if self.name else self.abbreviation


class TherapistLicence(Orderable):
    """A licence to practise, issued by one state's board."""

    page = ParentalKey(THERAPIST_PAGE, on_delete=models.CASCADE, related_name="licences")
    state = models.CharField(max_length=2, choices=USState.choices, help_text=_("Issued by."))
    licence_type = models.CharField(
        max_length=120, help_text=_("The licence held, e.g. 'Licensed Professional Counselor'.")
    )
    number = models.CharField(
        max_length=40, blank=True, help_text=_("As issued by the state board.")
    )

    panels = [
        FieldRowPanel([FieldPanel("state"), FieldPanel("licence_type"), FieldPanel("number")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("licence")

    def __str__(self):
        parts = [self.licence_type, self.get_state_display()]
        if self.number:
            parts.append(_("no. %(number)s") % {"number": self.number})
        return ", ".join(str(part) for part in parts if part)


class TherapistTelehealthState(Orderable):
    """A state whose residents this clinician may see by video."""

    page = ParentalKey(THERAPIST_PAGE, on_delete=models.CASCADE, related_name="telehealth_states")
    state = models.CharField(max_length=2, choices=USState.choices)

    panels = [FieldPanel("state")]

    class Meta(Orderable.Meta):
        verbose_name = _("telehealth state")

    def __str__(self):
        return self.get_state_display()
