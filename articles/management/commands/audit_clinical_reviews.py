"""Finds live articles whose live revision has no recorded clinical review.

The model refuses every ORM route to that state; this catches what the ORM cannot see (raw SQL,
an update through the base Page model, a restored backup). Run it from cron beside
publish_scheduled; it exits with status 1 when it finds any, so cron's mail reports it.
"""

from django.core.management.base import BaseCommand, CommandError

from articles.models import ArticlePage
from articles.review import UNREVIEWED_UNPUBLISHED, unreviewed_live_articles


class Command(BaseCommand):
    help = "List (and with --unpublish, take down) live articles that no clinician approved."

    def add_arguments(self, parser):
        parser.add_argument(
            "--unpublish",
            action="store_true",
            help="Unpublish each such article (it stays as a draft for review).",
        )

    def handle(self, *args, unpublish=False, **options):
        articles = list(unreviewed_live_articles(ArticlePage.objects.all()).order_by("pk"))
        if not articles:
            self.stdout.write("Every live article is the version a clinical reviewer approved.")
            return
        for article in articles:
            if unpublish:
                article.unpublish(log_action=UNREVIEWED_UNPUBLISHED)
            action = "unpublished" if unpublish else "live without review"
            self.stdout.write(f"{action}: {article.title} (id {article.pk}, {article.url_path})")
        raise CommandError(
            f"{len(articles)} live article(s) had no clinical review of their live version."
        )
