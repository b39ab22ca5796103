"""Small helpers that write StreamField data for the demo content in a few readable words.

Pages and images do not exist yet when this data is written, so it names them by slug or key
(`PageRef`, `ImageRef`, `page_link`); `load_demo_content` swaps in the real ids.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class PageRef:
    """A demo page, by its slug (slugs are unique across the demo site)."""

    slug: str


@dataclass(frozen=True)
class ImageRef:
    """A demo image, by its key (see `IMAGES` in `home.demo.site` and `home.demo.therapists`)."""

    key: str


PAGE_LINK_PATTERN = re.compile(r'<a linktype="page" slug="([\w-]+)">')


def page_link(slug: str, text: str) -> str:
    """A rich-text link to a demo page; the loader rewrites it to Wagtail's page-link format."""
    return f'<a linktype="page" slug="{slug}">{text}</a>'


@dataclass(frozen=True)
class DaysAgo:
    """A date some days before the demo page is first created. A later run keeps the stored
    date, so that running the loader again on another day changes nothing."""

    days: int

    def date(self) -> date:
        return date.today() - timedelta(days=self.days)


def days_ago(days: int) -> DaysAgo:
    return DaysAgo(days)


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value}


def heading(text: str, level: str = "h2") -> dict:
    return block("heading", {"text": text, "level": level, "anchor": ""})


def h2(text: str) -> dict:
    return heading(text, "h2")


def h3(text: str) -> dict:
    return heading(text, "h3")


def paragraph(*texts: str) -> dict:
    return block("paragraph", paragraphs(*texts))


def bullets(*items: str, lead_in: str = "") -> dict:
    return block("bulleted_list", {"lead_in": lead_in, "items": [f"<p>{i}</p>" for i in items]})


def strategies(*items: tuple[str, str], numbered: bool = True) -> dict:
    return block(
        "strategies",
        {
            "numbered": numbered,
            "items": [{"title": title, "text": f"<p>{text}</p>"} for title, text in items],
        },
    )


def callout(text: str, title: str = "", tone: str = "note") -> dict:
    return block("callout", {"tone": tone, "title": title, "text": f"<p>{text}</p>"})


def pull_quote(quote: str, attribution: str = "") -> dict:
    return block("pull_quote", {"quote": quote, "attribution": attribution})


def figure(image: str, caption: str = "") -> dict:
    return block("image", {"image": ImageRef(image), "caption": caption})


def call_to_action(heading: str, text: str = "", label: str = "", page: str = "") -> dict:
    """A call to action; without a page the button uses the practice's booking link."""
    return block(
        "call_to_action",
        {
            "heading": heading,
            "text": f"<p>{text}</p>" if text else "",
            "label": label,
            "page": PageRef(page) if page else None,
            "url": "",
        },
    )


def service_card(slug: str, text: str = "") -> dict:
    return block("service_card", {"service": PageRef(slug), "text": text})


def faq(*items: tuple[str, str]) -> dict:
    return block(
        "faq",
        {"items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in items]},
    )


def nav_link(slug: str, label: str = "") -> dict:
    return block("link", {"label": label, "page": PageRef(slug), "url": ""})
