from django.core.management.base import BaseCommand, CommandError

from articles.importing.wordpress import WordPressImport, parse_author_map
from articles.models import ArticleIndexPage


class Command(BaseCommand):
    help = (
        "Import the posts of a WordPress export (WXR, from Tools › Export) as draft articles "
        "submitted for clinical review, with topics, authors, images and redirects from the "
        "old addresses. Safe to run again: it updates what it imported before."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WordPress export file (.xml).")
        parser.add_argument("--dry-run", action="store_true", help="Report only; change nothing.")
        parser.add_argument(
            "--uploads",
            help="The folder holding WordPress's wp-content/uploads (default: 'uploads' next "
            "to the export). Images are never downloaded.",
        )
        parser.add_argument(
            "--author-map",
            default="",
            help='WordPress logins to therapist profile slugs: "jane=jane-doe,sam=sam-lee". '
            "Authors not mapped are matched by name; no therapist profile is ever created.",
        )
        parser.add_argument(
            "--index",
            type=int,
            help="The id of the articles index to import into (default: the first).",
        )

    def handle(self, *args, **options):
        indexes = ArticleIndexPage.objects.order_by("path")
        index = indexes.filter(pk=options["index"]).first() if options["index"] else indexes.first()
        if index is None:
            raise CommandError("There is no articles index to import into: create one first.")
        report = WordPressImport(
            options["export"],
            index,
            dry_run=options["dry_run"],
            uploads=options["uploads"],
            author_map=parse_author_map(options["author_map"]),
        ).run()
        if report.error:
            raise CommandError(report.error)
        if report.dry_run:
            self.stdout.write("Dry run: nothing was changed.")
        self.stdout.write(report.as_text())
