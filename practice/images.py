"""The site's image model: every image is described for people who cannot see it, in one
place, Wagtail's own "Description" field, unless it is marked decorative, when it renders
with an empty alt="" so that screen readers skip it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image

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


def rendition_prefetch(lookup: str, *filter_specs: str) -> models.Prefetch:
    """Prefetch images and the given renditions for a whole listing in two queries, so that
    cards never query per item."""
    return models.Prefetch(
        lookup, queryset=PracticeImage.objects.prefetch_renditions(*filter_specs)
    )
