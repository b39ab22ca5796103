from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedPost(models.Model):
    """Which article a WordPress post became, so that importing the same export again
    updates that article instead of making a second one."""

    source = models.CharField(
        max_length=255, help_text=_("The WordPress site's address, as its export names it.")
    )
    wordpress_id = models.PositiveBigIntegerField(help_text=_("The post's id in WordPress."))
    article = models.OneToOneField(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="imported_post"
    )
    permalink = models.CharField(max_length=255, blank=True)
    content_hash = models.CharField(
        max_length=64, help_text=_("Tells a re-run whether the post changed in WordPress.")
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress post")
        constraints = [
            models.UniqueConstraint(fields=["source", "wordpress_id"], name="one_article_per_post")
        ]

    def __str__(self):
        return f"{self.source} #{self.wordpress_id}"
