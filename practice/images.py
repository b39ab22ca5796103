"""The site's image model: every image is described for people who cannot see it, in one
place, Wagtail's own "Description" field, unless it is marked decorative, when it renders
with an empty alt="" so that screen readers skip it."""

from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

DESCRIPTION_HELP = _(
    "The alt text: describe the image for people who cannot see it, in one short sentence "
    "(e.g. 'A therapist listening to a client in a sunlit office'). Required unless the "
    "image is decorative."
)


class PracticeImage(AbstractImage):
    description = models.CharField(
        _("description"), max_length=255, blank=True, default="", help_text=DESCRIPTION_HELP
    )
    # Not "decorative": Wagtail sets that attribute on every image for its ImageBlock.
    is_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_(
            "Tick only for an image that adds nothing to the text (a pattern, a divider): it "
            "is then hidden from screen readers and needs no description."
        ),
    )

    admin_form_fields = (
        *Image.admin_form_fields[:3],
        "is_decorative",
        *Image.admin_form_fields[3:],
    )

    def clean(self):
        super().clean()
        if not self.is_decorative and not (self.description or "").strip():
            raise ValidationError(
                {
                    "description": _(
                        "Describe the image in a short sentence, or tick “Decorative” if it "
                        "adds nothing to the text."
                    )
                }
            )

    @property
    def alt_text(self) -> str:
        """What the alt attribute says: the description, or nothing for a decorative image."""
        return "" if self.is_decorative else self.description

    @alt_text.setter
    def alt_text(self, value):
        self.description = value

    @property
    def default_alt_text(self):
        return self.alt_text

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class PracticeRendition(AbstractRendition):
    image = models.ForeignKey(PracticeImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@dataclass(frozen=True)
class PictureSpec:
    """Where the site shows an image: the renditions it needs (every width in every format,
    for a `<picture>`), how wide it shows (`sizes`, from the CSS), and whether it is the first
    large image on a page (eager, `fetchpriority="high"`) or may wait (lazy)."""

    resize: str
    sizes: str
    eager: bool = False
    formats: str = "format-{webp,jpeg}"

    @property
    def filter_specs(self) -> list[str]:
        return Filter.expand_spec([self.resize, self.formats])

    @cached_property
    def filters(self) -> tuple[Filter, ...]:
        """The renditions as Wagtail filters, parsed once per process: Wagtail parses a spec
        given as text again for every image it renders (a third of a card's cost)."""
        return tuple(Filter(spec) for spec in self.filter_specs)


# AVIF costs about a second of CPU per rendition here (Pillow's default encoder speed, which
# Wagtail does not expose), five times WebP: worth it only for the one large image a page
# opens with. Cards, portraits and figures, many per page, are WebP with a JPEG fallback.
WITH_AVIF = "format-{avif,webp,jpeg}"

# One entry per place an image appears; the `picture_for` template tag renders them and
# listings prefetch exactly these renditions (`rendition_prefetch`). Widths cover the CSS
# width at 1x and 2x (about 1.75x for Lighthouse's phone); sizes follow practice/static/css/site.css.
PICTURES = {
    # .card-grid: one column to 43em, two to 64em, then three in a 72rem wrap.
    "card": PictureSpec(
        "fill-{400x225,720x405}",
        "(min-width: 64em) 22rem, (min-width: 43em) calc(50vw - 2.5rem), calc(100vw - 2rem)",
    ),
    "portrait": PictureSpec("fill-{120x120,240x240}", "5.5rem"),
    "profile_portrait": PictureSpec(
        "fill-{240x240,480x480}",
        "(min-width: 44em) 11rem, (min-width: 32em) 25vw, 8rem",
        eager=True,
    ),
    # Heroes: full width on a phone; beside the title from 60em (home, article) or across
    # the wrap (service).
    "home_hero": PictureSpec(
        "fill-{480x360,800x600,1200x900}",
        "(min-width: 60em) 32rem, 100vw",
        eager=True,
        formats=WITH_AVIF,
    ),
    "article_hero": PictureSpec(
        "fill-{480x360,960x720}", "(min-width: 60em) 26rem, 100vw", eager=True, formats=WITH_AVIF
    ),
    "service_hero": PictureSpec(
        "fill-{640x360,960x540,1440x810}",
        "(min-width: 72rem) 68rem, 100vw",
        eager=True,
        formats=WITH_AVIF,
    ),
    # A figure in an article's or page's body: the text column, never the first image.
    "figure": PictureSpec("width-{480,800,1200}", "(min-width: 48rem) 44rem, 100vw"),
}


def rendition_prefetch(lookup: str, picture: str) -> models.Prefetch:
    """Prefetch images and every rendition `PICTURES[picture]` uses for a whole listing in two
    queries, so that cards never query per item."""
    return models.Prefetch(
        lookup,
        queryset=PracticeImage.objects.prefetch_renditions(*PICTURES[picture].filter_specs),
    )
