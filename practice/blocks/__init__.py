"""StreamField blocks shared by articles and services, defined once.

Every block is a StructBlock (or ListBlock wrapper) with a template under templates/blocks/,
an icon, a description and a preview value so editors see what they are adding. One module per
kind of block: running text (`text`), links (`links`), the image (`figure`), questions and
answers (`faq`), and the body stream that offers them all (`body`).
"""

from .body import BodyStreamBlock
from .faq import iter_faq_items
from .links import NavigationLinkBlock
from .text import ParagraphBlock

__all__ = ["BodyStreamBlock", "NavigationLinkBlock", "ParagraphBlock", "iter_faq_items"]
