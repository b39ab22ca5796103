"""The HTML-to-blocks converter and the "Paste as blocks" admin view, on HTML shaped like what
Word, Google Docs and a web page put on the clipboard."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from articles.importing.html_to_blocks import HtmlToBlocks
from articles.models import ArticlePage
from practice.blocks import BodyStreamBlock

from .factories import ArticlePageFactory, ServicePageFactory

# A post shaped like a real practice article (our own words): intro, a definition with a
# listed lead-in, five titled strategies, services named with links, a closing invitation.
WEB_PAGE_ARTICLE = """
<html><head><title>x</title><style>p {color: red}</style></head><body>
<h1>Easing the weight of caregiver guilt</h1>
<p>Looking after others can be the work of a lifetime. Guilt often rides along with it.</p>
<h2>What is caregiver guilt?</h2>
<p>It is the sense that whatever you give, it falls short. It can look like:</p>
<ul>
  <li>Feeling you should visit more often</li>
  <li>Resenting a task, then blaming yourself for it</li>
  <li>Skipping your own appointments</li>
</ul>
<p>Left alone, it can wear down sleep and patience.</p>
<h2>Ways to ease it</h2>
<p><strong>Name the standard:</strong> Ask whose rule you are following.</p>
<p><strong>Share the load:</strong> Let someone else take one task this week.</p>
<p><strong>Rest without earning it</strong>: Rest is part of caring well.</p>
<p><strong>Notice what went right:</strong> Write down one thing each evening.</p>
<p><strong>Talk to someone:</strong> A friend, a group, or a therapist.</p>
<h2>How therapy can help</h2>
<p>We use approaches such as <a href="https://oldpractice.example/cognitive-behavioral-therapy/">CBT</a>,
<a href="/internal-family-systems-ifs/">Internal Family Systems</a> and
<a href="/mindfulness-based-therapy/">mindfulness</a>. Read the
<a href="https://988lifeline.org/" onclick="steal()">988 Lifeline</a> page if you need help now.</p>
<blockquote><p>You can care deeply and still need care.</p><cite>— A client group member</cite></blockquote>
<h2>You are doing more than you think</h2>
<p>Schedule a first session today and take one step toward feeling lighter.</p>
<script>alert("x")</script>
</body></html>
"""

GOOGLE_DOCS = """<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b">
<h2 dir="ltr"><span style="font-size:16pt;font-weight:400;">Sleep before an exam</span></h2>
<p dir="ltr"><span style="font-weight:700;">Keep a bedtime:</span><span style="font-weight:400;"> The same hour each night steadies the body.</span></p>
<p dir="ltr"><span style="font-weight:700;">Dim the screens:</span><span style="font-weight:400;"> An hour before bed, put the phone away.</span></p>
<p dir="ltr"><span style="font-weight:400;">Things to pack the night before:</span></p>
<ul><li dir="ltr"><p dir="ltr"><span style="font-weight:400;">Pens</span></p></li>
<li dir="ltr"><p dir="ltr"><span style="font-style:italic;">Water</span></p></li></ul>
</b>"""

WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=EN-US>
<p class=MsoNormal><b><span style='font-size:14pt'>Signs to watch for</span></b><o:p></o:p></p>
<p class=MsoNormal>Some people notice:<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt'>&nbsp;&nbsp;
</span></span></span>A racing heart<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-.25in;mso-list:l0 level1 lfo1'><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt'>&nbsp;&nbsp;
</span></span></span>Trouble <b>falling</b> asleep<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><span
style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt'>&nbsp;&nbsp;
</span></span></span>Avoiding friends<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>Breathe out slowly<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span>Count five things you see<o:p></o:p></p>
</body></html>"""


@pytest.fixture
def services(service_index):
    return {
        "cbt": ServicePageFactory(
            parent=service_index, title="Cognitive behavioral therapy", short_name="CBT", slug="cbt"
        ),
        "ifs": ServicePageFactory(
            parent=service_index,
            title="Internal family systems (IFS)",
            short_name="IFS",
            slug="ifs",
        ),
        "mindfulness": ServicePageFactory(
            parent=service_index, title="Mindfulness-based therapy", slug="mindfulness"
        ),
    }


def convert(html, **kwargs):
    from articles.importing.links import LinkResolver

    return HtmlToBlocks(LinkResolver(hosts=["oldpractice.example"]), **kwargs).convert(html)


def types(conversion):
    return [block["type"] for block in conversion.blocks]


def validate(conversion):
    block = BodyStreamBlock()
    return block.clean(block.to_python(conversion.blocks))


