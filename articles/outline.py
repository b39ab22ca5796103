"""The outline a new article starts from, and the rule that its placeholders never reach a
reader: a body still holding one cannot be submitted for review or published.

The outline holds no booking box: the article page adds the practice's own under every
article, and a second one in the body would repeat it.
"""

from django.utils.translation import gettext as _

PLACEHOLDER_MARK = "(replace this)"

STARTING_BODY = [
    {"type": "paragraph", "value": ""},
    {
        "type": "heading",
        "value": {"text": f"What it can look like {PLACEHOLDER_MARK}", "level": "h2", "anchor": ""},
    },
    {"type": "bulleted_list", "value": {"lead_in": "", "items": [""]}},
    {
        "type": "heading",
        "value": {"text": f"What can help {PLACEHOLDER_MARK}", "level": "h2", "anchor": ""},
    },
    {"type": "strategies", "value": {"numbered": True, "items": [{"title": "", "text": ""}]}},
]


def strings_in(value):
    """Every string in a block's raw value, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def outline_placeholders(stream) -> list[str]:
    """A message for each block of the body that still holds outline placeholder text."""
    problems = []
    for position, block in enumerate(list(stream.raw_data) if stream else [], start=1):
        if any(PLACEHOLDER_MARK in text for text in strings_in(block.get("value"))):
            label = stream.stream_block.child_blocks[block["type"]].label
            problems.append(
                _(
                    "Block %(position)d (%(block)s) still holds the outline's placeholder text "
                    "“%(mark)s”: write your own text or remove the block."
                )
                % {"position": position, "block": label, "mark": PLACEHOLDER_MARK}
            )
    return problems
