"""Blocks that link onwards: menu links, calls to action and cards for a service."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .text import INLINE_RICH_TEXT


class LinkStructValue(blocks.StructValue):
    """Resolves a link that may point at a page or at an address typed by the editor."""

    @property
    def href(self) -> str:
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""

    @property
    def link_text(self) -> str:
        page = self.get("page")
        return self.get("label") or (page.title if page else "")


class NavigationLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=40, required=False, help_text=_("Leave blank to use the page's title.")
    )
    page = blocks.PageChooserBlock(required=False, help_text=_("A page on this site."))
    url = blocks.URLBlock(required=False, help_text=_("Or an address elsewhere."))

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        if not value.get("page") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("A link to an address needs a label."))}
            )
        return value

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        label = _("Link")


class CallToActionStructValue(LinkStructValue):
    @property
    def uses_booking_link(self) -> bool:
        return not self.get("page") and not self.get("url")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text=_("e.g. 'Ready to talk to someone?'"))
    text = blocks.RichTextBlock(
        features=INLINE_RICH_TEXT,
        required=False,
        help_text=_("Optional encouragement, e.g. that telehealth sessions are available."),
    )
    label = blocks.CharBlock(
        max_length=40,
        required=False,
        help_text=_("Button text. Blank: the practice's booking label."),
    )
    page = blocks.PageChooserBlock(
        required=False, help_text=_("Where the button goes. Blank: the practice's booking link.")
    )
    url = blocks.URLBlock(required=False, help_text=_("Or an address elsewhere."))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A box inviting the reader to book, call or read on.")
        value_class = CallToActionStructValue
        preview_value = {
            "heading": "Ready to talk to someone?",
            "text": "<p>Our team offers in-person and telehealth sessions.</p>",
        }


class ServiceLinkCardBlock(blocks.StructBlock):
    service = blocks.PageChooserBlock(
        page_type="services.ServicePage", help_text=_("The service page to point to.")
    )
    text = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("Optional sentence; blank uses the service summary."),
    )

    class Meta:
        icon = "link"
        template = "blocks/service_card.html"
        label = _("Service link card")
        description = _("A card that links to one of the practice's services.")

    def get_preview_value(self):
        """A live service page, so the block picker previews a real card."""
        service_model = self.child_blocks["service"].target_model
        service = service_model.objects.live().order_by("path").first()
        return self.to_python({"service": service.pk if service else None})
