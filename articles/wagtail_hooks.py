from django.contrib import messages
from django.dispatch import receiver
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.signals import init_new_page

from .admin_views import ArticleReviewPanel
from .importing.views import ImportDocxView, PasteBlocksView
from .importing.wordpress_admin import WordPressImportView, WordPressMenuItem
from .models import ArticleIndexPage, ArticlePage
from .models.workflow import SAFE_MESSAGING_ACKNOWLEDGED
from .outline import STARTING_BODY
from .review import UNREVIEWED_UNPUBLISHED
from .review_views import approval_message, latest_review_by, review_recorded


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
            "articles/<int:page_id>/review-recorded/",
            review_recorded,
            name="articles_review_recorded",
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


@hooks.register("construct_homepage_panels")
def add_article_review_panel(request, panels):
    panels.append(ArticleReviewPanel(request.user))


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action(SAFE_MESSAGING_ACKNOWLEDGED)
    class SafeMessagingAcknowledged(LogFormatter):
        label = _("Acknowledge safe-messaging flags")

        def format_message(self, log_entry):
            flags = "; ".join(log_entry.data.get("flags", []))
            return _("Approved with safe-messaging flags acknowledged: %(flags)s") % {
                "flags": flags
            }

    actions.register_action(
        UNREVIEWED_UNPUBLISHED,
        _("Unpublish unreviewed"),
        _("Unpublished: the live version had no clinical review (audit_clinical_reviews)"),
    )


@hooks.register("after_edit_page")
def say_who_approved(request, page):
    """An approval from the editor's footer: name the reviewer and the next review date."""
    if request.POST.get("workflow-action-name") == "approve" and isinstance(page, ArticlePage):
        review = latest_review_by(request.user, page.pk)
        if review:
            messages.success(request, approval_message(review))
