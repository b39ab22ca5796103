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
