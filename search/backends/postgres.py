from functools import lru_cache, reduce
from operator import and_, or_

from django.db import connections
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .ranking import OnePassResults, best_first, in_ranked_order


class IndexedMatchQueryCompiler(PostgresSearchQueryCompiler):
    """Matches words with the GIN indexes on the title and body vectors, and ranks a page of
    results where those vectors are.

    The stock compiler matches `title || body` against the query. Nothing indexes that
    concatenation and computing it for every row costs more than the rest of a search, so each
    search read the whole table. A page has a word when its title or its body has it, which the
    two indexes answer: "any of the words" is one such test, "all of the words" one per word
    (words the text search configuration ignores, such as "the", are left out, as PostgreSQL
    leaves them out of the stock query).

    The stock compiler also joins each object to its index entry to filter and rank, which
    for a word found in most pages carried every page's search vector through a hash join that
    spilled to disk. For objects with integer keys (pages, images, documents) the matching
    entries are found on their own and compared by key instead; a page of results is ranked on
    the index entries, limited to the objects the queryset allows, and only that page's objects
    are loaded (bench/RESULTS.md). The ranking itself (ts_rank, title weighted) is the stock one.
    """

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or match_groups(self.query) is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        words = self.words_to_match(config)
        if not words:
            return self.queryset.none()
        if isinstance(self.queryset.model._meta.pk, IntegerField) and score_field is None:
            if not self.order_by_relevance:  # counts and facets
                queryset = self.queryset.filter(pk__in=self.matching_entries(words, config))
                if not queryset.query.order_by:
                    queryset = queryset.order_by("-pk")  # a stable order, as stock
                return queryset[start:stop]
            if stop is not None:
                return self.ranked_slice(words, config, start, stop)
        queryset = self.queryset.alias(
            _title_=F("index_entries__title"), _body_=F("index_entries__body")
        ).filter(self.has_all_words(words, config, vectors=("_title_", "_body_")))
        rank = self._build_rank_expression(self.get_index_vectors(None), config)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    def words_to_match(self, config) -> tuple[tuple[PlainText, ...], ...]:
        """The groups a page must all match, each a choice of alternatives."""
        query = self.query
        if isinstance(query, PlainText) and query.operator == "or":
            return ((query,),)  # one test: "a | b | c"
        if isinstance(query, PlainText):
            words = significant_words(self.queryset.db, config, tuple(query.query_string.split()))
            return tuple((PlainText(word),) for word in words)
        return match_groups(query)  # synonyms: And(Or(...), ...)

    def has_all_words(self, groups, config, vectors=("title", "body")):
        """A title or body vector matches one alternative of each group. A group's
        alternatives are one tsquery (a | b | c): each vector is tested once per group, not
        once per synonym."""
        return reduce(
            and_,
            (
                self.has_words(group[0] if len(group) == 1 else Or(list(group)), config, vectors)
                for group in groups
            ),
        )

    def has_words(self, alternatives: PlainText | Or, config, vectors):
        query = self.build_tsquery(alternatives, config=config)
        return reduce(or_, (Q(**{vector: query}) for vector in vectors))

    def matching_entries(self, words, config):
        """The index entries of the queryset's model that have the words, with the key of
        their object as `key` (entries keep keys as text, for models of every kind)."""
        return (
            IndexEntry._default_manager.using(self.queryset.db)
            .filter(
                self.has_all_words(words, config),
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
            )
            .values(key=Cast("object_id", IntegerField()))
        )

    def allowed_entries(self, words, config):
        """The matching entries of the objects the queryset allows, compared by key."""
        return self.matching_entries(words, config).filter(
            key__in=self.queryset.order_by().values("pk")
        )

    def entry_rank(self, config):
        return self._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )

    def ranked_slice(self, words, config, start, stop):
        entries = self.allowed_entries(words, config)
        # ties newest first, as stock
        ranked = entries.order_by(self.entry_rank(config).desc(), F("key").desc())
        return in_ranked_order(self.queryset, [entry["key"] for entry in ranked[start:stop]])

    def ranked_matches(self, config) -> list[tuple[int, int]] | None:
        """Every match, best first, as (key, content type id), from one query: the order of
        `ranked_slice`. None for a query this compiler leaves to the stock one."""
        integer_keys = isinstance(self.queryset.model._meta.pk, IntegerField)
        if self.fields is not None or match_groups(self.query) is None or not integer_keys:
            return None
        words = self.words_to_match(config)
        if not words:
            return []
        rows = (
            self.allowed_entries(words, config)
            .annotate(rank=self.entry_rank(config))
            .values_list("key", "content_type_id", "rank")
        )
        return best_first(rows)


def match_groups(query) -> tuple[tuple[PlainText, ...], ...] | None:
    """A plain query, or an And of plain queries and Ors of them (the shape synonyms give), as
    groups of alternatives; None for any other query, which the stock compiler answers."""
    if isinstance(query, PlainText):
        return ((query,),)
    parts = query.subqueries if isinstance(query, And) else [query]
    groups = [part.subqueries if isinstance(part, Or) else [part] for part in parts]
    if not all(isinstance(alternative, PlainText) for group in groups for alternative in group):
        return None
    return tuple(tuple(group) for group in groups)


@lru_cache(maxsize=4096)
def significant_words(using: str, config: str | None, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that the text search configuration does not drop as stop words. Cached: a
    search asks once to count and again to rank, and a configuration's stop words are fixed."""
    if len(words) < 2:
        return words
    config_sql = "%s::regconfig, " if config else ""
    select = ", ".join([f"numnode(plainto_tsquery({config_sql}%s))"] * len(words))
    params = [param for word in words for param in ([config, word] if config else [word])]
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT {select}", params)
        nodes = cursor.fetchone()
    return tuple(word for word, count in zip(words, nodes, strict=True) if count)


class OnePassPostgresSearchResults(OnePassResults, PostgresSearchResults):
    pass


class IndexedMatchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedMatchQueryCompiler
    results_class = OnePassPostgresSearchResults
