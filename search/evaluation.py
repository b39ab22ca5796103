"""The judged query set (search/data/judged_queries.json) and the measures of how well search
answers it: mean reciprocal rank and nDCG@5, through the real search view."""

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from django.test import Client
from django.urls import reverse

JUDGED_QUERIES = Path(__file__).parent / "data" / "judged_queries.json"
RESULT_LINK = re.compile(r'class="search-result__title"><a href="([^"]*)">')
CUTOFF = 5


@dataclass(frozen=True)
class Judgement:
    query: str
    kind: str
    relevant: tuple[str, ...]  # best first: the first counts 2, the others 1

    def gain(self, url: str) -> int:
        if url not in self.relevant:
            return 0
        return 2 if url == self.relevant[0] else 1

    def reciprocal_rank(self, urls: list[str]) -> float:
        return next((1 / rank for rank, url in enumerate(urls, 1) if url in self.relevant), 0.0)

    def ndcg(self, urls: list[str], cutoff: int = CUTOFF) -> float:
        def dcg(gains):
            return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, 1))

        ideal = dcg(sorted((self.gain(url) for url in self.relevant), reverse=True)[:cutoff])
        return dcg([self.gain(url) for url in urls[:cutoff]]) / ideal


def judged_queries() -> list[Judgement]:
    data = json.loads(JUDGED_QUERIES.read_text())
    return [
        Judgement(item["query"], item["kind"], tuple(item["relevant"])) for item in data["queries"]
    ]


def result_urls(client: Client, query: str, host: str | None = None) -> list[str]:
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get(reverse("search"), {"q": query}, **extra)
    return RESULT_LINK.findall(response.content.decode())


@dataclass(frozen=True)
class Evaluation:
    rows: list[tuple[Judgement, list[str]]]

    @property
    def mrr(self) -> float:
        return sum(j.reciprocal_rank(urls) for j, urls in self.rows) / len(self.rows)

    @property
    def ndcg(self) -> float:
        return sum(j.ndcg(urls) for j, urls in self.rows) / len(self.rows)

    @property
    def misses(self) -> list[tuple[Judgement, list[str]]]:
        """Queries whose best page is not in the top 3."""
        return [(j, urls) for j, urls in self.rows if j.relevant[0] not in urls[:3]]


def evaluate(client: Client, host: str | None = None) -> Evaluation:
    return Evaluation([(j, result_urls(client, j.query, host)) for j in judged_queries()])
