"""Published figures beside the counts recorded over the same period and definition: the
recorded count of each published figure, completeness, and the rows the dashboard, the
workbook, the statistics API and the period reports show."""

import datetime

from django.db.models import (
    Count,
    Q,
)
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, new_relationship_q, signed_q
from delegations.models import (
    Delegation,
    Event,
    high_level_q,
    hosted_q,
    received_q,
    sent_q,
)
from foreignaffairs.core.origins import MERGER_DATE, Origin
from foreignaffairs.reports.citations import citation
from foreignaffairs.reports.models import Metric, Qualifier, ReportedFigure
from foreignaffairs.reports.periods import Period
from foreignaffairs.reports.stats import FIGURE_KEYS, in_period
from partners.models import PartnerLocality, active_on_q, of_origin_q

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
    hcmc_q = Q(origin=Origin.HCMC)
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
            condition = rule & in_period(date_field, start, end)
        else:
            continue
        if end < MERGER_DATE:
            # Published before the merger: the former city's figure, compared with its records.
            condition &= of_origin_q(Origin.HCMC) if model is PartnerLocality else hcmc_q
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
        dated = model.objects.filter(in_period(date_field, first, last))
        values.update(dated.aggregate(**model_terms))
    return {figure.pk: values.get(f"f{figure.pk}") for figure in figures}


def same_definition(metric: str) -> bool:
    """Whether a published metric counts exactly what the recorded figure beside it counts
    (the 21 city-leader delegations abroad are some of the outgoing delegations, not all)."""
    return RECORDED_FOR_METRIC.get(metric) == metric


DEFINITION_NOTES = {
    Metric.OUTGOING_LEADER_DELEGATIONS: _(
        "Số công bố chỉ tính đoàn lãnh đạo Thành phố đi nước ngoài; số ghi nhận tính mọi đoàn "
        "Thành phố đi nước ngoài: hai định nghĩa khác nhau, không so sánh trực tiếp."
    ),
    Metric.AGREEMENTS_TOTAL: _(
        "Số công bố là tổng số văn bản hợp tác tính đến ngày công bố; số ghi nhận là các văn "
        "bản đã ký đến ngày đó."
    ),
}


def completeness(recorded: int | None, figure: ReportedFigure) -> int | None:
    """How much of a published figure the records hold, in whole percent: never more than
    100 (more records than published is complete, not 101%), and 100 only when complete
    (99.6% is 99, not a rounded 100). None when not comparable ("hơn 260", another metric)."""
    if recorded is None or not figure.value or figure.qualifier == Qualifier.AT_LEAST:
        return None
    if not same_definition(figure.metric):
        return None
    if recorded >= figure.value:
        return 100
    return min(99, round(recorded * 100 / float(figure.value)))


def _reported_rows(figures: list[ReportedFigure]) -> list[dict]:
    recorded = _recorded_aggregates(figures)
    rows = []
    for figure in figures:
        count = recorded[figure.pk]
        rows.append(
            {
                "figure": figure,
                "recorded_key": RECORDED_FOR_METRIC.get(figure.metric),
                "recorded": count,
                "completeness": completeness(count, figure),
                "same_definition": same_definition(figure.metric),
                "definition_note": DEFINITION_NOTES.get(figure.metric, ""),
                "citation": citation(figure.source),
            }
        )
    return rows


def reported_for_year(year: int) -> list[dict]:
    """Published city figures whose period ends in `year`, each with the recorded count over
    the same period and how complete the records are against it."""
    figures = list(ReportedFigure.objects.for_city().for_year(year).order_by("metric"))
    return _reported_rows(figures)


def reported_in_period(period: Period) -> list[dict]:
    """Published city figures whose own period lies within `period` (a figure as of a day:
    that day within it), each with the recorded count over the figure's own period."""
    figures = list(
        ReportedFigure.objects.for_city()
        .filter(period_end__gte=period.start, period_end__lte=period.end)
        .filter(Q(period_start__isnull=True) | Q(period_start__gte=period.start))
        .order_by("period_end", "metric")
    )
    return _reported_rows(figures)


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
