"""The counting rules of DESIGN.md composed into the yearly figures.

Every page, endpoint and export that shows a count calls this module; the rules themselves
live in the QuerySet methods of the three apps. Over a range of years each figure is one
aggregate query, whatever the number of years or records.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, Max, Min, Q
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from agreements.models import Agreement, new_relationship_q, signed_q
from delegations.models import Delegation, Event, Level, high_level_q, hosted_q, received_q, sent_q
from foreignaffairs.core.continents import Continent, continent_expression
from foreignaffairs.core.dates import date_range
from foreignaffairs.reports.models import Metric, Qualifier, ReportedFigure
from partners.models import PartnerLocality, active_on_q


@dataclass(frozen=True)
class Figure:
    metric: Metric
    label: str

    @property
    def key(self) -> str:
        """The metric's code as a plain string: the figure's name in results and API fields."""
        return self.metric.value


FIGURES = [
    Figure(Metric.INCOMING_DELEGATIONS, _("Đoàn quốc tế đến Thành phố")),
    Figure(Metric.HIGH_LEVEL_DELEGATIONS, _("Đoàn cấp cao")),
    Figure(Metric.OUTGOING_DELEGATIONS, _("Đoàn Thành phố đi nước ngoài")),
    Figure(Metric.HOSTED_EVENTS, _("Sự kiện đối ngoại")),
    Figure(Metric.AGREEMENTS_SIGNED, _("Văn bản hợp tác ký kết")),
    Figure(Metric.NEW_RELATIONSHIP_AGREEMENTS, _("Văn bản thiết lập quan hệ mới")),
    Figure(Metric.PARTNER_LOCALITIES_TOTAL, _("Địa phương đối tác cuối năm")),
    Figure(Metric.NEW_PARTNER_LOCALITIES, _("Địa phương đối tác mới")),
]
FIGURE_KEYS = [figure.key for figure in FIGURES]

# A published metric and the recorded figure it is compared with.
RECORDED_FOR_METRIC = {
    Metric.INCOMING_DELEGATIONS: Metric.INCOMING_DELEGATIONS,
    Metric.HIGH_LEVEL_DELEGATIONS: Metric.HIGH_LEVEL_DELEGATIONS,
    Metric.OUTGOING_DELEGATIONS: Metric.OUTGOING_DELEGATIONS,
    Metric.OUTGOING_LEADER_DELEGATIONS: Metric.OUTGOING_DELEGATIONS,
    Metric.HOSTED_EVENTS: Metric.HOSTED_EVENTS,
    Metric.AGREEMENTS_SIGNED: Metric.AGREEMENTS_SIGNED,
    Metric.NEW_RELATIONSHIP_AGREEMENTS: Metric.NEW_RELATIONSHIP_AGREEMENTS,
    Metric.PARTNER_LOCALITIES_TOTAL: Metric.PARTNER_LOCALITIES_TOTAL,
    Metric.NEW_PARTNER_LOCALITIES: Metric.NEW_PARTNER_LOCALITIES,
    Metric.AGREEMENTS_TOTAL: Metric.AGREEMENTS_TOTAL,
}


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


def _partners_at_year_ends(first: int, last: int) -> dict[int, int]:
    """Rule 5 at each 31 December, as conditional counts in a single query."""
    totals = PartnerLocality.objects.aggregate(
        **{
            f"y{year}": Count("pk", filter=active_on_q(datetime.date(year, 12, 31)))
            for year in range(first, last + 1)
        }
    )
    return {int(name[1:]): value for name, value in totals.items()}


def yearly_figures(first: int, last: int) -> dict[int, dict[str, int]]:
    """The eight yearly figures for every year from `first` to `last`: 8 queries in all."""
    if first > last:
        return {}
    delegations = Delegation.objects
    columns = {
        Metric.INCOMING_DELEGATIONS: _count_by_year(
            delegations.received(), "start_date", first, last
        ),
        Metric.HIGH_LEVEL_DELEGATIONS: _count_by_year(
            delegations.received().high_level(), "start_date", first, last
        ),
        Metric.OUTGOING_DELEGATIONS: _count_by_year(delegations.sent(), "start_date", first, last),
        Metric.HOSTED_EVENTS: _count_by_year(Event.objects.hosted(), "start_date", first, last),
        Metric.AGREEMENTS_SIGNED: _count_by_year(
            Agreement.objects.signed(), "signed_on", first, last
        ),
        Metric.NEW_RELATIONSHIP_AGREEMENTS: _count_by_year(
            Agreement.objects.signed().new_relationships(), "signed_on", first, last
        ),
        Metric.PARTNER_LOCALITIES_TOTAL: _partners_at_year_ends(first, last),
        Metric.NEW_PARTNER_LOCALITIES: _count_by_year(
            PartnerLocality.objects.all(), "established_on", first, last
        ),
    }
    return {
        year: {key: columns[key].get(year, 0) for key in FIGURE_KEYS}
        for year in range(first, last + 1)
    }


def year_figures(year: int) -> dict[str, int]:
    return yearly_figures(year, year)[year]


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


def change(current: int, previous: int | None) -> dict:
    """Change against the previous year: difference and percent (None when not comparable)."""
    if previous is None:
        return {"difference": None, "percent": None}
    difference = current - previous
    percent = round(difference * 100 / previous, 1) if previous else None
    return {"difference": difference, "percent": percent}


# Breakdowns of the incoming delegations received in one year -------------------------------

BREAKDOWNS = ("continent", "country", "level", "month")


def breakdown(year: int, by: str, limit: int | None = None) -> list[dict]:
    """Incoming delegations received in `year` grouped by continent, country, level or month.

    Each row is {"key", "label", "count"}, largest first (months in calendar order); one query.
    """
    received = Delegation.objects.received_in(year).order_by()
    if by == "continent":
        grouped = received.annotate(key=continent_expression("country"))
        labels = dict(Continent.choices)
    elif by == "country":
        grouped = received.annotate(key=F("country"))
        labels = dict(countries)
    elif by == "level":
        grouped = received.annotate(key=F("level"))
        labels = dict(Level.choices)
    elif by == "month":
        grouped = received.annotate(key=ExtractMonth("start_date"))
        labels = {month: _("Tháng %(m)s") % {"m": month} for month in range(1, 13)}
    else:
        raise ValueError(f"unknown breakdown {by!r}; expected one of {BREAKDOWNS}")
    counts = {
        row["key"]: row["count"]
        for row in grouped.values("key").annotate(count=Count("*")).order_by()
    }
    if by == "month":
        return [
            {"key": month, "label": str(labels[month]), "count": counts.get(month, 0)}
            for month in range(1, 13)
        ]
    rows = [
        {"key": key or "", "label": str(labels.get(key, _("Không rõ"))), "count": count}
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0] or ""))
    ]
    return rows[:limit] if limit else rows


# Published figures beside the recorded counts -------------------------------------------


def _recorded_aggregates(figures: list[ReportedFigure]) -> dict[int, int | None]:
    """The recorded count over each published figure's own period: one query per model, each
    figure a conditional count on the rule's column predicates, over the rows dated within
    the figures' periods only."""
    rules = {
        Metric.INCOMING_DELEGATIONS: (Delegation, received_q(), "start_date"),
        Metric.HIGH_LEVEL_DELEGATIONS: (Delegation, received_q() & high_level_q(), "start_date"),
        Metric.OUTGOING_DELEGATIONS: (Delegation, sent_q(), "start_date"),
        Metric.HOSTED_EVENTS: (Event, hosted_q(), "start_date"),
        Metric.AGREEMENTS_SIGNED: (Agreement, signed_q(), "signed_on"),
        Metric.NEW_RELATIONSHIP_AGREEMENTS: (
            Agreement,
            signed_q() & new_relationship_q(),
            "signed_on",
        ),
        Metric.AGREEMENTS_TOTAL: (Agreement, signed_q(), "signed_on"),
        Metric.NEW_PARTNER_LOCALITIES: (PartnerLocality, Q(), "established_on"),
    }
    terms: dict[type, dict] = {}
    periods: dict[type, list] = {}
    for figure in figures:
        key = RECORDED_FOR_METRIC.get(figure.metric)
        start, end = figure.period_start, figure.period_end
        if key == Metric.PARTNER_LOCALITIES_TOTAL:
            model, date_field, condition = PartnerLocality, "established_on", active_on_q(end)
            start = None  # established on or before the day, however long ago
        elif key in rules:
            model, rule, date_field = rules[key]
            if key == Metric.AGREEMENTS_TOTAL:
                start = None  # signed up to the end of the period, however long ago
            condition = rule & _in_period(date_field, start, end)
        else:
            continue
        # Counting the (never NULL) date rather than the rows: COUNT(*) cannot be filtered in
        # Django, and COUNT(id) would read the table instead of the counting index.
        terms.setdefault(model, {})[f"f{figure.pk}"] = Count(date_field, filter=condition)
        periods.setdefault(model, []).append((date_field, start, end))
    values: dict[str, int] = {}
    for model, model_terms in terms.items():
        date_field = periods[model][0][0]
        starts = [start for _field, start, _end in periods[model]]
        first = None if None in starts else min(starts)
        last = max(end for _field, _start, end in periods[model])
        dated = model.objects.filter(_in_period(date_field, first, last))
        values.update(dated.aggregate(**model_terms))
    return {figure.pk: values.get(f"f{figure.pk}") for figure in figures}


