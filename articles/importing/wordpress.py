"""Import a WordPress export into draft articles, through the shared converter.

Three passes over the streamed export: the first learns the authors, attachments and every
post's permalink (so links between posts can become page links); the second imports each post
in its own transaction; the third revisits only posts that linked to a post imported after
them. Every post gets a line in the report; nothing about one post can stop the others.
"""

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.contrib.redirects.models import Redirect

from articles.models import ArticleIndexPage, ArticlePage, ArticleTopic, ImportedPost
from practice.models import SafeMessagingRule
from practice.safe_messaging import find_unsafe_wording
from practice.text import shorten
from services.models import TherapistPage

from .drafts import free_slug, service_ids
from .html_to_blocks import HtmlToBlocks
from .links import LinkResolver, PageTarget
from .wordpress_images import ImageFinder
from .wxr import Attachment, Channel, Post, WxrError, is_importable, iter_export, post_html

logger = logging.getLogger(__name__)
IGNORED_TERMS = {"uncategorized", "uncategorised"}


@dataclass
class PostReport:
    title: str
    wordpress_id: int | None
    outcome: str = ""  # created, updated, unchanged, skipped, failed (or "would ..." in a dry run)
    lines: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    dry_run: bool
    error: str = ""  # the export could not be read at all
    lines: list[str] = field(default_factory=list)
    posts: list[PostReport] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for post in self.posts if post.outcome == outcome)

    def as_text(self) -> str:
        out = [self.error] if self.error else []
        out += self.lines
        for post in self.posts:
            out.append(f"#{post.wordpress_id} “{post.title}”: {post.outcome}")
            out += [f"    - {line}" for line in post.lines]
        return "\n".join(out)


def parse_author_map(text: str) -> dict[str, str]:
    """ "jane=jane-doe,sam=sam-lee" -> {"jane": "jane-doe", "sam": "sam-lee"}."""
    pairs = [part.split("=", 1) for part in (text or "").split(",") if "=" in part]
    return {login.strip(): slug.strip() for login, slug in pairs if login.strip()}


