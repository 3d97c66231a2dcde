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

The same notes keep the *latest dates* stored on other records (`LatestDate`): an agreement's
last implementation activity, a partner's last exchange. Such a date can change only for a
record whose stored date is a noted day (the record of that day changed or went) or that is
linked to a record of a noted day (it was added, moved there or linked), so the recount
looks at those records and no others. A model may be noted without counts of its own
(`counted_figures` empty) for the latest dates that follow it.
"""

import datetime
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import connections, models, router, transaction
from django.db.models import F, OuterRef
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.dates import latest_dates, latest_of

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
    """The models noted per day (a proxy's records are its concrete model's)."""
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
            if days and model.counted_figures:
                _recount_model(model, days, using)
        for latest in _latest_dates:
            latest.refresh(noted, using)


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


@dataclass(frozen=True)
class LatestDate:
    """A date stored on `model`'s records in `field`: the latest date of the records linked to
    each. `sources()` gives those records as querysets of noted models, correlated with the
    outer record (`OuterRef("pk")`), each with its date field; `links` the lookup from `model`
    to each source model's records (e.g. (Delegation, "delegations")).

    After changes on some days (each source's noted days), a record's latest date is exact
    again when: a stored date that fell on a changed day and that no record of that day holds
    up any more is computed afresh; and every record linked to a record of a changed day takes
    the latest of its stored date and those days' dates. Records of other days did not change,
    so nothing else can have moved. Both are queries on the changed days' records, however many
    records there are.
    """

    model: type[models.Model]
    field: str
    sources: Callable[[], list[tuple[models.QuerySet, str]]]
    links: tuple[tuple[type[models.Model], str], ...]

    def computed(self) -> models.Expression:
        """The date computed from every linked record."""
        return latest_of(*latest_dates(self.sources()))

    def refresh(self, noted: dict[str, set], using: str) -> None:
        sources = self.sources()
        changed = [
            (queryset, field, noted[label])
            for queryset, field in sources
            if (label := _label(queryset.model)) in noted
        ]
        if not changed:
            return
        # The base manager: an update of the model's own QuerySet would note days itself.
        records = self.model._base_manager.using(using).order_by()
        if any(None in days for _queryset, _field, days in changed):
            records.update(**{self.field: self.computed()})
            return
        days = set().union(*(days for _queryset, _field, days in changed))
        held_up = models.Q(
            *(
                models.Exists(queryset.filter(**{field: OuterRef(self.field)}))
                for queryset, field in sources
            ),
            _connector=models.Q.OR,
        )
        records.filter(_on_days(self.field, days)).filter(~held_up).update(
            **{self.field: self.computed()}
        )
        links = dict(self.links)
        linked = [
            records.filter(_on_days(f"{links[queryset.model]}__{field}", days)).values("pk")
            for queryset, field, days in changed
        ]
        latest_changed = latest_dates(
            (queryset.filter(_on_days(field, days)), field) for queryset, field, days in changed
        )
        # One indexed query for each kind of changed record, in a UNION (an OR of them would
        # scan every record); a date already at the last changed day stays.
        records.filter(pk__in=linked[0].union(*linked[1:])).filter(
            models.Q(**{f"{self.field}__isnull": True})
            | models.Q(**{f"{self.field}__lt": max(days)})
        ).update(**{self.field: latest_of(F(self.field), *latest_changed)})


_latest_dates: list[LatestDate] = []


def keep_latest_date(latest: LatestDate) -> None:
    """Keep `latest` with the counts (from the owning app's `AppConfig.ready()`)."""
    if latest not in _latest_dates:
        _latest_dates.append(latest)


def _on_days(lookup: str, days: set) -> models.Q:
    if len(days) <= MAX_LISTED_DAYS:
        return models.Q(**{f"{lookup}__in": days})
    return models.Q(**{f"{lookup}__range": (min(days), max(days))})
