"""Articles, their index, topics, the clinical review task and import records, one module each."""

from .article import ArticlePage
from .imports import ImportedPost
from .index import ARTICLES_PER_PAGE, ArticleFilterForm, ArticleIndexPage, live_articles_tagged
from .topics import ARTICLE_CARD_IMAGE, ArticleTopic, card_image_prefetch
from .workflow import ClinicalReviewTask

__all__ = [
    "ARTICLES_PER_PAGE",
    "ARTICLE_CARD_IMAGE",
    "ArticleFilterForm",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleTopic",
    "ClinicalReviewTask",
    "ImportedPost",
    "card_image_prefetch",
    "live_articles_tagged",
]