class WordPressImport:
    def __init__(
        self,
        path,
        index: ArticleIndexPage,
        user=None,
        dry_run=False,
        uploads=None,
        author_map=None,
    ):
        self.path = Path(path)
        self.index = index
        self.user = user
        self.dry_run = dry_run
        self.author_map = author_map or {}
        self.report = ImportReport(dry_run=dry_run)
        self.images = ImageFinder(uploads or default_uploads(self.path), dry_run=dry_run)
        self.rules = list(SafeMessagingRule.objects.all())
        self.topics: dict[str, ArticleTopic | None] = {}
        self.authors: dict[str, TherapistPage | None] = {}

    def run(self) -> ImportReport:
        try:
            channel, attachments, posts = self.scan()
        except WxrError as e:
            self.report.error = str(e)
            return self.report
        self.source = channel.site_url.rstrip("/")
        self.channel, self.attachments = channel, attachments
        records = {
            record.wordpress_id: record
            for record in ImportedPost.objects.filter(source=self.source).select_related("article")
        }
        self.links = LinkResolver(hosts=[host_of(self.source)])
        for post in posts.values():
            record = records.get(post.id)
            target = PageTarget(record.article_id if record else None, post.title)
            if post.path:
                self.links.add_old_path(post.path, target)
        self.records = records
        revisit = set()
        for post in self.posts():
            if self.import_post(post):
                revisit.add(post.id)
        if revisit and not self.dry_run:
            for post in self.posts(only=revisit):
                self.import_post(post, revisiting=True)
        self.summarise_run(len(posts))
        return self.report

    def scan(self):
        channel, attachments, posts = Channel(), {}, {}
        for entry in iter_export(self.path):
            if isinstance(entry, Channel):
                channel = entry
            elif isinstance(entry, Attachment):
                attachments[entry.id] = entry
            elif is_importable(entry) and entry.id is not None:
                # Only what links need: the full post is read again when it is imported.
                posts[entry.id] = Post(entry.id, entry.title, entry.link, "", "", "")
        return channel, attachments, posts

    def posts(self, only=None):
        for entry in iter_export(self.path):
            if is_importable(entry) and (only is None or entry.id in only):
                yield entry

    # One post

    def import_post(self, post: Post, revisiting=False) -> bool:
        """Import one post in its own transaction. True when it links to a post that has no
        article yet (it is revisited once all posts exist)."""
        report = PostReport(post.title or _("(untitled)"), post.id)
        if not revisiting:
            self.report.posts.append(report)
        if post.id is None:
            report.outcome = _("skipped")
            report.lines.append(
                _("This item has no WordPress post id: the export is damaged here.")
            )
            return False
        try:
            with transaction.atomic():
                return self.import_post_data(post, report, revisiting)
        except Exception as e:  # one post's surprise must not stop the others
            logger.exception("WordPress post %s could not be imported", post.id)
            message = _("Not imported: %(error)s. Nothing of this post was saved.") % {"error": e}
            if revisiting:
                message = _("Its links to other posts could not be updated: %(error)s.") % {
                    "error": e
                }
                report = next(r for r in self.report.posts if r.wordpress_id == post.id)
            else:
                report.outcome = _("failed")
            report.lines.append(message)
            return False

    def import_post_data(self, post: Post, report: PostReport, revisiting: bool) -> bool:
        content_hash = hashlib.sha256(
            "\x00".join(
                [post.title, post.content, post.excerpt, post.published, post.slug]
            ).encode()
        ).hexdigest()
        record = self.records.get(post.id)
        if record and record.content_hash == content_hash and not revisiting:
            report.outcome = _("unchanged")
            return False
        html, notes = post_html(post.content)
        self.images.post_title = post.title
        conversion = HtmlToBlocks(self.links, image_for=self.images.image_for).convert(
            html, take_title=False
        )
        report.lines += notes + conversion.notes + self.images.take_lines()
        if not revisiting:
            report.lines += conversion.report
        if not post.title:
            report.lines.append(_("The post has no title: its address was used instead."))
        title = (post.title or post.slug.replace("-", " ").capitalize() or _("Untitled post"))[:255]
        published = post.date
        if published is None:
            report.lines.append(_("The post's date could not be read: today's date was used."))
        summary = shorten(strip_tags(post.excerpt), 300) or conversion.summary or title
        flags = find_unsafe_wording(title + "\n" + strip_tags(html), self.rules)
        for finding in flags:
            report.lines.append(
                _("Safe messaging: says “%(found)s”; consider “%(suggestion)s”.")
                % {"found": finding.found, "suggestion": finding.suggestion}
            )
        topics = self.find_topics(post, report)
        author = self.find_author(post.creator, report)
        hero = self.featured_image(post)
        if self.dry_run:
            report.outcome = _("would update") if record else _("would create")
            return False
        article = (
            record.article.get_latest_revision_as_object()
            if record
            else ArticlePage(slug=free_slug(self.index, post.slug), owner=self.user, live=False)
        )
        article.title = title
        article.summary = summary
        article.body = conversion.blocks
        article.first_published = published or timezone.localdate()
        article.author = author or article.author
        article.hero_image = hero or article.hero_image
        if not record:
            self.index.add_child(instance=article)
        # Held in memory and stored in the revision: a live article keeps its live relations
        # until the revision is approved and published.
        article.topics.set([topic.pk for topic in topics])
        article.related_services.set(service_ids(conversion))
        article.save_revision(user=self.user, clean=False, log_action=True)
        self.redirect(post, article)
        self.records[post.id], _created = ImportedPost.objects.update_or_create(
            source=self.source,
            wordpress_id=post.id,
            defaults={"article": article, "permalink": post.path, "content_hash": content_hash},
        )
        self.links.add_old_path(post.path or f"/{article.slug}/", PageTarget(article.pk, title))
        if not revisiting:
            report.outcome = _("updated") if record else _("created")
        # A post linking to one imported after it is reviewed once that link is a page link.
        waits_for_links = bool(conversion.pending_links) and not revisiting
        if not waits_for_links:
            self.review(article, report)
        return waits_for_links

    def review(self, article, report):
        workflow = article.get_workflow()
        if workflow is None:
            report.lines.append(_("No review workflow applies here: left as a draft."))
            return
        state = article.current_workflow_state
        if state:
            state.cancel(user=self.user)
        workflow.start(article, self.user)
        report.lines.append(_("Submitted for clinical review."))

    def redirect(self, post: Post, article):
        if not post.path:
            return
        old_path = Redirect.normalise_path(post.path)
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page": article, "redirect_link": "", "is_permanent": True},
        )

    # Topics, authors, images

    def find_topics(self, post: Post, report: PostReport) -> list[ArticleTopic]:
        topics = []
        for domain, name in post.categories:
            if domain not in ("category", "post_tag") or not name or name.lower() in IGNORED_TERMS:
                continue
            key = name.lower()
            if key not in self.topics:
                topic = ArticleTopic.objects.filter(name__iexact=name).first()
                if topic is None and not self.dry_run:
                    topic = ArticleTopic.objects.create(name=name[:80])
                    self.report.lines.append(
                        _("New topic “%(name)s” (from WordPress)") % {"name": name}
                    )
                elif topic is None:
                    self.report.lines.append(
                        _("Would create the topic “%(name)s”") % {"name": name}
                    )
                else:
                    self.report.lines.append(
                        _("WordPress “%(name)s” → existing topic “%(topic)s”")
                        % {"name": name, "topic": topic.name}
                    )
                self.topics[key] = topic
            if self.topics[key] is not None and self.topics[key] not in topics:
                topics.append(self.topics[key])
        return topics

    def find_author(self, login: str, report: PostReport) -> TherapistPage | None:
        if not login:
            return None
        if login not in self.authors:
            name = self.channel.authors.get(login, login)
            slug = self.author_map.get(login)
            therapists = TherapistPage.objects.all()
            author = (
                therapists.filter(slug=slug).first()
                if slug
                else therapists.filter(title__iexact=name).first()
            )
            if author:
                self.report.lines.append(
                    _("Author %(login)s → therapist profile “%(name)s”")
                    % {"login": login, "name": author.title}
                )
            else:
                self.report.lines.append(
                    _(
                        "Author %(login)s (“%(name)s”) matches no therapist profile: their posts have "
                        "no author. Map them with --author-map %(login)s=therapist-slug."
                    )
                    % {"login": login, "name": name}
                )
            self.authors[login] = author
        return self.authors[login]

    def featured_image(self, post: Post):
        attachment = self.attachments.get(int(post.meta.get("_thumbnail_id", "0") or 0))
        if attachment is None:
            return None
        return self.images.image_for(attachment.url, None, attachment=attachment)

    def summarise_run(self, total: int):
        counts = {
            outcome: self.report.count(outcome)
            for outcome in {p.outcome for p in self.report.posts}
        }
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(counts.items()))
        self.report.lines.insert(
            0,
            _("%(total)d posts in the export: %(summary)s.")
            % {"total": total, "summary": summary or "0"},
        )
        missing = self.images.missing_alt
        if missing:
            self.report.lines.append(
                _(
                    "Images without alt text (fill them in under Images before publishing): %(names)s"
                )
                % {"names": ", ".join(missing)}
            )


def default_uploads(export_path: Path) -> Path:
    for candidate in (
        export_path.parent / "uploads",
        export_path.parent / "wp-content" / "uploads",
    ):
        if candidate.is_dir():
            return candidate
    return export_path.parent


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""
