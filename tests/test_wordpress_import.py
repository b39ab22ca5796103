"""`manage.py import_wordpress` on WordPress exports (WXR) the tests build: classic and
block-editor posts, a post shaped like a real practice article, categories, tags, an author,
images with and without alt text, date-based permalinks, a damaged post; then the re-run."""

import io
from xml.sax.saxutils import escape

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import WorkflowState

import pytest
from PIL import Image

from articles.models import ArticlePage, ArticleTopic, ImportedPost
from practice.images import PracticeImage

from .factories import (
    ArticleTopicFactory,
    ServicePageFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
)

SITE = "https://oldpractice.example"

SAMPLE_SHAPED = f"""<p>Being a new parent can feel like a test you never studied for.</p>

<h2>What is new-parent worry?</h2>
It is a steady hum of doubt about doing it right. It can show up as:
<ul>
<li>Checking the baby again and again</li>
<li>Comparing yourself with friends online</li>
</ul>

<h2>Ways to quiet it</h2>
<strong>Lower the bar:</strong> Good enough is a real standard.

<strong>Ask for help:</strong> Let someone hold the baby while you sleep.

<strong>Step outside:</strong> Ten minutes of daylight can reset a day.

<h2>How therapy can help</h2>
We use <a href="{SITE}/cognitive-behavioral-therapy/">Cognitive Behavioral Therapy (CBT)</a>, <a href="{SITE}/internal-family-systems-ifs/">Internal Family Systems</a> and <a href="/mindfulness-based-therapy/">mindfulness-based therapy</a>. See also <a href="{SITE}/2022/01/09/sleep-and-worry/">our note on sleep</a>.

<img src="{SITE}/wp-content/uploads/2023/05/calm-room-300x200.jpg" alt="A quiet therapy room with two chairs" />

<img src="{SITE}/wp-content/uploads/2023/05/window.png" />

[contact-form-7 id="12" title="Contact"]

Schedule a first session today and take one small step toward calmer days."""

BLOCK_EDITOR = """<!-- wp:heading -->
<h2 class="wp-block-heading">Sleep and worry</h2>
<!-- /wp:heading -->
<!-- wp:paragraph -->
<p>Worry often gets louder at night.</p>
<!-- /wp:paragraph -->
<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item --><li>Keep a notebook by the bed</li><!-- /wp:list-item --><!-- wp:list-item --><li>Get up if sleep will not come</li><!-- /wp:list-item --></ul>
<!-- /wp:list -->
<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Rest is a skill you can practise.</p></blockquote>
<!-- /wp:quote -->"""


def item(
    post_id,
    title,
    content,
    slug,
    link,
    *,
    date="2023-05-14 09:00:00",
    status="publish",
    creator="jane",
    categories=(),
    thumbnail=None,
    excerpt="",
):
    cats = "".join(
        f'<category domain="{domain}" nicename="{name.lower()}"><![CDATA[{name}]]></category>'
        for domain, name in categories
    )
    meta = (
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{thumbnail}</wp:meta_value></wp:postmeta>"
        if thumbnail
        else ""
    )
    return f"""<item>
<title>{escape(title)}</title>
<link>{link}</link>
<pubDate>Sun, 14 May 2023 09:00:00 +0000</pubDate>
<dc:creator><![CDATA[{creator}]]></dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>{date}</wp:post_date>
<wp:post_name>{slug}</wp:post_name>
<wp:status>{status}</wp:status>
<wp:post_type>post</wp:post_type>
{cats}{meta}
</item>"""


def attachment(post_id, file, alt=""):
    alt_meta = (
        f"<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>{alt}</wp:meta_value></wp:postmeta>"
        if alt
        else ""
    )
    return f"""<item><title>{file}</title><link>{SITE}/?attachment_id={post_id}</link>
<wp:post_id>{post_id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>{SITE}/wp-content/uploads/{file}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{file}</wp:meta_value></wp:postmeta>{alt_meta}
</item>"""