def _in_period(field: str, start: datetime.date | None, end: datetime.date) -> Q:
    """`field` from `start` (open when None) to `end`, both included."""
    return Q(**{f"{field}__lte": end}) & (Q(**{f"{field}__gte": start}) if start else Q())


def reported_for_year(year: int) -> list[dict]:
    """Published city figures whose period ends in `year`, each with the recorded count over
    the same period and how complete the records are against it."""
    figures = list(ReportedFigure.objects.for_city().for_year(year).order_by("metric"))
    recorded = _recorded_aggregates(figures)
    rows = []
    for figure in figures:
        count = recorded[figure.pk]
        completeness = None
        if count is not None and figure.value and figure.qualifier != Qualifier.AT_LEAST:
            completeness = round(count * 100 / float(figure.value))
        rows.append(
            {
                "figure": figure,
                "recorded_key": RECORDED_FOR_METRIC.get(figure.metric),
                "recorded": count,
                "completeness": completeness,
            }
        )
    return rows


def reported_by_year(first: int, last: int) -> dict[int, dict[str, ReportedFigure]]:
    """Published city figures for whole calendar years (or as of 31 December), by year and
    recorded figure key: what the yearly API and the trend chart put beside the counts."""
    result: dict[int, dict[str, ReportedFigure]] = {}
    figures = ReportedFigure.objects.for_city().filter(
        period_end__gte=datetime.date(first, 1, 1), period_end__lte=datetime.date(last, 12, 31)
    )
    for figure in figures:
        end = figure.period_end
        whole_year = (
            end.month == 12
            and end.day == 31
            and (
                figure.period_start is None
                or (figure.period_start == datetime.date(end.year, 1, 1))
            )
        )
        key = RECORDED_FOR_METRIC.get(figure.metric)
        if whole_year and key in FIGURE_KEYS:
            result.setdefault(end.year, {})[key] = figure
    return result
