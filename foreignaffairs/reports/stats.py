"""The counting rules of DESIGN.md composed into the yearly figures.

Every page, endpoint and export that shows a count calls this module; the rules themselves
live in the QuerySet methods of the three apps. The visits, events and agreements are added
up from their per-day counts (core.daily_counts, which applies those rules once per day); the
partners, and the breakdowns by country, continent, level and field, are counted from the
records. Every figure over any range of years or periods is a fixed number of queries.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Max,
    Min,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from agreements.models import Agreement, CooperationField, signed_q
from delegations.models import (
    Delegation,
    Direction,
    Event,
    Level,
    received_q,
    sent_q,
)
from foreignaffairs.core import daily_counts, stats_cache
from foreignaffairs.core.continents import Continent, continent_expression
from foreignaffairs.core.dates import date_range
from foreignaffairs.core.origins import Origin, check_origin
from foreignaffairs.reports.models import Metric
from foreignaffairs.reports.periods import Period
from partners.models import ORIGIN_DATES, PartnerLocality, active_on_q


@dataclass(frozen=True)
class Figure:
    metric: Metric
    label: str
    # The label on one former province's basis, where `label` names the City ("%(province)s").
    province_label: str | None = None

    @property
    def key(self) -> str:
        """The metric's code as a plain string: the figure's name in results and API fields."""
        return self.metric.value

    def label_on(self, origin: str | None) -> str:
        """The label on the basis `origin`: a former province's figures are visits to and from
        that province, not the City."""
        if origin in (None, Origin.HCMC) or self.province_label is None:
            return str(self.label)
        return self.province_label % {"province": Origin(origin).label}


FIGURES = [
    Figure(
        Metric.INCOMING_DELEGATIONS,
        _("Đoàn quốc tế đến Thành phố"),
        _("Đoàn quốc tế đến %(province)s"),
    ),
    Figure(Metric.HIGH_LEVEL_DELEGATIONS, _("Đoàn cấp cao")),
    Figure(
        Metric.OUTGOING_DELEGATIONS,
        _("Đoàn Thành phố đi nước ngoài"),
        _("Đoàn %(province)s đi nước ngoài"),
    ),
    Figure(Metric.HOSTED_EVENTS, _("Sự kiện đối ngoại")),
    Figure(Metric.AGREEMENTS_SIGNED, _("Văn bản hợp tác ký kết")),
    Figure(Metric.NEW_RELATIONSHIP_AGREEMENTS, _("Văn bản thiết lập quan hệ mới")),
    Figure(Metric.PARTNER_LOCALITIES_TOTAL, _("Địa phương đối tác cuối năm")),
    Figure(Metric.NEW_PARTNER_LOCALITIES, _("Địa phương đối tác mới")),
]
FIGURE_KEYS = [figure.key for figure in FIGURES]


def _count_by_year(queryset, date_field: str, first: int, last: int) -> dict[int, int]:
    """Rows per year of `date_field`, in one query.

    Grouped by the date itself and summed by year here: PostgreSQL then reads the dates in
    index order and counts from the index alone, about twice as fast as grouping by
    EXTRACT(YEAR ...), which it must compute for every row. COUNT(*) rather than COUNT(id),
    for the same reason (the id is not in the counting indexes).
    """
    rows = (
        queryset.filter(**date_range(date_field, first, last))
        .order_by()
        .values_list(date_field)
        .annotate(n=Count("*"))
    )
    counts = Counter()
    for day, n in rows:
        counts[day.year] += n
    return counts


# The figures counted per day in core.daily_counts (visits, events, agreements): added up from
# there rather than counted from the records.
DAILY_METRICS = [
    Metric.INCOMING_DELEGATIONS,
    Metric.HIGH_LEVEL_DELEGATIONS,
    Metric.OUTGOING_DELEGATIONS,
    Metric.HOSTED_EVENTS,
    Metric.AGREEMENTS_SIGNED,
    Metric.NEW_RELATIONSHIP_AGREEMENTS,
    Metric.INCOMING_PERSONS,
    Metric.OUTGOING_PERSONS,
]


def stored_counts(start: datetime.date, end: datetime.date, origin: str | None = None):
    """The stored per-day counts from `start` to `end` on the basis `origin`."""
    return daily_counts.stored(start, end, check_origin(origin))


def _daily_by_year(first: int, last: int, origin: str | None) -> dict[str, Counter]:
    """Each per-day figure's total per year from `first` to `last` (one query)."""
    rows = (
        stored_counts(datetime.date(first, 1, 1), datetime.date(last, 12, 31), origin)
        .filter(figure__in=[metric.value for metric in DAILY_METRICS])
        .values_list("figure", ExtractYear("day"))
        .annotate(total=Sum("value"))
    )
    totals = defaultdict(Counter)
    for figure, year, total in rows:
        totals[figure][year] = total
    return totals