class TestWebPageArticle:
    @pytest.fixture
    def result(self, services):
        return convert(WEB_PAGE_ARTICLE)

    def test_structure(self, result):
        assert result.title == "Easing the weight of caregiver guilt"
        assert types(result) == [
            "paragraph",
            "heading",
            "paragraph",
            "bulleted_list",
            "paragraph",
            "heading",
            "strategies",
            "heading",
            "paragraph",
            "pull_quote",
            "heading",
            "call_to_action",
        ]
        validate(result)

    def test_list_gets_its_lead_in(self, result):
        assert (
            result.blocks[2]["value"]
            == "<p>It is the sense that whatever you give, it falls short.</p>"
        )
        bullets = result.blocks[3]["value"]
        assert bullets["lead_in"] == "It can look like:"
        assert bullets["items"][0] == "<p>Feeling you should visit more often</p>"

    def test_titled_paragraphs_become_strategies(self, result):
        strategies = result.blocks[6]["value"]
        assert strategies["numbered"] is False
        assert [item["title"] for item in strategies["items"]] == [
            "Name the standard",
            "Share the load",
            "Rest without earning it",
            "Notice what went right",
            "Talk to someone",
        ]
        assert strategies["items"][2]["text"] == "<p>Rest is part of caring well.</p>"

    def test_links_to_services_become_page_links_and_relations(self, result, services):
        text = result.blocks[8]["value"]
        for key in ("cbt", "ifs", "mindfulness"):
            assert f'<a linktype="page" id="{services[key].pk}">' in text
        assert {service.page_id for service in result.services} == {
            services[key].pk for key in services
        }
        assert '<a href="https://988lifeline.org/">988 Lifeline</a>' in text
        assert "onclick" not in text
        assert any("Cognitive behavioral therapy" in line for line in result.report)

    def test_quote_and_call_to_action(self, result):
        assert result.blocks[9]["value"] == {
            "quote": "You can care deeply and still need care.",
            "attribution": "A client group member",
        }
        cta = result.blocks[-1]["value"]
        assert cta["heading"] == "Ready to take the next step?"
        assert "Schedule a first session today" in cta["text"]
        assert cta["page"] is None and cta["url"] == ""

    def test_nothing_but_structure_survives(self, result):
        stored = str(result.blocks)
        for fragment in ("alert", "script", "color: red", "steal", "style="):
            assert fragment not in stored

    def test_report_says_what_became_what(self, result):
        report = " ".join(result.report)
        assert "Headings: 4" in report
        assert "Lists given their lead-in: 1" in report
        assert "5 titled points" in report
        assert "call-to-action" in report


def test_google_docs_bold_spans(db):
    result = convert(GOOGLE_DOCS)
    assert types(result) == ["heading", "strategies", "bulleted_list"]
    assert result.blocks[0]["value"]["text"] == "Sleep before an exam"
    assert result.blocks[0]["value"]["level"] == "h2"
    assert [item["title"] for item in result.blocks[1]["value"]["items"]] == [
        "Keep a bedtime",
        "Dim the screens",
    ]
    assert result.blocks[2]["value"] == {
        "lead_in": "Things to pack the night before:",
        "items": ["<p>Pens</p>", "<p><i>Water</i></p>"],
    }
    validate(result)


def test_word_list_paragraphs_make_one_list(db):
    result = convert(WORD)
    assert types(result) == ["heading", "bulleted_list", "paragraph"]
    assert result.blocks[0]["value"]["text"] == "Signs to watch for"
    assert result.blocks[1]["value"] == {
        "lead_in": "Some people notice:",
        "items": [
            "<p>A racing heart</p>",
            "<p>Trouble <b>falling</b> asleep</p>",
            "<p>Avoiding friends</p>",
        ],
    }
    assert result.blocks[2]["value"] == (
        "<ol><li>Breathe out slowly</li><li>Count five things you see</li></ol>"
    )
    validate(result)


def test_subheadings_with_their_text_become_numbered_strategies(db):
    html = (
        "<h2>Five ways to calm a busy mind</h2>"
        "<h3>1. Breathe</h3><p>Longer out than in.</p>"
        "<h3>2. Move</h3><p>A short walk helps.</p><p>Even ten minutes.</p>"
        "<h3>3. Write</h3><p>Put the worry on paper.</p>"
        "<h2>When to ask for help</h2><p>If worry fills most days.</p>"
    )
    result = convert(html)
    assert types(result) == ["heading", "strategies", "heading", "paragraph"]
    strategies = result.blocks[1]["value"]
    assert strategies["numbered"] is True
    assert [item["title"] for item in strategies["items"]] == ["Breathe", "Move", "Write"]
    assert strategies["items"][1]["text"] == "<p>A short walk helps.</p><p>Even ten minutes.</p>"


