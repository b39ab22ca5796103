"""The admin's guidance for editors: the starting body, the editing tabs, help text on every
field, and live and search previews of every page type and block."""

from django.urls import reverse
from django.utils.html import escape

from wagtail.admin.panels import get_edit_handler
from wagtail.blocks import StreamValue
from wagtail.models import Page

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from articles.wagtail_hooks import STARTING_BODY
from home.models import HomePage, StandardPage
from services.models import ServiceIndexPage, ServicePage, TherapistIndexPage, TherapistPage

from .factories import (
    ArticlePageFactory,
    ServicePageFactory,
    StandardPageFactory,
    TherapistPageFactory,
)

PAGE_TYPES = [
    HomePage,
    StandardPage,
    ArticleIndexPage,
    ArticlePage,
    ServiceIndexPage,
    ServicePage,
    TherapistIndexPage,
    TherapistPage,
]


class TestEditingGuidance:
    def test_a_new_article_starts_from_an_outline(self, client, editor, article_index):
        client.force_login(editor)
        response = client.get(
            reverse("wagtailadmin_pages:add", args=["articles", "articlepage", article_index.pk])
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "What it can look like (replace this)" in html
        assert "What can help (replace this)" in html
        assert 'name="action-publish"' not in html

    def test_the_starting_body_is_an_outline_without_a_booking_box(self):
        stream_block = ArticlePage.body.field.stream_block
        value = StreamValue(stream_block, STARTING_BODY, is_lazy=True)
        assert [child.block_type for child in value] == [
            "paragraph",
            "heading",
            "bulleted_list",
            "heading",
            "strategies",
        ]

    def test_article_editing_tabs(self):
        tabs = [tab.heading for tab in ArticlePage.edit_handler.children]
        assert tabs[0] == "Content"
        assert "Relations" in tabs
        assert "Promote" in tabs
        assert tabs[-1] == "Settings"

    def test_go_live_and_expiry_are_on_the_settings_tab(self, client, editor, draft_article):
        client.force_login(editor)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[draft_article.pk])).content
        assert b'name="go_live_at"' in html
        assert b'name="expire_at"' in html

    @pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
    def test_every_field_editors_see_explains_itself(self, model):
        form_class = get_edit_handler(model).get_form_class()
        own_fields = {field.name for field in model._meta.get_fields() if field.concrete}
        own_fields -= {field.name for field in Page._meta.get_fields()}
        missing = [
            name
            for name, field in form_class.base_fields.items()
            if name in own_fields and not field.help_text
        ]
        assert missing == []


@pytest.fixture
def every_page_type(home_page, article_index, service_index, therapist_index):
    service = ServicePageFactory(parent=service_index, title="Cognitive behavioral therapy")
    therapist = TherapistPageFactory(parent=therapist_index)
    article = ArticlePageFactory(parent=article_index, author=therapist)
    article.related_services.add(service)
    article.save()
    standard = StandardPageFactory(parent=home_page)
    return [
        home_page,
        standard,
        article_index,
        article,
        service_index,
        service,
        therapist_index,
        therapist,
    ]


class TestPreviews:
    def test_every_page_type_has_a_live_preview_and_a_search_preview(self, every_page_type, site):
        for page in every_page_type:
            name = type(page).__name__
            assert "wagtail-seo" in dict(page.preview_modes), name
            live = page.make_preview_request(preview_mode=page.default_preview_mode)
            assert live.status_code == 200, name
            search = page.make_preview_request(preview_mode="wagtail-seo")
            assert search.status_code == 200, name
            search.render()
            assert escape(page.seo_pagetitle) in search.content.decode(), name
            assert "Search Preview" in search.content.decode(), name

    def test_block_previews_use_the_site_styles(self, admin_client):
        stream_block = ArticlePage.body.field.stream_block
        for name, block in stream_block.child_blocks.items():
            if name in ("image", "service_card"):
                continue  # their previews need a chosen image or page
            response = admin_client.get(
                reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
            )
            assert response.status_code == 200, name
            html = response.content.decode()
            assert "/static/css/site.css" in html
            assert 'class="stream prose' in html
