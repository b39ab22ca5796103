"""Site-wide models: the user, the image model, site settings and the base for staff-edited
lists. This module imports no app of ours."""

import re
from functools import lru_cache

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks import URLBlock
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from phonenumber_field.modelfields import PhoneNumberField
from phonenumber_field.phonenumber import PhoneNumber
from phonenumbers import region_codes_for_country_code

from .blocks import NavigationLinkBlock
from .crisis import DEFAULT_CRISIS_MESSAGE, CrisisHelp
from .images import PracticeImage, PracticeRendition
from .opening_hours import OpeningHoursBlock
from .us_states import USState

__all__ = [
    "PracticeImage",
    "PracticeRendition",
    "PracticeSettings",
    "PracticeTelehealthState",
    "SafeMessagingRule",
    "TaxonomyTerm",
    "User",
]

# Numbers typed without a country code are read as US numbers.
PHONE_REGION = "US"


def validate_link(value: str) -> None:
    """A site-relative path (so the address survives a change of host name) or an http(s) URL."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class User(AbstractUser):
    """The project's user model, in place from the first migration so that it can grow
    (e.g. a link to a therapist profile) without a painful swap later."""

    class Meta:
        db_table = "practice_user"
        verbose_name = _("user")
        verbose_name_plural = _("users")


class TaxonomyTerm(models.Model):
    """A name in a short, staff-edited list (topics, specialties, insurers...)."""

    name = models.CharField(max_length=80, unique=True, help_text=_("As visitors will see it."))
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Used in filter links. Leave blank to make it from the name."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class PracticeTelehealthState(Orderable):
    """A state where the practice offers telehealth (where its clinicians may see clients)."""

    practice = ParentalKey(
        "practice.PracticeSettings", on_delete=models.CASCADE, related_name="telehealth_states"
    )
    state = models.CharField(max_length=2, choices=USState.choices)

    panels = [FieldPanel("state")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "state"], name="unique_practice_telehealth_state"
            )
        ]
        verbose_name = _("telehealth state")

    def __str__(self):
        return self.get_state_display()


@lru_cache(maxsize=16)
def phone_forms(phone: PhoneNumber | None) -> tuple[str, str]:
    """(E.164, as people write it) of a number: national format at home, international abroad.
    Memoised: the header, footer, crisis line and JSON-LD ask for it a dozen times a page."""
    if not phone or not phone.is_valid():
        return "", str(phone or "")
    if PHONE_REGION in region_codes_for_country_code(phone.country_code):
        return phone.as_e164, phone.as_national
    return phone.as_e164, phone.as_international


@register_setting(icon="site")
class PracticeSettings(ClusterableModel, BaseSiteSetting):
    """The practice's identity, defined once: the header, footer, contact text, crisis help,
    booking buttons and the MedicalClinic JSON-LD all read this record."""

    practice_name = models.CharField(
        max_length=120, help_text=_("The practice's public name, as it appears in the header.")
    )
    tagline = models.CharField(
        max_length=160,
        blank=True,
        help_text=_("A short line under the name, e.g. 'Anxiety and trauma therapy'."),
    )
    logo = models.ForeignKey(
        PracticeImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The practice's logo, for search engines (at least 112 pixels square)."),
    )
    phone = PhoneNumberField(
        region=PHONE_REGION,
        blank=True,
        help_text=_(
            "The number visitors call to book, e.g. (205) 555-0142. Numbers outside the US "
            "start with + and the country code."
        ),
    )
    email = models.EmailField(
        blank=True,
        help_text=_("A general contact address. Ask visitors not to send clinical details."),
    )
    booking_url = models.CharField(
        max_length=255,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "Leave blank to send the booking buttons to the appointment request form. Or where "
            "they go instead: an online scheduler (https://…) or a page of this site."
        ),
    )
    booking_label = models.CharField(
        max_length=40,
        default="Request an appointment",
        help_text=_("The text on the booking button."),
    )
    street_address = models.TextField(
        blank=True,
        help_text=_("Street and suite, one line per row, e.g. '2100 Example Avenue South'."),
    )
    locality = models.CharField(max_length=80, blank=True, verbose_name=_("city"))
    region = models.CharField(
        max_length=2, choices=USState.choices, blank=True, verbose_name=_("state")
    )
    postal_code = models.CharField(max_length=10, blank=True, verbose_name=_("ZIP code"))
    country = models.CharField(
        max_length=2,
        default="US",
        help_text=_("Two-letter country code (ISO 3166), e.g. US."),
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("The office's position, for maps and search engines, e.g. 33.502100."),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("e.g. -86.802500 (west of Greenwich is negative)."),
    )
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())],
        blank=True,
        help_text=_("Office hours, one row per group of days with the same hours."),
    )
    telehealth_message = models.CharField(
        max_length=160,
        blank=True,
        help_text=_(
            "A short message about telehealth, e.g. 'Telehealth appointments available statewide'."
        ),
    )
    accepting_new_clients = models.BooleanField(
        default=True, help_text=_("Tells search engines whether the practice takes new clients.")
    )
    profile_links = StreamField(
        [("profile", URLBlock(label=_("Profile address")))],
        blank=True,
        help_text=_(
            "The practice's own pages elsewhere (e.g. Facebook, LinkedIn, Psychology Today), "
            "so that search engines recognise them as the same practice."
        ),
    )
    crisis_message = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_(
            "Shown on every page above the links to call, text or chat with 988 and to call "
            "911, which are always shown. Add local resources here. Leave blank for the "
            "built-in message."
        ),
    )
    navigation = StreamField(
        [("link", NavigationLinkBlock())],
        blank=True,
        help_text=_(
            "The main menu, in order. Keep it short: five or six links work best on phones."
        ),
    )
    footer_links = StreamField(
        [("link", NavigationLinkBlock())],
        blank=True,
        help_text=_("Links in the footer, such as the privacy notice or accessibility statement."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("practice_name"),
                    FieldPanel("tagline"),
                    FieldPanel("logo"),
                    MultiFieldPanel(
                        [
                            FieldPanel("phone"),
                            FieldPanel("email"),
                            FieldPanel("booking_url"),
                            FieldPanel("booking_label"),
                        ],
                        heading=_("Contact and booking"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("street_address"),
                            FieldRowPanel(
                                [
                                    FieldPanel("locality"),
                                    FieldPanel("region"),
                                    FieldPanel("postal_code"),
                                ]
                            ),
                            FieldPanel("country"),
                            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                        ],
                        heading=_("Office address"),
                    ),
                    FieldPanel("opening_hours"),
                ],
                heading=_("Practice"),
            ),
            ObjectList(
                [
                    FieldPanel("telehealth_message"),
                    InlinePanel("telehealth_states", label=_("Telehealth states")),
                    FieldPanel("accepting_new_clients"),
                    FieldPanel("profile_links"),
                ],
                heading=_("Telehealth and profiles"),
            ),
            ObjectList([FieldPanel("crisis_message")], heading=_("Crisis help")),
            ObjectList([FieldPanel("navigation"), FieldPanel("footer_links")], heading=_("Menus")),
        ]
    )

    class Meta:
        verbose_name = _("practice settings")

    def __str__(self):
        return self.practice_name or "Practice settings"

    @property
    def phone_e164(self) -> str:
        """The number as E.164, e.g. '+12055550142', or "" without a valid number."""
        return phone_forms(self.phone)[0]

    @property
    def phone_href(self) -> str:
        return f"tel:{self.phone_e164}" if self.phone_e164 else ""

    @property
    def phone_display(self) -> str:
        """The number as people write it: national format at home, international abroad."""
        return phone_forms(self.phone)[1]

    @property
    def street_address_lines(self) -> list[str]:
        return [line.strip() for line in self.street_address.splitlines() if line.strip()]

    @property
    def locality_line(self) -> str:
        """e.g. "Birmingham, AL 35205"."""
        region = " ".join(part for part in (self.region, self.postal_code) if part)
        return ", ".join(part for part in (self.locality, region) if part)

    @property
    def address_lines(self) -> list[str]:
        """The postal address as shown, one line per row."""
        return [*self.street_address_lines, *filter(None, [self.locality_line])]

    @property
    def crisis_help(self) -> CrisisHelp:
        return CrisisHelp(
            message=self.crisis_message or DEFAULT_CRISIS_MESSAGE,
            practice_phone=self.phone_display if self.phone_href else "",
            practice_phone_href=self.phone_href,
        )


class SafeMessagingRule(models.Model):
    """Wording that safe-messaging guidelines on suicide advise against, with what to say instead.
    Pages are checked against these rules when saved; staff extend the list in the admin."""

    phrase = models.CharField(
        max_length=100,
        unique=True,
        help_text=_(
            "The words to look for, e.g. 'committed suicide'. Matched as whole words, "
            "ignoring capital letters."
        ),
    )
    suggestion = models.CharField(
        max_length=200,
        help_text=_("What to write instead, e.g. 'died by suicide'."),
    )
    explanation = models.TextField(
        blank=True,
        help_text=_("Why the wording can cause harm, shown to the editor with the suggestion."),
    )

    panels = [FieldPanel("phrase"), FieldPanel("suggestion"), FieldPanel("explanation")]

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("safe-messaging rule")

    def __str__(self):
        return self.phrase

    @property
    def pattern(self) -> re.Pattern:
        words = (re.escape(word) for word in self.phrase.split())
        return re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)
