"""A list's rows compiled to SQL once, then read a page at a time.

Building a list's queryset (filters, search, ordering, the rows' columns) and compiling it to
SQL took more of an API page's time than the database did, and gave the same SQL for every
page of the same list. `compiled_rows()` keeps the compiled query of each list (its address,
filters and ordering, the day and the language: `key`) in the process, so that another page,
or the same page again, only runs it with its LIMIT and OFFSET.

The SQL must depend on nothing but the key: the list querysets read no data while they are
built (a filter on linked records is a subquery, never a list of ids read beforehand).
"""

import threading
from collections import OrderedDict
from collections.abc import Callable

from django.db import connections
from django.db.models import QuerySet

# Lists kept per process; the least recently used is forgotten past this.
MAX_KEPT = 256


class CompiledRows:
    """The rows of a `values()` queryset: `rows[start:stop]` reads those rows as dicts, as
    the queryset would, with one query; `count()` counts them all (through the queryset)."""

    def __init__(self, queryset: QuerySet):
        self.queryset = queryset
        self.ordered = queryset.ordered
        query = queryset.query
        self.compiler = query.get_compiler(queryset.db)
        self.sql, self.params = self.compiler.as_sql()
        self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
        self.converters = self.compiler.get_converters(
            [column for column, _sql, _alias in self.compiler.select[: self.compiler.col_count]]
        )

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, rows: slice) -> list[dict]:
        connection = connections[self.queryset.db]
        limits = connection.ops.limit_offset_sql(rows.start, rows.stop)
        with connection.cursor() as cursor:
            cursor.execute(f"{self.sql} {limits}", self.params)
            values = cursor.fetchall()
        if self.converters:
            values = self.compiler.apply_converters(values, self.converters)
        return [dict(zip(self.names, row, strict=False)) for row in values]


_kept: OrderedDict[tuple, CompiledRows] = OrderedDict()
_lock = threading.Lock()


def compiled_rows(key: tuple, build: Callable[[], QuerySet]) -> CompiledRows:
    """The compiled rows of the list named `key`; `build()` gives its queryset the first time."""
    with _lock:
        rows = _kept.get(key)
        if rows is not None:
            _kept.move_to_end(key)
            return rows
    rows = CompiledRows(build())
    with _lock:
        _kept[key] = rows
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    return rows