def export(*items):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old practice blog</title>
<link>{SITE}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>{SITE}</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[jane]]></wp:author_login><wp:author_display_name><![CDATA[Jane Rivera]]></wp:author_display_name></wp:author>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[webadmin]]></wp:author_login><wp:author_display_name><![CDATA[Site Admin]]></wp:author_display_name></wp:author>
{"".join(items)}
</channel>
</rss>"""


FULL_EXPORT = export(
    attachment(30, "2023/05/hero.jpg", alt="Morning light over a calm lake"),
    item(
        11,
        "Easing new-parent worry",
        SAMPLE_SHAPED,
        "easing-new-parent-worry",
        f"{SITE}/2023/05/14/easing-new-parent-worry/",
        categories=[
            ("category", "Parenting"),
            ("post_tag", "Anxiety"),
            ("category", "Uncategorized"),
        ],
        thumbnail=30,
        excerpt="<p>Small ways to quiet the doubt.</p>",
    ),
    item(
        12,
        "Sleep & worry",
        BLOCK_EDITOR,
        "sleep-and-worry",
        f"{SITE}/2022/01/09/sleep-and-worry/",
        date="2022-01-09 08:30:00",
        creator="webadmin",
        categories=[("category", "Sleep")],
    ),
    item(
        13,
        "A damaged post",
        "<p>Open <b>bold <div>He committed suicide, never closed",
        "damaged",
        f"{SITE}/damaged/",
        date="not a date",
        status="draft",
    ),
    "<item><title>No id at all</title><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>",
)


@pytest.fixture
def practice(home_page, article_index, service_index):
    therapists = TherapistIndexPageFactory(parent=home_page)
    return {
        "cbt": ServicePageFactory(
            parent=service_index, title="Cognitive behavioral therapy", short_name="CBT", slug="cbt"
        ),
        "ifs": ServicePageFactory(
            parent=service_index, title="Internal family systems", short_name="IFS", slug="ifs"
        ),
        "mindfulness": ServicePageFactory(
            parent=service_index, title="Mindfulness-based therapy", slug="mindfulness"
        ),
        "jane": TherapistPageFactory(parent=therapists, title="Jane Rivera", slug="jane-rivera"),
        "parenting": ArticleTopicFactory(name="parenting"),
    }


@pytest.fixture
def export_file(tmp_path):
    uploads = tmp_path / "uploads" / "2023" / "05"
    uploads.mkdir(parents=True)
    for name, fmt, colour in (
        ("hero.jpg", "JPEG", "#88aa99"),
        ("calm-room.jpg", "JPEG", "#aa8899"),
        ("window.png", "PNG", "#9988aa"),
    ):
        Image.new("RGB", (40, 30), colour).save(uploads / name, fmt)
    path = tmp_path / "export.xml"
    path.write_text(FULL_EXPORT, encoding="utf-8")
    return path


def run(path, *args):
    out = io.StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(practice, export_file):
    return run(export_file)


def article(slug):
    """The article as imported: its latest revision (a draft's page row keeps the first)."""
    return ArticlePage.objects.get(slug=slug).get_latest_revision_as_object()


class TestImport:
    def test_posts_become_draft_articles_in_review(self, imported):
        assert ArticlePage.objects.count() == 3
        post = article("easing-new-parent-worry")
        assert not post.live
        assert post.title == "Easing new-parent worry"
        assert post.summary == "Small ways to quiet the doubt."
        assert str(post.first_published) == "2023-05-14"
        state = WorkflowState.objects.get(object_id=str(post.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS

    def test_the_sample_shaped_post_keeps_its_structure(self, imported, practice):
        post = article("easing-new-parent-worry")
        assert [child.block_type for child in post.body] == [
            "paragraph",
            "heading",
            "paragraph",
            "bulleted_list",
            "heading",
            "strategies",
            "heading",
            "paragraph",
            "image",
            "image",
            "call_to_action",
        ]
        assert post.body[3].value["lead_in"] == "It can show up as:"
        assert [item["title"] for item in post.body[5].value["items"]] == [
            "Lower the bar",
            "Ask for help",
            "Step outside",
        ]
        links = post.body[7].value.source
        for key in ("cbt", "ifs", "mindfulness"):
            assert f'linktype="page" id="{practice[key].pk}"' in links
        sleep = article("sleep-and-worry")
        assert f'linktype="page" id="{sleep.pk}"' in links  # a later post, linked after all
        assert set(post.related_services.all()) == {
            practice["cbt"],
            practice["ifs"],
            practice["mindfulness"],
        }
        assert "contact-form-7" not in str(post.body.raw_data)

    def test_block_editor_post(self, imported):
        sleep = article("sleep-and-worry")
        assert sleep.title == "Sleep & worry"
        assert [child.block_type for child in sleep.body] == [
            "heading",
            "paragraph",
            "bulleted_list",
            "pull_quote",
        ]
        assert "wp:" not in str(sleep.body.raw_data)

    def test_topics_authors_and_images(self, imported, practice):
        post = article("easing-new-parent-worry")
        assert {topic.name for topic in post.topics.all()} == {"parenting", "Anxiety"}
        assert not ArticleTopic.objects.filter(name__iexact="uncategorized").exists()
        assert post.author == practice["jane"]
        assert article("sleep-and-worry").author is None  # "Site Admin" is no therapist
        assert post.hero_image.alt_text == "Morning light over a calm lake"
        inline = [child.value["image"] for child in post.body if child.block_type == "image"]
        assert inline[0].alt_text == "A quiet therapy room with two chairs"
        assert inline[1].alt_text == ""  # never invented
        assert PracticeImage.objects.count() == 3

    def test_the_report(self, imported):
        assert "Shortcodes were removed" in imported
        assert "[contact-form-7]" in imported
        assert "window.png (“Easing new-parent worry”)" in imported
        assert "Author webadmin (“Site Admin”) matches no therapist profile" in imported
        assert "WordPress “Parenting” → existing topic “parenting”" in imported
        assert "New topic “Anxiety”" in imported
        assert "#13 “A damaged post”: created" in imported
        assert "Safe messaging: says “committed suicide”" in imported
        assert "no WordPress post id" in imported
        assert "4 posts in the export" not in imported  # the item without an id is not a post

    def test_old_addresses_redirect_permanently(self, imported, client):
        post = article("easing-new-parent-worry")
        redirect = Redirect.objects.get(old_path="/2023/05/14/easing-new-parent-worry")
        assert redirect.redirect_page.pk == post.pk
        response = client.get("/2023/05/14/easing-new-parent-worry/")
        assert response.status_code == 301
        assert response["Location"].endswith(post.url)

    def test_a_second_run_creates_nothing_new(self, imported, export_file):
        second = run(export_file)
        assert ArticlePage.objects.count() == 3
        assert ImportedPost.objects.count() == 3
        assert PracticeImage.objects.count() == 3
        assert Redirect.objects.count() == 3
        assert "3 unchanged" in second

    def test_a_changed_post_updates_its_article(self, imported, export_file):
        export_file.write_text(FULL_EXPORT.replace("Worry often gets louder", "Worry grows louder"))
        second = run(export_file)
        sleep = article("sleep-and-worry")
        assert "Worry grows louder" in str(sleep.get_latest_revision_as_object().body.raw_data)
        assert "#12 “Sleep & worry”: updated" in second
        assert ArticlePage.objects.count() == 3


def test_dry_run_changes_nothing(practice, export_file):
    output = run(export_file, "--dry-run")
    assert "Dry run" in output
    assert "would create" in output
    assert not ArticlePage.objects.exists()
    assert not Redirect.objects.exists()
    assert not PracticeImage.objects.exists()


def test_author_map(practice, export_file, home_page):
    other = TherapistPageFactory(
        parent=practice["jane"].get_parent(), title="Sam Lee", slug="sam-lee"
    )
    run(export_file, "--author-map", "webadmin=sam-lee")
    assert article("sleep-and-worry").author == other


def test_imported_posts_wait_for_clinical_review(practice, export_file):
    run(export_file)
    post = article("easing-new-parent-worry")
    assert not post.live
    assert post.last_reviewed is None
    assert post.current_workflow_state.status == "in_progress"
    assert post.current_workflow_state.workflow.name == "Clinical review"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>', "not well-formed XML"),
        (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
            "not a WordPress export",
        ),
        (
            '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
            "not a WordPress export",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&b;</title></channel></rss>',
            None,
        ),
    ],
)
def test_bad_files_get_a_clear_message(db, article_index, tmp_path, content, message):
    path = tmp_path / "export.xml"
    path.write_text(content)
    if message is None:  # entities are not expanded; an empty export imports nothing
        assert "0 posts in the export" in run(path)
        return
    with pytest.raises(CommandError, match=message):
        run(path)
    assert not ArticlePage.objects.exists()


def test_a_missing_image_is_reported(practice, export_file):
    (export_file.parent / "uploads" / "2023" / "05" / "calm-room.jpg").unlink()
    output = run(export_file)
    assert "Image calm-room-300x200.jpg was not found" in output
    assert ArticlePage.objects.filter(slug="easing-new-parent-worry").exists()
