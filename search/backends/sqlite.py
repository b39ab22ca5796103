from functools import lru_cache

from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.models import Exists, IntegerField, OuterRef
from django.db.models.functions import Cast

from modelsearch.backends.database.sqlite.query import (
    BM25,
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.vocabulary import inflection_prefix

from .ranking import OnePassResults, best_first, in_ranked_order

# bm25() weight of each column of the FTS table, by name: titles count five times the body, as
# PostgreSQL's ranking weights them; the autocomplete column only serves autocomplete.
COLUMN_WEIGHTS = {"autocomplete": 0.0, "body": 1.0, "title": 5.0}


@lru_cache(maxsize=8)
def bm25_weights(using: str) -> str:
    """The weights in the FTS table's own column order. bm25() takes them by position, so a
    column added, removed or reordered by a modelsearch upgrade would silently weight the wrong
    column: instead, ranking refuses to run until COLUMN_WEIGHTS names every column."""
    table = SQLiteFTSIndexEntry._meta.db_table
    with connections[using].cursor() as cursor:
        cursor.execute(f"PRAGMA table_info({table})")
        columns = [row[1] for row in cursor.fetchall()]
    if sorted(columns) != sorted(COLUMN_WEIGHTS):
        raise ImproperlyConfigured(
            f"The search index table {table} has the columns {columns}; "
            f"search/backends/sqlite.py weights {sorted(COLUMN_WEIGHTS)}. Update COLUMN_WEIGHTS."
        )
    return ", ".join(str(COLUMN_WEIGHTS[column]) for column in columns)


class TitleWeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, {bm25_weights(connection.alias)})", []


def inflection_lexeme(word: str) -> Lexeme:
    """The word as an FTS5 term that also matches its other forms, as PostgreSQL's English
    stemming does: the part the word shares with its Snowball stem, as a prefix ("attacks" ->
    attack*, "anxiety" -> anxiet*). SQLite's FTS5 table has no stemming tokenizer."""
    prefix = inflection_prefix(word)
    return Lexeme(prefix, prefix=True) if prefix else Lexeme(word)


class SinglePassQueryCompiler(SQLiteSearchQueryCompiler):
    """Titles weighted in the ranking, words matched in all their forms, and every match scored
    in one full-text query.

    The stock compiler orders by a correlated subquery that runs the full-text match again for
    each matching page: fine for a few hundred pages, about forty seconds for a word found in
    4,000 of 10,000 (bench/RESULTS.md). Here one full-text query scores every match that the
    queryset allows (live, public, of the chosen type, compared by key); the matches are ranked
    in Python and only the requested slice is loaded. `ranked_matches` gives the whole ranking,
    from which a search counts its matches by type and takes any page of results."""

    match_inflections = True

    def build_search_query_content(self, query, config=None):
        if self.match_inflections and isinstance(query, PlainText) and query.query_string.split():
            lexemes = [inflection_lexeme(word) for word in query.query_string.split()]
            combined = lexemes[0]
            for lexeme in lexemes[1:]:
                combined = combined & lexeme if query.operator == "and" else combined | lexeme
            return SearchQueryExpression(combined, config=config)
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # bm25() scores a row against the whole MATCH expression, so the stock compiler's
        # product or mean of one bm25() per part of an And or Or (synonyms) is the same score
        # computed several times: one call does.
        if isinstance(query, (Phrase, PlainText, Not, And, Or)):
            rank = TitleWeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def ranked_matches(self, config) -> list[tuple[int, int]] | None:
        """Every match the queryset allows, best first, as (key, content type id), from one
        full-text query; None for a query this compiler does not rank in one pass."""
        query = normalize(self.query)
        if not isinstance(query, (PlainText, And, Or)):
            return None
        matches = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)
            ),
            # Each match's page is looked up by key (SQLite compares the text key as a number),
            # rather than listing every allowed page for each search.
            Exists(self.queryset.order_by().filter(pk=OuterRef("index_entry__object_id"))),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )
        scored = matches.annotate(
            key=Cast("index_entry__object_id", IntegerField()),
            score=self._build_rank_expression(self.get_search_vectors(), config),
        ).values_list("key", "index_entry__content_type_id", "score")
        # bm25() is negative, lower is better.
        return best_first(scored, lower_is_better=True)

    def search(self, config, start, stop, score_field=None):
        wants_a_ranked_slice = self.order_by_relevance and score_field is None and stop is not None
        matches = self.ranked_matches(config) if wants_a_ranked_slice else None
        if matches is None:
            return super().search(config, start, stop, score_field=score_field)
        return in_ranked_order(self.queryset, [key for key, _ in matches[start:stop]])


class OnePassSQLiteSearchResults(OnePassResults, SQLiteSearchResults):
    pass


class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SinglePassQueryCompiler
    results_class = OnePassSQLiteSearchResults
