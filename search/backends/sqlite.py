from modelsearch.backends.database.sqlite.query import (
    BM25,
    MatchExpression,
    SQLiteFTSIndexEntry,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .ranking import in_ranked_order

# bm25() weights in the FTS table's column order: autocomplete, body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


class TitleWeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class SinglePassQueryCompiler(SQLiteSearchQueryCompiler):
    """Titles weighted in the ranking, and every match scored in one full-text query.

    The stock compiler orders by a correlated subquery that runs the full-text match again for
    each matching page: fine for a few hundred pages, about forty seconds for a word found in
    4,000 of 10,000 (bench/RESULTS.md). Here the match runs once and returns every score; the
    pages the queryset allows (live, public, of the chosen type) are then ranked in Python and
    only the requested slice is loaded."""

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = TitleWeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        wants_a_ranked_slice = self.order_by_relevance and score_field is None and stop is not None
        if not (wants_a_ranked_slice and isinstance(query, PlainText)):
            return super().search(config, start, stop, score_field=score_field)
        matches = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)
            ),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )
        scores = dict(
            matches.annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .values_list("index_entry__object_id", "score")
            .iterator()
        )
        allowed = self.queryset.filter(pk__in=matches.values("index_entry__object_id"))
        # bm25() is negative, lower is better; a stable sort keeps ties newest first, as in the
        # stock order.
        ranked = sorted(
            allowed.order_by("-pk").values_list("pk", flat=True), key=lambda pk: scores[str(pk)]
        )[start:stop]
        return in_ranked_order(self.queryset, ranked)


class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SinglePassQueryCompiler
