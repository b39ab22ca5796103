"""Questions and answers in a page body, and the pairs they give the page's FAQPage data."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .text import INLINE_RICH_TEXT


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


def iter_faq_items(stream_value):
    """Yield (question, answer) pairs from every FAQ block in a body, for FAQPage data."""
    for child in stream_value or []:
        if child.block_type == "faq":
            for item in child.value["items"]:
                yield item["question"], item["answer"]
