"""The article body's blocks: each one renders on a real article, and headings cannot skip a
level."""

from wagtail import blocks

import pytest

from practice.blocks import BodyStreamBlock

from .factories import ArticlePageFactory, ImageFactory, ServicePageFactory


def heading_example(request):
    value = {"text": "Why worry feels so loud", "level": "h2", "anchor": ""}
    return value, ['id="why-worry-feels-so-loud"', "Why worry feels so loud</h2>"]


def paragraph_example(request):
    value = "<p>Worry is the mind trying to <b>keep you safe</b>, a little too hard.</p>"
    return value, ["<b>keep you safe</b>, a little too hard."]


def bulleted_list_example(request):
    value = {
        "lead_in": "It can show up as:",
        "items": ["<p>Trouble falling asleep</p>", "<p>A racing heart before meetings</p>"],
    }
    return value, ["It can show up as:", "Trouble falling asleep", "A racing heart before meetings"]


def strategies_example(request):
    value = {
        "numbered": True,
        "items": [
            {"title": "Name the worry", "text": "<p>Saying it out loud shrinks it.</p>"},
            {"title": "Set a worry window", "text": "<p>Fifteen minutes, then stop.</p>"},
        ],
    }
    return value, [
        "<ol",
        "Name the worry",
        "Saying it out loud shrinks it.",
        "Set a worry window",
        "Fifteen minutes, then stop.",
    ]


def callout_example(request):
    value = {
        "tone": "support",
        "title": "When to reach out",
        "text": "<p>If worry keeps you from sleeping for weeks, talk to a professional.</p>",
    }
    return value, ["When to reach out", "talk to a professional."]


def pull_quote_example(request):
    value = {"quote": "Feelings are visitors, not residents.", "attribution": "A client"}
    return value, ["<blockquote", "Feelings are visitors, not residents.", "A client"]


def image_example(request):
    image = ImageFactory(alt_text="An empty bench beside a slow river")
    value = {"image": image.pk, "alt_text": "", "caption": "Slowing down is a skill."}
    return value, ['alt="An empty bench beside a slow river"', "Slowing down is a skill."]


def call_to_action_example(request):
    practice = request.getfixturevalue("practice_settings")
    value = {
        "heading": "Ready to talk to someone?",
        "text": "<p>Sessions in person in Birmingham or by video.</p>",
        "label": "",
        "page": None,
        "url": "",
    }
    return value, [
        "Ready to talk to someone?",
        "Sessions in person in Birmingham or by video.",
        f'href="{practice.booking_url}">{practice.booking_label}</a>',
    ]


def service_card_example(request):
    service_index = request.getfixturevalue("service_index")
    service = ServicePageFactory(
        parent=service_index,
        title="Exposure therapy",
        summary="Facing fears step by step, at a pace you choose.",
    )
    value = {"service": service.pk, "text": ""}
    return value, [
        f'href="{service.url}"',
        "Exposure therapy",
        "Facing fears step by step, at a pace you choose.",
    ]


def faq_example(request):
    value = {
        "items": [
            {
                "question": "How long does therapy for anxiety take?",
                "answer": "<p>Many people notice change within eight to twelve sessions.</p>",
            }
        ]
    }
    return value, [
        "How long does therapy for anxiety take?",
        "Many people notice change within eight to twelve sessions.",
    ]


EXAMPLES = {
    "heading": heading_example,
    "paragraph": paragraph_example,
    "bulleted_list": bulleted_list_example,
    "strategies": strategies_example,
    "callout": callout_example,
    "pull_quote": pull_quote_example,
    "image": image_example,
    "call_to_action": call_to_action_example,
    "service_card": service_card_example,
    "faq": faq_example,
}


# Parametrized over the StreamBlock's own children, so that a new block without an example fails.
@pytest.mark.parametrize("block_type", list(BodyStreamBlock().child_blocks))
def test_every_body_block_renders_on_an_article(
    request, client, article_index, practice_settings, block_type
):
    assert block_type in EXAMPLES, f"Add a rendering example for the '{block_type}' block."
    value, expected = EXAMPLES[block_type](request)
    body = [{"type": "heading", "value": {"text": "Start here", "level": "h2"}}]
    body.append({"type": block_type, "value": value})
    article = ArticlePageFactory(parent=article_index, body=body)

    response = client.get(article.url)

    assert response.status_code == 200
    html = response.content.decode()
    for fragment in expected:
        assert fragment in html


