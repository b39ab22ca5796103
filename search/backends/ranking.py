from operator import itemgetter

from django.db import connections
from django.db.models import Case, When


def in_ranked_order(queryset, ranked_pks: list):
    """The objects with these primary keys, in this order, as one query on `queryset`.

    Both database backends rank the matches where the search vectors are (the index entries)
    and only load the slice of results a page shows."""
    if not ranked_pks:
        return queryset.none()
    return queryset.filter(pk__in=ranked_pks).order_by(
        Case(*(When(pk=pk, then=position) for position, pk in enumerate(ranked_pks)))
    )


def best_first(queryset, *, lower_is_better=False) -> list[tuple[int, int]]:
    """(key, content type id) of each row of a (key, content type id, score) `values_list`,
    best score first and ties newest (highest key) first, as the stock backends order them; a
    key listed twice (an object indexed under two types) counts once, at its best.

    The rows are read as the database driver returns them: a broad search has thousands, and
    Django's conversion of each row cost more than ranking them."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    rows.sort(key=itemgetter(0), reverse=True)  # stable sorts: by score, then newest first
    rows.sort(key=itemgetter(2), reverse=not lower_is_better)
    ranked = {}
    for key, content_type_id, _ in rows:
        ranked.setdefault(key, content_type_id)
    return list(ranked.items())


class OnePassResults:
    """Search results that can also give every match at once, ranked, from one query: what a
    search needs to count its matches by type and show any page of them."""

    def ranked_matches(self) -> list[tuple[int, int]] | None:
        """Every match as (key, content type id), best first; None when the query compiler
        (autocomplete's, say) cannot rank this search in one pass."""
        rank = getattr(self.query_compiler, "ranked_matches", None)
        return rank(self.query_compiler.get_config(self.backend)) if rank else None
