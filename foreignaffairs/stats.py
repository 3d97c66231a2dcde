"""The counting rules of DESIGN.md composed into the yearly figures.

Every page, endpoint and export that shows a count calls this module; the rules themselves
live in the QuerySet methods of the three apps. Over a range of years each figure is one
aggregate query, whatever the number of years or records.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Max, Min, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from agreements.models import Agreement
from delegations.models import Delegation, Event, Level, date_range
from foreignaffairs.models import Metric, Qualifier, ReportedFigure
from partners.continents import Continent, continent_expression
from partners.models import PartnerLocality, active_on_q


@dataclass(frozen=True)
class Figure:
    key: str
    label: str


FIGURES = [
    Figure("incoming_delegations", _("Đoàn quốc tế đến Thành phố")),
    Figure("high_level_delegations", _("Đoàn cấp cao")),
    Figure("outgoing_delegations", _("Đoàn Thành phố đi nước ngoài")),
    Figure("hosted_events", _("Sự kiện đối ngoại")),
    Figure("agreements_signed", _("Văn bản hợp tác ký kết")),
    Figure("new_relationship_agreements", _("Văn bản thiết lập quan hệ mới")),
    Figure("partner_localities_total", _("Địa phương đối tác cuối năm")),
    Figure("new_partner_localities", _("Địa phương đối tác mới")),
]
FIGURE_KEYS = [figure.key for figure in FIGURES]

# A published metric and the recorded figure it is compared with.
RECORDED_FOR_METRIC = {
    Metric.INCOMING_DELEGATIONS: "incoming_delegations",
    Metric.HIGH_LEVEL_DELEGATIONS: "high_level_delegations",
    Metric.OUTGOING_DELEGATIONS: "outgoing_delegations",
    Metric.OUTGOING_LEADER_DELEGATIONS: "outgoing_delegations",
    Metric.HOSTED_EVENTS: "hosted_events",
    Metric.AGREEMENTS_SIGNED: "agreements_signed",
    Metric.NEW_RELATIONSHIP_AGREEMENTS: "new_relationship_agreements",
    Metric.PARTNER_LOCALITIES_TOTAL: "partner_localities_total",
    Metric.NEW_PARTNER_LOCALITIES: "new_partner_localities",
    Metric.AGREEMENTS_TOTAL: "agreements_total",
}


def _count_by_year(queryset, date_field: str, first: int, last: int) -> dict[int, int]:
    rows = (
        queryset.filter(**date_range(date_field, first, last))
        .annotate(year=ExtractYear(date_field))
        .order_by()
        .values("year")
        .annotate(n=Count("pk"))
    )
    return {row["year"]: row["n"] for row in rows}


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
        "incoming_delegations": _count_by_year(delegations.received(), "start_date", first, last),
        "high_level_delegations": _count_by_year(
            delegations.received().high_level(), "start_date", first, last
        ),
        "outgoing_delegations": _count_by_year(delegations.sent(), "start_date", first, last),
        "hosted_events": _count_by_year(Event.objects.hosted(), "start_date", first, last),
        "agreements_signed": _count_by_year(Agreement.objects.signed(), "signed_on", first, last),
        "new_relationship_agreements": _count_by_year(
            Agreement.objects.signed().new_relationships(), "signed_on", first, last
        ),
        "partner_localities_total": _partners_at_year_ends(first, last),
        "new_partner_localities": _count_by_year(
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
        for row in grouped.values("key").annotate(count=Count("pk")).order_by()
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
    """The recorded count over each published figure's own period, one query per model."""
    delegation_terms, event_terms, agreement_terms, partner_terms = {}, {}, {}, {}
    for figure in figures:
        key = RECORDED_FOR_METRIC.get(figure.metric)
        start = figure.period_start
        end = figure.period_end
        alias = f"f{figure.pk}"
        in_period = {"__gte": start, "__lte": end} if start else {"__lte": end}

        def period(field, _in_period=in_period):
            return Q(**{f"{field}{op}": day for op, day in _in_period.items()})

        if key in {"incoming_delegations", "high_level_delegations", "outgoing_delegations"}:
            rule = {
                "incoming_delegations": Q(direction="incoming"),
                "high_level_delegations": Q(direction="incoming")
                & Q(pk__in=Delegation.objects.high_level().values("pk")),
                "outgoing_delegations": Q(direction="outgoing"),
            }[key]
            delegation_terms[alias] = Count(
                "pk", filter=rule & Q(status="completed") & period("start_date")
            )
        elif key == "hosted_events":
            event_terms[alias] = Count(
                "pk", filter=Q(pk__in=Event.objects.hosted().values("pk")) & period("start_date")
            )
        elif key in {"agreements_signed", "new_relationship_agreements", "agreements_total"}:
            rule = Q(pk__in=Agreement.objects.signed().values("pk"))
            if key == "new_relationship_agreements":
                rule &= Q(establishes_relationship=True)
            if key == "agreements_total":
                rule &= Q(signed_on__lte=end)
            else:
                rule &= period("signed_on")
            agreement_terms[alias] = Count("pk", filter=rule)
        elif key == "partner_localities_total":
            partner_terms[alias] = Count("pk", filter=active_on_q(end))
        elif key == "new_partner_localities":
            partner_terms[alias] = Count("pk", filter=period("established_on"))
    values: dict[str, int] = {}
    for model, terms in (
        (Delegation, delegation_terms),
        (Event, event_terms),
        (Agreement, agreement_terms),
        (PartnerLocality, partner_terms),
    ):
        if terms:
            values.update(model.objects.aggregate(**terms))
    return {figure.pk: values.get(f"f{figure.pk}") for figure in figures}


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
