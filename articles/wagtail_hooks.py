from django.dispatch import receiver
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.signals import init_new_page

from .admin_views import ArticleReviewPanel
from .importing.views import ImportDocxView, PasteBlocksView
from .importing.wordpress_admin import WordPressImportView, WordPressMenuItem
from .models import ArticleIndexPage, ArticlePage

# A new article starts as the outline most of the practice's articles follow; empty blocks
# must be written or removed before the article can be submitted for review.
STARTING_BODY = [
    {"type": "paragraph", "value": ""},
    {"type": "heading", "value": {"text": "What it can look like", "level": "h2", "anchor": ""}},
    {"type": "bulleted_list", "value": {"lead_in": "", "items": [""]}},
    {"type": "heading", "value": {"text": "What can help", "level": "h2", "anchor": ""}},
    {"type": "strategies", "value": {"numbered": True, "items": [{"title": "", "text": ""}]}},
    {
        "type": "call_to_action",
        "value": {
            "heading": "Ready to talk to someone?",
            "text": "<p>Our clinicians see clients in person in Birmingham and by telehealth.</p>",
            "label": "",
            "page": None,
            "url": "",
        },
    },
]


@receiver(init_new_page)
def start_article_from_outline(sender, page, parent, **kwargs):
    if isinstance(page, ArticlePage) and not page.body:
        page.body = STARTING_BODY


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path(
            "articles/import/<int:page_id>/",
            ImportDocxView.as_view(),
            name="articles_import_docx",
        ),
        path(
            "articles/paste/<int:page_id>/",
            PasteBlocksView.as_view(),
            name="articles_paste_blocks",
        ),
        path(
            "articles/import-wordpress/",
            WordPressImportView.as_view(),
            name="articles_import_wordpress",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_wordpress_import_menu_item():
    return WordPressMenuItem(
        _("Import from WordPress"),
        reverse("articles_import_wordpress"),
        icon_name="download",
        order=900,
    )


@hooks.register("register_page_header_buttons")
def import_buttons(page, user, view_name, next_url=None):
    """On an articles index: new drafts from Word or pasted text. In the article editor: the
    same, added to the article's draft."""
    specific = page.specific_deferred
    if isinstance(specific, ArticleIndexPage):
        allowed = page.permissions_for_user(user).can_add_subpage()
    elif isinstance(specific, ArticlePage) and view_name == "edit":
        allowed = page.permissions_for_user(user).can_edit()
    else:
        return
    if allowed:
        yield Button(
            _("Import from Word"),
            reverse("articles_import_docx", args=[page.pk]),
            icon_name="doc-full-inverse",
            priority=16,
        )
        yield Button(
            _("Paste as blocks"),
            reverse("articles_paste_blocks", args=[page.pk]),
            icon_name="clipboard-list",
            priority=17,
        )


@hooks.register("construct_page_action_menu")
def approve_articles_rather_than_publish(menu_items, request, context):
    """Reviewers hold publishing rights on articles only so that their approval can publish:
    offer them Approve, which records the review, and not a bare Publish."""
    page = context.get("page")
    if isinstance(page, ArticlePage) and not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_homepage_panels")
def add_article_review_panel(request, panels):
    panels.append(ArticleReviewPanel(request.user))