def _partners_at_year_ends(first: int, last: int, origin: str | None = None) -> dict[int, int]:
    """Rule 5 at each 31 December, as conditional counts in a single query."""
    dates = _partner_dates(origin)
    totals = _base_querysets(origin)[PartnerLocality].aggregate(
        **{
            f"y{year}": Count("pk", filter=active_on_q(datetime.date(year, 12, 31), *dates))
            for year in range(first, last + 1)
        }
    )
    return {int(name[1:]): value for name, value in totals.items()}


def yearly_figures(first: int, last: int, origin: str | None = None) -> dict[int, dict[str, int]]:
    """The eight yearly figures for every year from `first` to `last`: 4 queries in all. For the
    merged city (every origin) by default, or for one former province (`origin`)."""
    if first > last:
        return {}
    columns = _daily_by_year(first, last, origin)
    columns[Metric.PARTNER_LOCALITIES_TOTAL] = _partners_at_year_ends(first, last, origin)
    columns[Metric.NEW_PARTNER_LOCALITIES] = _count_by_year(
        _base_querysets(origin)[PartnerLocality], _partner_dates(origin)[0], first, last
    )
    return {
        year: {key: columns[key].get(year, 0) for key in FIGURE_KEYS}
        for year in range(first, last + 1)
    }


def year_figures(year: int, origin: str | None = None) -> dict[str, int]:
    return yearly_figures(year, year, origin)[year]


def data_years(today: datetime.date | None = None) -> tuple[int, int] | None:
    """First and last year with any counted record, or None when there is none (3 queries)."""
    bounds = [
        Delegation.objects.completed().aggregate(first=Min("start_date"), last=Max("start_date")),
        Agreement.objects.signed().aggregate(first=Min("signed_on"), last=Max("signed_on")),
        PartnerLocality.objects.aggregate(first=Min("established_on"), last=Max("established_on")),
    ]
    firsts = [b["first"].year for b in bounds if b["first"]]
    lasts = [b["last"].year for b in bounds if b["last"]]
    if not firsts:
        return None
    return min(firsts), max(lasts)


def activity_years(origin: str | None = None) -> tuple[int, int] | None:
    """First and last year with a counted visit, hosted event or signed agreement (3 queries),
    on the basis counted (a former province's records may begin later than the city's).

    The records of the city's activity begin then; partner relationships often go back
    decades before, so `data_years` starts earlier. Before the first of these years the
    activity figures are "chưa có số liệu", not zero, and nothing is compared with them.
    """
    base = _base_querysets(origin)
    bounds = [
        base[Delegation].completed().aggregate(first=Min("start_date"), last=Max("start_date")),
        base[Event].hosted().aggregate(first=Min("start_date"), last=Max("start_date")),
        base[Agreement].signed().aggregate(first=Min("signed_on"), last=Max("signed_on")),
    ]
    firsts = [b["first"].year for b in bounds if b["first"]]
    lasts = [b["last"].year for b in bounds if b["last"]]
    return (min(firsts), max(lasts)) if firsts else None


def first_activity_year(origin: str | None = None) -> int | None:
    years = stats_cache.cached(
        "activity_years", origin or "", compute=lambda: activity_years(origin)
    )
    return years[0] if years else None


def change(current: int, previous: int | None) -> dict:
    """Change against the previous year: difference and percent (None when not comparable)."""
    if previous is None:
        return {"difference": None, "percent": None}
    difference = current - previous
    percent = round(difference * 100 / previous, 1) if previous else None
    return {"difference": difference, "percent": percent}


def in_period(field: str, start: datetime.date | None, end: datetime.date) -> Q:
    """`field` from `start` (open when None) to `end`, both included."""
    return Q(**{f"{field}__lte": end}) & (Q(**{f"{field}__gte": start}) if start else Q())


# Figures over any period -------------------------------------------------------------------

# Person-trips (lượt người): the members of the counted delegations, summed.
PERSON_FIGURES = [
    Figure(
        Metric.INCOMING_PERSONS,
        _("Lượt người đến Thành phố (thành viên đoàn vào)"),
        _("Lượt người đến %(province)s (thành viên đoàn vào)"),
    ),
    Figure(Metric.OUTGOING_PERSONS, _("Lượt người đi nước ngoài (thành viên đoàn ra)")),
]
PERIOD_FIGURES = [*FIGURES, *PERSON_FIGURES]
PERIOD_FIGURE_KEYS = [figure.key for figure in PERIOD_FIGURES]


