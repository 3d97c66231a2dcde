"""Search over a stored, folded text: what the admin and the API search with.

Each searchable model declares `searchable_fields` (the text fields staff search) and gets a
`search_text` column (`search_text_field()`): those fields folded (lower case, no diacritics,
đ → d; `text.fold`), one per line. `DomainModel.normalize_text()` computes it, and every write
path calls that: `save()`, the admin and the API (through `save()`), the spreadsheet import
(`before_save_instance`) and every bulk write (`DomainQuerySet.bulk_create`/`bulk_update`).

A word then matches with `search_text LIKE '%word%'`, which a `pg_trgm` GIN index answers on
PostgreSQL (migrations `*_search_text`, `TrigramIndex`); SQLite scans the column. The index
needs words of three letters or more to help; shorter ones still match, by a scan.
"""

from collections.abc import Iterable

from django.db import connections, models
from django.db.migrations.operations.base import Operation
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from psycopg2.extras import execute_values

from foreignaffairs.core.text import fold

FIELD = "search_text"
# Between the folded fields: a searched phrase never contains it, so it cannot match across
# two fields.
SEPARATOR = "\n"


def search_text_field() -> models.TextField:
    return models.TextField(
        _("nội dung tìm kiếm"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Các trường được tìm kiếm, viết thường và không dấu (tự tính khi lưu)."),
    )


def search_text(values: Iterable) -> str:
    """The stored text for the values of a record's searchable fields."""
    return SEPARATOR.join(fold(value) for value in values if value)


def is_searchable(model) -> bool:
    return bool(getattr(model, "searchable_fields", ()))


def matching(queryset: QuerySet, terms: Iterable[str]) -> QuerySet:
    """The records in which every term occurs, ignoring case and diacritics: in their own
    `search_text` or in that of a record linked by one of the model's `search_through`
    relations (e.g. an agreement's partners), looked up in a subquery (no join, no DISTINCT).
    """
    model = queryset.model
    for term in terms:
        key = fold(term)
        if not key:
            continue
        condition = Q(**{f"{FIELD}__contains": key})
        for relation in getattr(model, "search_through", ()):
            linked = model._default_manager.filter(**{f"{relation}__{FIELD}__contains": key})
            condition |= Q(pk__in=linked.values("pk"))
        queryset = queryset.filter(condition)
    return queryset


class TrigramIndex(Operation):
    """A `pg_trgm` GIN index on a model's `search_text`, created on PostgreSQL only (SQLite
    has no such index and scans). Not part of the model state: Django's GinIndex would be
    created on SQLite too, where it fails. Needs `TrigramExtension()` first."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, model_name: str, name: str):
        self.model_name, self.name = model_name, name

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = to_state.apps.get_model(app_label, self.model_name)._meta.db_table
        quote = schema_editor.quote_name
        # Minutes at a million rows: longer than the web's statement timeout (settings).
        schema_editor.execute("SET LOCAL statement_timeout = 0")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(self.name)} ON {quote(table)} "
            f"USING gin ({quote(FIELD)} gin_trgm_ops)"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.name)}")

    def describe(self):
        return f"Create the trigram index {self.name} on PostgreSQL"


def backfill(model, fields: tuple[str, ...], batch_size: int = 5000) -> None:
    """Compute `search_text` for every row of `model` (a migration's historical model, which
    does not know its `searchable_fields`: the migration names them), in batches; one UPDATE
    per batch on PostgreSQL."""
    connection = connections[model._default_manager.db]
    table = connection.ops.quote_name(model._meta.db_table)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # longer than the web's statement timeout
            cursor.execute("SET LOCAL statement_timeout = 0")
    rows = model._default_manager.order_by("pk").values_list("pk", *fields)
    batch = []
    for pk, *values in rows.iterator(chunk_size=batch_size):
        batch.append((pk, search_text(values)))
        if len(batch) >= batch_size:
            update_column(connection, table, FIELD, batch)
            batch = []
    if batch:
        update_column(connection, table, FIELD, batch)


def update_column(connection, table: str, column: str, batch: list[tuple]) -> None:
    """Set `column` of each row of `table` (quoted) from (id, value) pairs: one UPDATE on
    PostgreSQL, one per row on SQLite."""
    column = connection.ops.quote_name(column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            execute_values(
                cursor.cursor,
                f"UPDATE {table} SET {column} = v.s FROM (VALUES %s) AS v(id, s) "
                f"WHERE {table}.id = v.id",
                batch,
                page_size=len(batch),
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET {column} = %s WHERE id = %s", [(s, pk) for pk, s in batch]
            )