def test_call_to_action_with_a_page_links_to_that_page(client, article_index, practice_settings):
    target = ArticlePageFactory(parent=article_index, title="Grounding exercises")
    body = [
        {
            "type": "call_to_action",
            "value": {"heading": "Try one now", "page": target.pk, "label": "", "url": ""},
        }
    ]
    article = ArticlePageFactory(parent=article_index, body=body)

    html = client.get(article.url).content.decode()

    call_to_action = html.split('aria-label="Try one now"', 1)[1].split("</aside>", 1)[0]
    assert f'href="{target.url}">Grounding exercises</a>' in call_to_action
    assert practice_settings.booking_url not in call_to_action


def heading(level, text="A heading"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


def paragraph(text="<p>Some words.</p>"):
    return {"type": "paragraph", "value": text}


def clean(raw):
    block = BodyStreamBlock()
    return block.clean(block.to_python(raw))


@pytest.mark.parametrize(
    ("levels", "bad_index"),
    [
        (["h3"], 0),
        (["h4"], 0),
        (["h2", "h4"], 1),
        (["h2", "h3", "h2", "h4"], 3),
    ],
    ids=["first-h3", "first-h4", "h2-then-h4", "h4-after-returning-to-h2"],
)
def test_headings_may_not_skip_a_level(levels, bad_index):
    raw = []
    for number, level in enumerate(levels):
        raw += [heading(level, f"Heading {number}"), paragraph()]

    with pytest.raises(blocks.StreamBlockValidationError) as error:
        clean(raw)

    # The error sits on the offending heading, which is every other child.
    assert list(error.value.block_errors) == [bad_index * 2]
    assert "skips a level" in str(error.value.block_errors[bad_index * 2])


@pytest.mark.parametrize(
    "levels",
    [["h2", "h3", "h2"], ["h2", "h3", "h4", "h2", "h3"], ["h2", "h3", "h4", "h3"], []],
    ids=["h2-h3-h2", "down-to-h4-and-back", "h4-back-to-h3", "no-headings"],
)
def test_headings_that_step_down_one_level_at_a_time_are_valid(levels):
    raw = [paragraph()]
    for number, level in enumerate(levels):
        raw += [heading(level, f"Heading {number}"), paragraph()]

    cleaned = clean(raw)

    assert [child.value["level"] for child in cleaned if child.block_type == "heading"] == levels


def test_heading_anchor_comes_from_the_text_unless_given():
    block = BodyStreamBlock()
    stream = block.to_python(
        [
            heading("h2", "What is mom guilt?"),
            {"type": "heading", "value": {"text": "Next", "level": "h2", "anchor": "next-steps"}},
        ]
    )
    assert [child.value.anchor_id for child in stream] == ["what-is-mom-guilt", "next-steps"]


@pytest.mark.parametrize(
    "second_heading",
    [
        heading("h3", "What is mom guilt?"),
        {
            "type": "heading",
            "value": {"text": "Other", "level": "h2", "anchor": "what-is-mom-guilt"},
        },
    ],
    ids=["same-text", "anchor-equal-to-first-text"],
)
def test_two_headings_may_not_share_an_anchor(second_heading):
    with pytest.raises(blocks.StreamBlockValidationError) as error:
        clean([heading("h2", "What is mom guilt?"), paragraph(), second_heading])

    assert list(error.value.block_errors) == [2]
    assert "already links as #what-is-mom-guilt" in str(error.value.block_errors[2])


def test_heading_without_letters_or_digits_has_no_empty_id():
    heading_block = BodyStreamBlock().child_blocks["heading"]
    value = heading_block.to_python({"text": "?!", "level": "h3", "anchor": ""})
    assert heading_block.render(value).strip() == "<h3>?!</h3>"


def test_image_and_service_blocks_preview_real_content(article_index, service_index):
    """The block picker previews these blocks with an image and a service from the site."""
    image = ImageFactory()
    service = ServicePageFactory(parent=service_index, title="Schema therapy")
    figure = BodyStreamBlock().child_blocks["image"]
    card = BodyStreamBlock().child_blocks["service_card"]

    assert figure.get_preview_value()["image"] == image
    assert 'alt="' + image.alt_text in figure.render(figure.get_preview_value())
    assert card.get_preview_value()["service"] == service
    assert service.url in card.render(card.get_preview_value())