def _base_querysets(origin: str | None = None) -> dict:
    """The records every count starts from: every origin (the merged city), or one former
    province's records. A partner shared by several former provinces is one record in the
    merged city, and on one origin's basis counts with that origin's relationship dates
    (`_partner_dates`)."""
    if origin is None:
        partners = PartnerLocality.objects.all()
    else:
        partners = PartnerLocality.objects.with_origin_dates(origin)
    return {
        Delegation: Delegation.objects.of_origin(origin),
        Event: Event.objects.of_origin(origin),
        Agreement: Agreement.objects.of_origin(origin),
        PartnerLocality: partners,
    }


def _partner_dates(origin: str | None) -> tuple[str, str]:
    """The partner's establishment and end date fields on the basis counted."""
    return ("established_on", "ended_on") if origin is None else ORIGIN_DATES


def figures_for_periods(periods: list[Period], origin: str | None = None) -> list[dict[str, int]]:
    """The yearly figures and the person-trips over each of `periods`, in the same order.

    Four queries whatever the number of periods (one per model, each period a set of
    conditional counts over the rows dated within all of them). The rules are the yearly
    ones with the year replaced by the period: a record counts in the period its counting
    date falls in (a visit's start, an agreement's signing, a partner's establishment), and
    the partner total is the one on the period's last day.
    """
    if not periods:
        return []
    base = _base_querysets(origin)
    established, ended = _partner_dates(origin)
    first, last = min(p.start for p in periods), max(p.end for p in periods)

    def span(field: str, period: Period) -> Q:
        return in_period(field, period.start, period.end)

    daily_terms, partner_terms = {}, {}
    for i, period in enumerate(periods):
        for metric in DAILY_METRICS:
            within = Q(figure=metric.value) & span("day", period)
            daily_terms[f"{metric.value}{i}"] = Sum("value", filter=within, default=0)
        partner_terms |= {
            f"pt{i}": Count("pk", filter=active_on_q(period.end, established, ended)),
            f"np{i}": Count("pk", filter=span(established, period)),
        }
    counts = stored_counts(first, last, origin).aggregate(**daily_terms)
    counts |= base[PartnerLocality].aggregate(**partner_terms)
    return [
        {
            **{metric.value: counts[f"{metric.value}{i}"] for metric in DAILY_METRICS},
            Metric.PARTNER_LOCALITIES_TOTAL.value: counts[f"pt{i}"],
            Metric.NEW_PARTNER_LOCALITIES.value: counts[f"np{i}"],
        }
        for i in range(len(periods))
    ]


def period_figures(period: Period, origin: str | None = None) -> dict[str, int]:
    return figures_for_periods([period], origin)[0]


def records_begin(origin: str | None = None) -> datetime.date | None:
    """1 January of the first year with any record (on the basis counted): before it there is
    no data ("chưa có số liệu"), so nothing is compared with a period before it."""
    first = first_activity_year(origin)
    return datetime.date(first, 1, 1) if first else None


def comparable(period: Period, begin: datetime.date | None) -> bool:
    """Whether the records cover the whole of `period`."""
    return begin is not None and period.start >= begin


def period_comparison(period: Period, *, today: datetime.date, origin: str | None = None) -> dict:
    """The figures of `period` beside those of the same period a year earlier.

    A period still running is counted up to `today` and compared with the same days of last
    year ("so với cùng kỳ năm trước"), never with the whole of a finished period. A previous
    period not wholly covered by the records has no figures (None): it is not compared with.
    """
    counted = Period(period.start, min(period.end, today)) if period.start <= today else period
    previous_period = counted.previous_year()
    begin = records_begin(origin)
    if comparable(previous_period, begin):
        figures, previous = figures_for_periods([counted, previous_period], origin)
        changes = {key: change(figures[key], previous[key]) for key in PERIOD_FIGURE_KEYS}
    else:
        figures, previous, changes = period_figures(counted, origin), None, None
    return {
        "period": counted,
        "running": counted.end < period.end,
        "records_begin": begin,
        "figures": figures,
        "previous_period": previous_period,
        "previous": previous,
        "change": changes,
        "origin": origin,
    }


# Breakdowns of the delegations counted in a period ---------------------------------------

BREAKDOWNS = ("continent", "country", "level", "month", "cooperation_field")
# The yearly endpoint's breakdowns (months numbered 1-12 there).
YEAR_BREAKDOWNS = ("continent", "country", "level", "month")

