"""Blocks of running text: section headings, paragraphs, lists, tips, callouts and quotes."""

from django.core.validators import validate_slug
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

INLINE_RICH_TEXT = ["bold", "italic", "link"]
PARAGRAPH_RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "document-link"]

HEADING_LEVELS = [
    ("h2", _("Section heading (H2)")),
    ("h3", _("Subheading within a section (H3)")),
    ("h4", _("Minor heading (H4)")),
]


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


# Migrations name the paragraph block by the path it had before blocks became a package.
DECONSTRUCT_ALIASES = {ParagraphBlock: "practice.blocks.ParagraphBlock"}
