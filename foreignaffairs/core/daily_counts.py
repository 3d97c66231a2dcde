"""Each day's counts of the counted records, kept beside them (tổng hợp theo ngày).

The dashboard and the statistics count visits, events and agreements over years. Counting the
records themselves costs time in proportion to the records (a million visits: a second);
adding up the per-day counts stored here costs time in proportion to the days, whatever the
number of records on each.

A counted model names its counting date (`counted_date_field`) and its figures
(`counted_figures`); its QuerySet's `daily_counts()` applies its counting rules per day and
origin (the rules stay in the app that owns them). This module stores what it returns in
`DailyCount`, one row per figure, day and origin.

Keeping them current, without signals: every write of a counted record notes the days it
touched in `ChangedDay`, in the write's own transaction (`DomainModel.save()`/`delete()` and
the `DomainQuerySet` bulk writes call `days_changed`; `loaddata` and data migrations call
`everything_changed`). Whoever next reads the counts (`bring_up_to_date`) recounts those days
and nothing else, so a write costs one small insert and the first read after it a few
indexed queries. A note is taken with `DELETE … RETURNING` and the recount runs after it, so a
write committed meanwhile leaves its own note for the next read; the recount holds a lock so
that two readers never store the same day twice.
"""

import datetime
import threading
from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps
from django.db import connections, models, router, transaction
from django.utils.translation import gettext_lazy as _

# Past this many changed days of one model, its whole span between the first and the last is
# recounted in one query rather than listing the days.
MAX_LISTED_DAYS = 500
# The key of the advisory lock the recount holds on PostgreSQL (any constant of our own).
LOCK_KEY = 1_742_017
# SQLite has one writer at a time but no advisory locks: the processes serving it (runserver,
# tests) recount one thread at a time.
_sqlite_lock = threading.Lock()


class DailyCount(models.Model):
    """One figure's count on one day for one former province (the merged city adds them)."""

    day = models.DateField(_("ngày"))
    origin = models.CharField(_("đơn vị gốc"), max_length=20)
    figure = models.CharField(_("chỉ tiêu"), max_length=40)
    value = models.IntegerField(_("số đếm"))

    class Meta:
        app_label = "foreignaffairs"
        verbose_name = _("số đếm theo ngày")
        verbose_name_plural = _("số đếm theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "day", "origin"], name="daily_count_one_per_figure_day_origin"
            )
        ]

    def __str__(self):
        return f"{self.figure} {self.day:%d/%m/%Y} {self.origin}: {self.value}"


class ChangedDay(models.Model):
    """A day whose counts of `model` must be recounted (no day: every day)."""

    model = models.CharField(_("loại hồ sơ"), max_length=60)
    day = models.DateField(_("ngày"), null=True)

    class Meta:
        app_label = "foreignaffairs"
        verbose_name = _("ngày cần đếm lại")
        verbose_name_plural = _("ngày cần đếm lại")

    def __str__(self):
        return f"{self.model} {self.day or '*'}"


def counted_models() -> list[type[models.Model]]:
    """The models counted per day (a proxy's records are its concrete model's)."""
    return [
        model
        for model in apps.get_models()
        if getattr(model, "counted_date_field", None) and not model._meta.proxy
    ]


def _label(model) -> str:
    return model._meta.concrete_model._meta.label_lower


def days_changed(model: type[models.Model], days: Iterable, using: str | None = None) -> None:
    """Note that the counts of `model` on `days` (dates; None is ignored) may have changed."""
    if not getattr(model, "counted_date_field", None):
        return
    label = _label(model)
    notes = [ChangedDay(model=label, day=day) for day in {d for d in days if d is not None}]
    if notes:
        ChangedDay.objects.using(using or router.db_for_write(model)).bulk_create(notes)


def everything_changed(models_changed=None, using: str | None = None) -> None:
    """Note that any count of `models_changed` (default: every counted model) may have changed:
    after writes that name no days (fixtures, raw SQL)."""
    notes = [
        ChangedDay(model=_label(model), day=None) for model in (models_changed or counted_models())
    ]
    ChangedDay.objects.using(using or "default").bulk_create(notes)


def stored(start: datetime.date, end: datetime.date, origin: str | None = None):
    """The per-day counts from `start` to `end` (both included) of every origin or of one,
    recounted first where records changed since the last read."""
    bring_up_to_date()
    rows = DailyCount.objects.filter(day__range=(start, end)).order_by()
    return rows if origin is None else rows.filter(origin=origin)


def totals(start: datetime.date, end: datetime.date, figures, origin=None) -> dict[str, int]:
    """Each of `figures` added up from `start` to `end` (two queries)."""
    rows = (
        stored(start, end, origin)
        .filter(figure__in=figures)
        .values_list("figure")
        .annotate(total=models.Sum("value"))
    )
    return dict.fromkeys(figures, 0) | dict(rows)


def bring_up_to_date(using: str = "default") -> None:
    """Recount the days noted since the last time (one query when there are none)."""
    if not ChangedDay.objects.using(using).exists():
        return
    connection = connections[using]
    if connection.vendor == "sqlite":
        with _sqlite_lock:
            _recount(using)
    else:
        _recount(using)


def _recount(using: str) -> None:
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        cursor.execute(f"DELETE FROM {ChangedDay._meta.db_table} RETURNING model, day")
        noted = defaultdict(set)
        for label, day in cursor.fetchall():
            if isinstance(day, str):  # SQLite returns the text of a date
                day = datetime.date.fromisoformat(day)
            noted[label].add(day)
        for model in counted_models():
            days = noted.get(_label(model))
            if days:
                _recount_model(model, days, using)


def _recount_model(model, days: set, using: str) -> None:
    field = model.counted_date_field
    records = model._default_manager.using(using).exclude(**{f"{field}__isnull": True})
    stored = DailyCount.objects.using(using).filter(figure__in=model.counted_figures)
    if None not in days and len(days) <= MAX_LISTED_DAYS:
        records = records.filter(**{f"{field}__in": days})
        stored = stored.filter(day__in=days)
    elif None not in days:
        span = (min(days), max(days))
        records = records.filter(**{f"{field}__range": span})
        stored = stored.filter(day__range=span)
    stored.delete()
    # One INSERT … SELECT: the counts never travel through Python, however many days.
    connection = connections[using]
    counts, params = records.daily_counts().query.get_compiler(using).as_sql()
    quote = connection.ops.quote_name
    selects = " UNION ALL ".join(
        f"SELECT day, origin, %s, {quote(figure)} FROM counts WHERE {quote(figure)} > 0"
        for figure in model.counted_figures
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH counts AS ({counts}) INSERT INTO {quote(DailyCount._meta.db_table)} "
            f"(day, origin, figure, value) {selects}",
            [*params, *model.counted_figures],
        )
