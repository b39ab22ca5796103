"""Site-wide models: the user, the image model, site settings and the base for staff-edited
lists. This module imports no app of ours."""

import re

from django.contrib.auth.models import AbstractUser
from django.core.validators import URLValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from .blocks import NavigationLinkBlock
from .images import PracticeImage, PracticeRendition

__all__ = [
    "PracticeImage",
    "PracticeRendition",
    "PracticeSettings",
    "SafeMessagingRule",
    "TaxonomyTerm",
    "User",
]

DEFAULT_CRISIS_RESOURCES = (
    "<p><b>If you are thinking about suicide or are in crisis, help is available now.</b> "
    'Call or text <a href="tel:988">988</a> to reach the 988 Suicide &amp; Crisis Lifeline, '
    "free and confidential, 24 hours a day. "
    'If you or someone else is in immediate danger, call <a href="tel:911">911</a>.</p>'
)


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


@register_setting(icon="site")
class PracticeSettings(BaseSiteSetting):
    """Contact details, the booking action and crisis resources shown on every page."""

    practice_name = models.CharField(
        max_length=120, help_text=_("The practice's public name, as it appears in the header.")
    )
    tagline = models.CharField(
        max_length=160,
        blank=True,
        help_text=_("A short line under the name, e.g. 'Anxiety and trauma therapy'."),
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_(
            "The number visitors call to book, as it should be shown (e.g. (205) 555-0142)."
        ),
    )
    booking_url = models.CharField(
        max_length=255,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "Where the 'Book an appointment' button goes: an online scheduler "
            "(https://…) or a page of this site (/request-an-appointment/)."
        ),
    )
    booking_label = models.CharField(
        max_length=40,
        default="Request an appointment",
        help_text=_("The text on the booking button."),
    )
    telehealth_message = models.CharField(
        max_length=160,
        blank=True,
        help_text=_(
            "A short message about telehealth, e.g. 'Telehealth appointments available statewide'."
        ),
    )
    email = models.EmailField(
        blank=True,
        help_text=_("A general contact address. Ask visitors not to send clinical details."),
    )
    address = models.TextField(
        blank=True, help_text=_("The office address, one line per row, as it should be shown.")
    )
    opening_hours = models.TextField(
        blank=True, help_text=_("Office hours, one line per row, e.g. 'Monday–Thursday: 8am–8pm'.")
    )
    crisis_resources = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_CRISIS_RESOURCES,
        help_text=_("Shown on every page. Keep the 988 Lifeline and 911, and add local resources."),
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
                    MultiFieldPanel(
                        [
                            FieldPanel("phone"),
                            FieldPanel("booking_url"),
                            FieldPanel("booking_label"),
                            FieldPanel("telehealth_message"),
                            FieldPanel("email"),
                        ],
                        heading=_("Contact and booking"),
                    ),
                    FieldPanel("address"),
                    FieldPanel("opening_hours"),
                    FieldPanel("crisis_resources"),
                ],
                heading=_("Practice"),
            ),
            ObjectList([FieldPanel("navigation"), FieldPanel("footer_links")], heading=_("Menus")),
        ]
    )

    class Meta:
        verbose_name = _("practice settings")

    def __str__(self):
        return self.practice_name or "Practice settings"

    @property
    def phone_href(self) -> str:
        """A tel: link for the phone number, e.g. 'tel:+12055550142'."""
        digits = re.sub(r"\D", "", self.phone)
        if not digits:
            return ""
        if len(digits) == 10:
            digits = "1" + digits
        return f"tel:+{digits}"

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def opening_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]


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