# Delegations of an international organisation have no country: a group of their own in the
# continent and country breakdowns rather than "unknown".
INTERNATIONAL = "international"


def _international_or(expression, label_field: str = "country"):
    return Case(
        When(
            Q(**{label_field: ""}) & Q(level=Level.INTERNATIONAL_ORGANIZATION),
            then=Value(INTERNATIONAL),
        ),
        default=expression,
        output_field=CharField(),
    )


def period_breakdown(
    period: Period,
    by: str,
    *,
    direction: str = Direction.INCOMING,
    limit: int | None = None,
    origin: str | None = None,
) -> list[dict]:
    """The delegations counted in `period` (rule 1 for incoming, rule 3 for outgoing)
    grouped by continent, country, level, month or cooperation field.

    Each row is {"key", "label", "count"}, largest first (months in calendar order, every
    month of the period). By cooperation field, a visit counts under each field of the
    agreements it is linked to, and each row also has "agreements": the agreements signed in
    the period in that field. One query (two by cooperation field).
    """
    base = _base_querysets(origin)[Delegation]
    rule = received_q() if direction == Direction.INCOMING else sent_q()
    counted = base.filter(rule, in_period("start_date", period.start, period.end)).order_by()
    international_label = _("Tổ chức quốc tế")
    if by == "continent":
        grouped = counted.annotate(key=_international_or(continent_expression("country")))
        labels = {**dict(Continent.choices), INTERNATIONAL: international_label}
    elif by == "country":
        grouped = counted.annotate(key=_international_or(F("country")))
        labels = {**dict(countries), INTERNATIONAL: international_label}
    elif by == "level":
        grouped = counted.annotate(key=F("level"))
        labels = dict(Level.choices)
    elif by == "month":
        # From the per-day counts: one row per day rather than per visit.
        figure = (
            Metric.INCOMING_DELEGATIONS
            if direction == Direction.INCOMING
            else Metric.OUTGOING_DELEGATIONS
        )
        days = stored_counts(period.start, period.end, origin).filter(figure=figure)
        counts = Counter()
        for day, value in days.values_list("day", "value"):
            counts[(day.year, day.month)] += value
        return [
            {
                "key": f"{year:04d}-{month:02d}",
                "label": f"{month:02d}/{year}",
                "count": counts.get((year, month), 0),
            }
            for year, month in _months(period)
        ]
    elif by == "cooperation_field":
        return _field_breakdown(counted, period, limit, origin)
    else:
        raise ValueError(f"unknown breakdown {by!r}; expected one of {BREAKDOWNS}")
    counts = {
        row["key"]: row["count"]
        for row in grouped.values("key").annotate(count=Count("*")).order_by()
    }
    rows = [
        {"key": key or "", "label": str(labels.get(key, _("Không rõ"))), "count": count}
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0] or ""))
    ]
    return rows[:limit] if limit else rows


def _months(period: Period) -> list[tuple[int, int]]:
    months, year, month = [], period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _field_breakdown(counted, period: Period, limit: int | None, origin=None) -> list[dict]:
    visits = dict(
        counted.filter(agreements__fields__isnull=False)
        .values("agreements__fields")
        .annotate(n=Count("pk", distinct=True))
        .values_list("agreements__fields", "n")
    )
    agreements = _base_querysets(origin)[Agreement].filter(
        signed_q(), in_period("signed_on", period.start, period.end)
    )
    signed = dict(
        agreements.filter(fields__isnull=False)
        .order_by()
        .values("fields")
        .annotate(n=Count("pk", distinct=True))
        .values_list("fields", "n")
    )
    names = dict(
        CooperationField.objects.filter(pk__in={*visits, *signed}).values_list("pk", "name")
    )
    rows = [
        {"key": pk, "label": names[pk], "count": visits.get(pk, 0), "agreements": signed.get(pk, 0)}
        for pk in names
    ]
    rows.sort(key=lambda row: (-row["count"], -row["agreements"], row["label"]))
    return rows[:limit] if limit else rows


def breakdown(
    year: int, by: str, limit: int | None = None, origin: str | None = None
) -> list[dict]:
    """Incoming delegations received in `year` by continent, country, level or month (month
    keys numbered 1-12, labelled "Tháng m"): the yearly endpoint's and dashboard's shape."""
    if by not in YEAR_BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}; expected one of {YEAR_BREAKDOWNS}")
    rows = period_breakdown(Period.year(year), by, limit=limit, origin=origin)
    if by == "month":
        return [
            {"key": month, "label": str(_("Tháng %(m)s") % {"m": month}), "count": row["count"]}
            for month, row in enumerate(rows, start=1)
        ]
    return rows
