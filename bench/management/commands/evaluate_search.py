"""Measure search quality on the judged query set: ./manage.py evaluate_search (on a database
holding the demo site, as load_demo_content builds it). Read-only; searches are recorded in the
Search terms report as any visitor's would be, so run it on a development database."""

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client

from wagtail.models import Site

from search.evaluation import CUTOFF, evaluate


class Command(BaseCommand):
    help = "Mean reciprocal rank and nDCG@5 of the search on the judged query set."

    def handle(self, *args, **options):
        site = Site.objects.get(is_default_site=True)
        result = evaluate(Client(), host=site.hostname)
        for judgement, urls in result.misses:
            self.stdout.write(f"Not in the top 3: {judgement.query!r} -> {urls[:3]}")
        self.stdout.write(
            f"{connection.vendor}: {len(result.rows)} queries, MRR {result.mrr:.3f}, "
            f"nDCG@{CUTOFF} {result.ndcg:.3f}, best page in the top 3 for "
            f"{len(result.rows) - len(result.misses)}"
        )
