from django import template

from articles.models import ArticlePage
from articles.models.workflow import article_flags

register = template.Library()


@register.simple_tag
def safe_messaging_flags(page):
    """The safe-messaging findings on the text a reviewer is about to approve."""
    page = getattr(page, "specific", page)
    return article_flags(page) if isinstance(page, ArticlePage) else []
