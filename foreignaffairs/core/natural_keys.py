"""Natural keys, unique in the database and compared as staff compare them.

A record's natural key is what the imports match a row on (each resource's
`Meta.import_id_fields`): a visit's direction + name + start date, an event's name + start
date, an agreement's name + signing date, a programme item's programme + kind + content, a
partner's country + name. Its text part is compared folded (`text.fold`: ignoring case,
diacritics and spacing), so each model stores it folded in a column of its own
(`folded_key_field()`, e.g. `title_key` for `title`, declared in `DomainModel.folded_fields`),
computed on every write like `search_text`: `DomainModel.save()` and `clean()`, the imports
(`before_save_instance`, their bulk writes too) and the demo's `bulk_create`
(`refresh_stored_text()`). A named `UniqueConstraint` over the key's columns then refuses a
duplicate whoever writes it, two writers racing included.

Validation finds a duplicate first, with a message naming the record already there
(`DomainModel.validate_constraints`, for the admin and the API); the database's refusal is the
backstop (`core.integrity` words it).
"""

import sys

from django.db import connections, models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core import search
from foreignaffairs.core.text import fold


def folded_key_field() -> models.TextField:
    # Text, not a CharField: folding may lengthen ("ß" → "ss"), and a key is never typed.
    return models.TextField(
        _("khóa so sánh"),
        blank=True,
        default="",
        editable=False,
        help_text=_(
            "Tên viết thường, không dấu (tự tính khi lưu): hai bản ghi không được trùng khóa."
        ),
    )


def constraints(model) -> list[tuple[models.UniqueConstraint, str]]:
    """(constraint, text field it compares folded) of each natural key of `model`."""
    folded = getattr(model, "folded_fields", {})
    return [
        (constraint, folded[key])
        for constraint in model._meta.constraints
        if isinstance(constraint, models.UniqueConstraint)
        for key in constraint.fields
        if key in folded
    ]


def existing_duplicate(record, constraint: models.UniqueConstraint):
    """The stored record that holds `record`'s key under `constraint` (which it breaks)."""
    model = type(record)
    values = {
        name: getattr(record, model._meta.get_field(name).attname) for name in constraint.fields
    }
    others = model._default_manager.filter(**values)
    if constraint.condition is not None:
        others = others.filter(constraint.condition)
    if record.pk is not None:
        others = others.exclude(pk=record.pk)
    return others.order_by("pk").first()


# Migrations ---------------------------------------------------------------------------------


def backfill(model, folded: dict[str, str], batch_size: int = 5000) -> None:
    """Fill the folded key columns (`{column: text field}`) of every row of `model` (a
    migration's historical model), in batches."""
    connection = connections[model._default_manager.db]
    table = connection.ops.quote_name(model._meta.db_table)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # longer than the web's statement timeout
            cursor.execute("SET LOCAL statement_timeout = 0")
    for column, source in folded.items():
        rows = model._default_manager.order_by("pk").values_list("pk", source)
        batch = []
        for pk, value in rows.iterator(chunk_size=batch_size):
            batch.append((pk, fold(value or "")))
            if len(batch) >= batch_size:
                search.update_column(connection, table, column, batch)
                batch = []
        if batch:
            search.update_column(connection, table, column, batch)


# What the migration that adds a natural key's constraint says in each renamed record's history
# (simple-history keeps 100 characters).
RENAMED_REASON = "Đánh số bản ghi trùng khóa khi thêm ràng buộc không trùng"


def number_duplicates(
    model,
    key: tuple[str, ...],
    *,
    folded: dict[str, str],
    searchable: tuple[str, ...] = (),
    history=None,
) -> list[tuple[int, str, str]]:
    """Make the rows of `model` (a migration's historical model) that share a natural key
    distinct, so that its unique constraint can be added; returns (id, old, new) of each
    renamed row and prints them.

    Of the rows sharing a key, the first entered (lowest id) is left alone; each other one keeps
    everything and gets its id in its name: "… (bản ghi trùng, mã 123)". Nothing is deleted or
    merged here: two such rows may be one visit entered twice (the concurrent imports of issue
    15) or two real ones told apart only by a detail the key does not hold, and only staff can
    tell. Refusing to migrate instead would leave a deployment stuck on a database its own
    admin cannot fix; renamed, the rows stay counted as before, are found by searching
    "bản ghi trùng", and say why in their history (`history`: the historical model of the
    history table, given a row per renamed record with `RENAMED_REASON`).
    """
    ((column, source),) = folded.items()
    manager = model._default_manager
    groups = manager.order_by().values(*key).annotate(rows=Count("pk")).filter(rows__gt=1)
    max_length = model._meta.get_field(source).max_length
    now = timezone.now()
    renamed = []
    for group in groups:
        group.pop("rows")
        for record in manager.filter(**group).order_by("pk")[1:]:
            old = getattr(record, source)
            suffix = f" (bản ghi trùng, mã {record.pk})"
            new = old[: max_length - len(suffix)].rstrip() + suffix
            setattr(record, source, new)
            setattr(record, column, fold(new))
            changed = {source: new, column: fold(new), "updated_at": now}
            if searchable:
                changed[search.FIELD] = search.search_text(getattr(record, f) for f in searchable)
            manager.filter(pk=record.pk).update(**changed)
            record.updated_at = now
            if history is not None:
                _history_row(history, record, now)
            renamed.append((record.pk, old, new))
    for pk, old, new in renamed:
        sys.stdout.write(f"\n  {model._meta.label_lower} {pk}: “{old}” → “{new}”")
    return renamed


def _history_row(history, record, now) -> None:
    """A "changed" row of `record`'s history, as simple-history writes one (migrations cannot
    use its manager)."""
    kept = {field.attname for field in history._meta.concrete_fields}
    values = {
        field.attname: getattr(record, field.attname)
        for field in record._meta.concrete_fields
        if field.attname in kept
    }
    history._default_manager.create(
        **values,
        history_date=now,
        history_type="~",
        history_change_reason=RENAMED_REASON,
        history_user=None,
    )
