"""The site's image model: every image carries alt text, so no chooser or block can place an
image that a screen-reader user cannot understand."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PracticeImage(AbstractImage):
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe the image for people who cannot see it, in one short sentence "
            "(e.g. 'A therapist listening to a client in a sunlit office'). Required."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields[:2], "alt_text", *Image.admin_form_fields[2:])

    @property
    def default_alt_text(self):
        return self.alt_text or self.title

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
