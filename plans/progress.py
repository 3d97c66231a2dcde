"""The programme of a year against what happened: item states, late items, the records that
were not in the programme, and the records that could carry out an item."""

import datetime

from django.db.models import Count, Q

from agreements.models import Agreement
from delegations.models import Delegation, Event, received_q, sent_q
from foreignaffairs.core import daily_counts
from foreignaffairs.core.dates import date_range
from plans.models import AnnualPlan, ItemKind, PlanItem, approval_deadline

SUGGESTIONS_SHOWN = 5


# The per-day counts (Delegation, Event and Agreement.counted_figures) of each kind of record.
COUNTED_FIGURES = {
    ItemKind.INCOMING: "incoming_delegations",
    ItemKind.OUTGOING: "outgoing_delegations",
    ItemKind.EVENT: "hosted_events",
    ItemKind.AGREEMENT: "agreements_signed",
}


def unplanned(year: int) -> dict[str, int]:
    """Counted records of `year` (counting rules 1, 3, 4, 6) linked to no item of the year's
    programme: the year's counts less the counted records an item is linked to (five queries,
    none of them reading the year's records one by one)."""
    counted = daily_counts.totals(
        datetime.date(year, 1, 1), datetime.date(year, 12, 31), COUNTED_FIGURES.values()
    )
    items = PlanItem.objects.filter(plan__year=year)
    linked = (
        Delegation.objects.filter(**date_range("start_date", year, year))
        .filter(pk__in=items.values("delegations"))
        .aggregate(
            incoming=Count("pk", filter=received_q()),
            outgoing=Count("pk", filter=sent_q()),
        )
    )
    linked[ItemKind.EVENT] = (
        Event.objects.hosted()
        .filter(**date_range("start_date", year, year))
        .filter(pk__in=items.values("events"))
        .count()
    )
    linked[ItemKind.AGREEMENT] = (
        Agreement.objects.signed_in_years(year, year)
        .filter(pk__in=items.values("agreements"))
        .count()
    )
    return {kind: counted[figure] - linked[kind] for kind, figure in COUNTED_FIGURES.items()}


def year_progress(year: int, today: datetime.date) -> dict:
    """What the dashboard shows of the programme of `year`: seven queries."""
    plan = AnnualPlan.objects.filter(year=year).first()
    counts = PlanItem.objects.of_year(year).progress(today)
    extra = unplanned(year)
    return {
        "plan": plan,
        "approved_late": plan.approved_late(today) if plan else today > approval_deadline(year),
        "counts": counts,
        "unplanned": extra,
        "unplanned_total": sum(extra.values()),
    }


def suggestions(item: PlanItem) -> list:
    """Records of the programme's year that may carry out `item`, not linked yet: same kind,
    same country (and partner when the item names one), closest to the planned month first."""
    year = item.plan.year
    if item.kind in (ItemKind.INCOMING, ItemKind.OUTGOING):
        records = Delegation.objects.filter(direction=item.kind).exclude(plan_items=item)
        date_field = "start_date"
    elif item.kind == ItemKind.EVENT:
        records = Event.objects.not_cancelled().exclude(plan_items=item)
        date_field = "start_date"
    else:
        records = Agreement.objects.exclude(plan_items=item)
        date_field = "signed_on"
    records = records.filter(**date_range(date_field, year, year))
    if item.partner_id:
        records = records.filter(partner_filter(item.kind, item.partner_id))
    elif item.country:
        records = records.filter(country_filter(item.kind, item.country.code))
    candidates = list(records.order_by(date_field)[:200])
    target = item.month or (item.quarter * 3 - 1 if item.quarter else None)
    if target:
        candidates.sort(key=lambda record: abs(getattr(record, date_field).month - target))
    return candidates[:SUGGESTIONS_SHOWN]


def partner_filter(kind: str, partner_id: int) -> Q:
    if kind in (ItemKind.EVENT, ItemKind.AGREEMENT):
        return Q(partners=partner_id)
    return Q(partner=partner_id)


def country_filter(kind: str, code: str) -> Q:
    if kind == ItemKind.EVENT:
        return Q(countries__contains=code)
    if kind == ItemKind.AGREEMENT:
        return Q(partners__country=code)
    return Q(country=code)
