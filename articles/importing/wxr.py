"""Read a WordPress export (WXR: RSS with WordPress's own elements), streaming.

The file is read with lxml's iterparse, one <item> at a time, each cleared once read, so an
export of thousands of posts never sits in memory whole. Entities are not expanded and nothing
is fetched from the network (no DTDs, no external entities): an export is untrusted input.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from lxml import etree

WP_NAMESPACE = re.compile(r"^http://wordpress\.org/export/1\.\d+/$")
IMPORTED_TYPES = {"post"}
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}


class WxrError(Exception):
    """The file cannot be read as a WordPress export; the message is for staff."""


@dataclass
class Attachment:
    id: int
    url: str
    file: str = ""  # the path under wp-content/uploads/
    alt: str = ""
    title: str = ""


@dataclass
class Post:
    id: int | None
    title: str
    link: str
    slug: str
    status: str
    post_type: str
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    published: str = ""  # wp:post_date as written
    pub_date: str = ""  # RSS pubDate
    categories: list[tuple[str, str]] = field(default_factory=list)  # (domain, name)
    meta: dict[str, str] = field(default_factory=dict)
    attachment_url: str = ""

    @property
    def path(self) -> str:
        """The permalink's path ("/2023/05/14/slug/"), blank for "?p=12" links."""
        path = urlsplit(self.link).path
        return path if path.strip("/") else ""

    @property
    def date(self) -> date | None:
        for value, fmt in (
            (self.published, "%Y-%m-%d %H:%M:%S"),
            (self.pub_date, "%a, %d %b %Y %H:%M:%S %z"),
        ):
            try:
                return datetime.strptime(value.strip(), fmt).date()
            except ValueError:
                continue
        return None


@dataclass
class Channel:
    site_url: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # login -> display name


def local(element) -> str:
    return etree.QName(element).localname


def text_of(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def iter_export(path):
    """Yield the Channel once (after the channel's own elements, before or among the items)
    and then each item as a Post or an Attachment. Raises WxrError for a file that is not a
    WordPress export or is not well-formed."""
    channel = Channel()
    try:
        context = etree.iterparse(
            str(path),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        checked = False
        for event, element in context:
            if not checked:
                check_root(element)
                checked = True
            if event != "end":
                continue
            name = local(element)
            if name == "item":
                yield read_item(element)
                clear(element)
            elif name == "author" and is_wp(element):
                values = {local(child): text_of(child) for child in element}
                login = values.get("author_login", "")
                channel.authors[login] = values.get("author_display_name") or login
                clear(element)
            elif name == "base_site_url" and is_wp(element):
                channel.site_url = text_of(element)
            elif name == "link" and local(element.getparent()) == "channel":
                channel.site_url = channel.site_url or text_of(element)
            elif name == "channel":
                yield channel
    except etree.XMLSyntaxError as e:
        raise WxrError(
            _(
                "The export is not well-formed XML (line %(line)s: %(error)s). Export it again from WordPress (Tools › Export)."
            )
            % {"line": e.lineno, "error": e.msg}
        ) from e
    except OSError as e:
        raise WxrError(_("The export could not be opened: %(error)s") % {"error": e}) from e


def check_root(root):
    if local(root) != "rss" or not any(
        WP_NAMESPACE.match(uri or "") for uri in root.nsmap.values()
    ):
        raise WxrError(
            _(
                "This is not a WordPress export: expected an RSS file from WordPress's Tools › Export, found <%(tag)s>."
            )
            % {"tag": local(root)}
        )


def is_wp(element) -> bool:
    return bool(WP_NAMESPACE.match(etree.QName(element).namespace or ""))


def clear(element):
    """Free what has been read: the element and the siblings before it."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def read_item(item):
    values = {}
    categories = []
    meta = {}
    for child in item:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name == "category":
            categories.append((child.get("domain", ""), text_of(child)))
        elif name == "postmeta":
            pair = {local(part): text_of(part) for part in child}
            meta[pair.get("meta_key", "")] = pair.get("meta_value", "")
        elif name == "encoded":
            prefix = "excerpt" if "excerpt" in (etree.QName(child).namespace or "") else "content"
            values[prefix] = child.text or ""
        else:
            values[name] = text_of(child)
    post_id = values.get("post_id", "")
    post_id = int(post_id) if post_id.isdigit() else None
    if values.get("post_type") == "attachment" and post_id is not None:
        return Attachment(
            id=post_id,
            url=values.get("attachment_url", ""),
            file=meta.get("_wp_attached_file", ""),
            alt=meta.get("_wp_attachment_image_alt", ""),
            title=values.get("title", ""),
        )
    return Post(
        id=post_id,
        title=values.get("title", ""),
        link=values.get("link", ""),
        slug=values.get("post_name", ""),
        status=values.get("status", ""),
        post_type=values.get("post_type", ""),
        content=values.get("content", ""),
        excerpt=values.get("excerpt", ""),
        creator=values.get("creator", ""),
        published=values.get("post_date", ""),
        pub_date=values.get("pubDate", ""),
        categories=categories,
        meta=meta,
    )


def is_importable(post) -> bool:
    return (
        isinstance(post, Post)
        and post.post_type in IMPORTED_TYPES
        and post.status not in SKIPPED_STATUSES
    )


# Post HTML

SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)(?:\s[^\]]*)?\]")
BLOCK_START = re.compile(
    r"^\s*<(h[1-6]|p|ul|ol|blockquote|div|figure|table|pre|hr|img|section)\b", re.I
)


def post_html(content: str) -> tuple[str, list[str]]:
    """The post's HTML ready for the converter: shortcodes removed (named in the notes),
    and classic-editor text given the paragraphs WordPress adds when it displays a post."""
    names = sorted({match[2] for match in SHORTCODE.finditer(content)})
    content = SHORTCODE.sub("", content)
    notes = []
    if names:
        notes.append(
            _("Shortcodes were removed (their content kept where they had any): %(names)s.")
            % {"names": ", ".join(f"[{name}]" for name in names)}
        )
    if "<!-- wp:" in content:
        return content, notes  # block-editor content already has its paragraphs
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", content.replace("\r\n", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            paragraphs.append(chunk)
        else:
            paragraphs.append("<p>" + chunk.replace("\n", "<br>") + "</p>")
    return "\n".join(paragraphs), notes
