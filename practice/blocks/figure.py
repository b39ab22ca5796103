"""The image block of a page body."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock


class ImageStructValue(blocks.StructValue):
    @property
    def alt(self) -> str:
        """The image's own description, wherever it is used: one alt text per image (empty
        when the image is marked decorative)."""
        image = self.get("image")
        return image.alt_text if image else ""


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        help_text=_("Its description in the image library is its alt text, here and everywhere.")
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text=_("Optional text shown under the image.")
    )

    class Meta:
        icon = "image"
        template = "blocks/figure.html"
        label = _("Image")
        description = _("An image with an optional caption.")
        value_class = ImageStructValue

    def get_preview_value(self):
        """The newest image in the library, so the block picker previews a real figure."""
        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {"image": image.pk if image else None, "caption": "A caption appears here."}
        )