def test_heading_levels_start_at_h2_and_never_skip(db):
    result = convert("<h3>One</h3><p>a</p><h5>Two</h5><h6>Three</h6><p>c</p><h3>Four</h3>")
    levels = [
        (b["value"]["text"], b["value"]["level"]) for b in result.blocks if b["type"] == "heading"
    ]
    assert levels == [("One", "h2"), ("Two", "h3"), ("Three", "h4"), ("Four", "h2")]
    validate(result)


def test_a_link_to_one_of_our_articles_follows_renames(db, article_index):
    article = ArticlePageFactory(
        parent=article_index, title="Sleep and worry", slug="sleep-and-worry"
    )
    result = convert(f'<p>See <a href="{article.url}">this piece</a>.</p>')
    assert (
        result.blocks[0]["value"]
        == f'<p>See <a linktype="page" id="{article.pk}">this piece</a>.</p>'
    )
    assert result.services == []


def test_broken_html_is_read_leniently(db):
    result = convert("<p>Open <b>bold <i>both</p><ul><li>one<li>two</ul><div><p>tail")
    assert types(result) == ["paragraph", "bulleted_list", "paragraph"]
    assert result.blocks[1]["value"]["items"] == ["<p>one</p>", "<p>two</p>"]


# The admin view


def paste(client, page, **data):
    return client.post(reverse("articles_paste_blocks", args=[page.pk]), data, follow=True)


class TestPasteView:
    def test_a_paste_makes_a_draft_article_and_reports(
        self, client, editor, article_index, services
    ):
        client.force_login(editor)
        response = paste(client, article_index, html=WEB_PAGE_ARTICLE, title="")
        article = ArticlePage.objects.get()
        assert not article.live
        assert article.title == "Easing the weight of caregiver guilt"
        assert article.body[6].block_type == "strategies"
        # The old site's absolute address is unknown here (the WordPress import knows it).
        assert set(article.related_services.values_list("pk", flat=True)) == {
            services["ifs"].pk,
            services["mindfulness"].pk,
        }
        html = response.content.decode()
        assert "What became what" in html
        assert (
            "5 titled points from paragraphs opening with a title became a strategies block" in html
        )

    def test_a_paste_is_added_to_an_articles_draft(self, client, editor, article_index):
        article = ArticlePageFactory(parent=article_index, title="Worry", body=[])
        client.force_login(editor)
        response = paste(client, article, html=WORD, mode="append")
        assert response.status_code == 200
        article.refresh_from_db()
        draft = article.get_latest_revision_as_object()
        assert [child.block_type for child in draft.body] == [
            "heading",
            "bulleted_list",
            "paragraph",
        ]
        assert "Worry" in response.content.decode()

    def test_replace_swaps_the_body(self, client, editor, article_index):
        article = ArticlePageFactory(parent=article_index, title="Worry")
        client.force_login(editor)
        paste(client, article, html="<p>Only this.</p>", mode="replace")
        article.refresh_from_db()
        draft = article.get_latest_revision_as_object()
        assert [child.block_type for child in draft.body] == ["paragraph"]

    def test_an_empty_paste_gets_a_message(self, client, editor, article_index):
        client.force_login(editor)
        response = paste(client, article_index, html="<p> </p><script>x</script>", title="T")
        assert response.status_code == 200
        assert "Nothing readable was pasted" in response.content.decode()
        assert not ArticlePage.objects.exists()

    def test_a_paste_without_a_title_asks_for_one(self, client, editor, article_index):
        client.force_login(editor)
        response = paste(client, article_index, html="<p>Some text.</p>", title="")
        assert "Give the new article a title" in response.content.decode()

    def test_reviewers_cannot_paste_into_articles(self, client, django_user_model, article_index):
        article = ArticlePageFactory(parent=article_index, title="Worry")
        revisions = article.revisions.count()
        reviewer = django_user_model.objects.create_user("rev", password="a-long-test-password")
        reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
        client.force_login(reviewer)
        for target in (article_index, article):
            response = client.post(
                reverse("articles_paste_blocks", args=[target.pk]),
                {"html": "<p>x</p>", "title": "New", "mode": "replace"},
            )
            assert response.status_code in (302, 403)
        assert ArticlePage.objects.count() == 1
        assert article.revisions.count() == revisions

    def test_the_editor_and_index_offer_the_paste(self, client, editor, article_index):
        article = ArticlePageFactory(parent=article_index, title="Worry")
        client.force_login(editor)
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
        assert reverse("articles_paste_blocks", args=[article.pk]) in edit
        assert reverse("articles_import_docx", args=[article.pk]) in edit
        form = client.get(reverse("articles_paste_blocks", args=[article.pk])).content.decode()
        assert 'contenteditable="true"' in form

    def test_other_pages_are_refused(self, client, editor, home_page):
        client.force_login(editor)
        response = client.get(reverse("articles_paste_blocks", args=[home_page.pk]))
        assert response.status_code in (302, 403)
