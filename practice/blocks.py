"""StreamField blocks shared by articles and services, defined once.

Every block is a StructBlock (or ListBlock wrapper) with a template under templates/blocks/,
an icon, a description and a preview value so editors see what they are adding.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

INLINE_RICH_TEXT = ["bold", "italic", "link"]
PARAGRAPH_RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "document-link"]

HEADING_LEVELS = [
    ("h2", _("Section heading (H2)")),
    ("h3", _("Subheading within a section (H3)")),
    ("h4", _("Minor heading (H4)")),
]


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


class HeadingStructValue(blocks.StructValue):
    @property
    def anchor_id(self) -> str:
        return self.get("anchor") or slugify(self.get("text", ""))


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text=_("Short and descriptive."))
    level = blocks.ChoiceBlock(
        choices=HEADING_LEVELS,
        default="h2",
        search_index=False,
        help_text=_(
            "Start sections with H2. Use H3 only inside an H2 section, and H4 inside an H3: "
            "headings must not skip a level."
        ),
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=60,
        search_index=False,
        validators=[validate_slug],
        help_text=_("Optional link target, e.g. 'what-is-mom-guilt'. Made from the text if blank."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Section heading")
        description = _("A heading that starts a section; readers can jump to it.")
        value_class = HeadingStructValue
        preview_value = {"text": "What is mom guilt?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_RICH_TEXT)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        label = _("Paragraph")
        description = _("Text with bold, italic and links. Use a heading block for headings.")
        preview_value = (
            "<p>Many parents carry a quiet sense that they are <b>never doing enough</b>. "
            "Naming that feeling is the first step to easing it.</p>"
        )


class BulletedListBlock(blocks.StructBlock):
    lead_in = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("Optional sentence that introduces the list, e.g. 'It can show up as:'."),
    )
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_RICH_TEXT, label=_("Item")),
        min_num=1,
        help_text=_("One point per item. Links are allowed."),
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/bulleted_list.html"
        label = _("Bulleted list")
        description = _("A list of points, with an optional lead-in sentence.")
        preview_value = {
            "lead_in": "It can show up as:",
            "items": ["Worrying you are not present enough", "Comparing yourself to others"],
        }


class StrategyBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text=_("The strategy in a few words."))
    text = blocks.RichTextBlock(features=INLINE_RICH_TEXT, help_text=_("How and why it helps."))


class StrategiesBlock(blocks.StructBlock):
    numbered = blocks.BooleanBlock(
        required=False, default=True, help_text=_("Number the strategies (1, 2, 3...).")
    )
    items = blocks.ListBlock(
        StrategyBlock(label=_("Strategy")),
        min_num=1,
        help_text=_(
            "Each strategy gets a short title and an explanation. Five or fewer read best."
        ),
    )

    class Meta:
        icon = "tasks"
        template = "blocks/strategies.html"
        label = _("Strategies or tips")
        description = _("A list of titled tips, each with a short explanation.")
        preview_value = {
            "numbered": True,
            "items": [
                {"title": "Question the standard", "text": "<p>Whose rule is this, really?</p>"},
                {"title": "Rest on purpose", "text": "<p>Rest is part of care, not a reward.</p>"},
            ],
        }


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[
            ("note", _("Note")),
            ("tip", _("Tip")),
            ("support", _("Support (e.g. where to get help)")),
        ],
        default="note",
        search_index=False,
        help_text=_("Sets the colour and the label read out to screen readers."),
    )
    title = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Optional bold first line, e.g. 'Try this today'."),
    )
    text = blocks.RichTextBlock(
        features=INLINE_RICH_TEXT, help_text=_("One to three sentences: the point to remember.")
    )

    class Meta:
        icon = "info-circle"
        template = "blocks/callout.html"
        label = _("Callout")
        description = _("A highlighted box for a key point or where to get help.")
        preview_value = {
            "tone": "tip",
            "title": "Try this today",
            "text": "<p>Write down one thing you did well this week.</p>",
        }


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(
        max_length=400, help_text=_("A short, memorable sentence. No quotation marks needed.")
    )
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Who said it, if anyone. Never name a client or identify one."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/pull_quote.html"
        label = _("Pull quote")
        description = _("A short quotation set apart from the text.")
        preview_value = {"quote": "You can be loving and imperfect at the same time."}


class ImageStructValue(blocks.StructValue):
    @property
    def alt(self) -> str:
        image = self.get("image")
        return self.get("alt_text") or (image.alt_text if image else "")


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(help_text=_("Every image has alt text; you can adjust it below."))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text=_(
            "Describe the image here if this use needs different alt text from the image's own."
        ),
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


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        max_length=200, help_text=_("As a visitor would ask it, e.g. 'Is telehealth as effective?'")
    )
    answer = blocks.RichTextBlock(
        features=INLINE_RICH_TEXT, help_text=_("A short, plain-language answer.")
    )


class FAQBlock(blocks.StructBlock):
    items = blocks.ListBlock(
        FAQItemBlock(label=_("Question")),
        min_num=1,
        help_text=_("Each question and answer; search engines may show them in results."),
    )

    class Meta:
        icon = "help"
        template = "blocks/faq.html"
        label = _("FAQ")
        description = _("Questions and answers; search engines can show them as FAQs.")
        preview_value = {
            "items": [
                {
                    "question": "Do you offer telehealth?",
                    "answer": "<p>Yes, by secure video for clients in the states we serve.</p>",
                }
            ]
        }


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


def iter_faq_items(stream_value):
    """Yield (question, answer) pairs from every FAQ block in a body, for FAQPage data."""
    for child in stream_value or []:
        if child.block_type == "faq":
            for item in child.value["items"]:
                yield item["question"], item["answer"]
