"""Articles, their index, topics, the clinical review task and import records, one module each."""

from .article import ArticlePage
from .imports import ImportedPost
from .index import ARTICLES_PER_PAGE, ArticleIndexPage, TopicLink
from .topics import ArticleTopic, card_image_prefetch
from .workflow import ClinicalReview, ClinicalReviewTask

__all__ = [
    "ARTICLES_PER_PAGE",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleTopic",
    "ClinicalReview",
    "ClinicalReviewTask",
    "ImportedPost",
    "TopicLink",
    "card_image_prefetch",
]
