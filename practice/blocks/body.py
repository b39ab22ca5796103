"""The body of articles, service pages and standard pages: every block, in one stream."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .faq import FAQBlock
from .figure import FigureBlock
from .links import CallToActionBlock, ServiceLinkCardBlock
from .text import (
    BulletedListBlock,
    CalloutBlock,
    HeadingBlock,
    ParagraphBlock,
    PullQuoteBlock,
    StrategiesBlock,
)


class BodyStreamBlock(blocks.StreamBlock):
    """The body of articles and service pages. Headings may not skip a level."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    bulleted_list = BulletedListBlock()
    strategies = StrategiesBlock()
    callout = CalloutBlock()
    pull_quote = PullQuoteBlock()
    image = FigureBlock()
    call_to_action = CallToActionBlock()
    service_card = ServiceLinkCardBlock()
    faq = FAQBlock()

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            # Saving a draft: structure problems are reported when it is submitted or published.
            return value
        errors = {}
        previous_level = 1  # the page title is the h1
        anchors = set()
        for index, child in enumerate(value):
            if child.block_type != "heading":
                continue
            level = int(child.value["level"][1])
            anchor = child.value.anchor_id
            if level > previous_level + 1:
                errors[index] = ValidationError(
                    _(
                        "This heading skips a level: use H%(allowed)d here, or add an H%(allowed)d above it."
                    )
                    % {"allowed": previous_level + 1}
                )
            elif anchor in anchors:
                # Two equal ids would send a reader following a link to the first heading.
                errors[index] = ValidationError(
                    _(
                        "Another heading on this page already links as #%(anchor)s: "
                        "give this one a different text or anchor."
                    )
                    % {"anchor": anchor}
                )
            else:
                previous_level = level
            anchors.add(anchor)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value
