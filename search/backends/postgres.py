from functools import reduce
from operator import and_

from django.db import connections
from django.db.models import F, Q

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import PlainText


class IndexedMatchQueryCompiler(PostgresSearchQueryCompiler):
    """Matches words with the GIN indexes on the title and body vectors.

    The stock compiler matches `title || body` against the query. Nothing indexes that
    concatenation and computing it for every row costs more than the rest of a search, so each
    search read the whole table. A page has a word when its title or its body has it, which the
    two indexes answer: "any of the words" is one such test, "all of the words" one per word
    (words the text search configuration ignores, such as "the", are left out, as PostgreSQL
    leaves them out of the stock query). Ranking is unchanged."""

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or not isinstance(self.query, PlainText):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        queryset = self.queryset.alias(
            _title_=F("index_entries__title"), _body_=F("index_entries__body")
        )
        if self.query.operator == "or":
            words = [self.query.query_string]  # one query: "a | b | c"
        else:
            words = self.significant_words(self.query.query_string.split(), config)
        if not words:
            queryset = queryset.none()
        else:
            queryset = queryset.filter(
                reduce(and_, (self.has_words(word, config) for word in words))
            )
        rank = self._build_rank_expression(self.get_index_vectors(None), config)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    def has_words(self, text, config):
        query = self.build_tsquery(PlainText(text, operator="or"), config=config)
        return Q(_title_=query) | Q(_body_=query)

    def significant_words(self, words, config):
        """The words that the text search configuration does not drop as stop words."""
        if len(words) < 2:
            return words
        config_sql = "%s::regconfig, " if config else ""
        select = ", ".join([f"numnode(plainto_tsquery({config_sql}%s))"] * len(words))
        params = [param for word in words for param in ([config, word] if config else [word])]
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(f"SELECT {select}", params)
            nodes = cursor.fetchone()
        return [word for word, count in zip(words, nodes, strict=True) if count]


class IndexedMatchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedMatchQueryCompiler
