"""Demo annual programmes: for each year, a plan approved (usually) by 31 December before, whose
items most of the year's outgoing trips, a share of the notable visits, events and agreements
carried out; plus items never carried out (some cancelled, some late), while other records of
the year stay outside the programme, as in a real year."""

import datetime
import random

from agreements.models import Agreement
from delegations.models import HIGH_LEVELS, Delegation, Direction, Event, EventStatus
from delegations.models import Status as VisitStatus
from foreignaffairs.core.text import nfc
from foreignaffairs.demo import vocabulary as words
from foreignaffairs.demo.writing import BATCH, DEMO_SOURCE, DistinctTitles
from plans.models import AnnualPlan, ItemKind, PlanItem, period_end

# Of each kind, the share of the year's records the programme had planned, and at most how many.
PLANNED_SHARE = {
    ItemKind.OUTGOING: (0.7, 25),
    ItemKind.INCOMING: (0.5, 15),
    ItemKind.EVENT: (0.4, 15),
    ItemKind.AGREEMENT: (0.6, 8),
}
# Items that no record carried out, as a share of the linked ones; some of them cancelled.
UNREALISED_SHARE = 0.15
CANCELLED_SHARE = 0.3
# Programmes approved after 31 December of the year before.
LATE_APPROVAL_SHARE = 0.2


def year_records(year: int) -> dict[str, list[tuple]]:
    """(id, title, country, date) of the year's records each kind may link, in id order."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    visits = Delegation.objects.filter(is_demo=True, start_date__range=(start, end)).exclude(
        status=VisitStatus.CANCELLED
    )
    columns = ("pk", "title", "country", "start_date")
    return {
        ItemKind.OUTGOING: list(
            visits.filter(direction=Direction.OUTGOING).order_by("pk").values_list(*columns)
        ),
        ItemKind.INCOMING: list(
            visits.filter(direction=Direction.INCOMING, level__in=HIGH_LEVELS)
            .order_by("pk")
            .values_list(*columns)
        ),
        ItemKind.EVENT: [
            (pk, title, countries.split(",")[0] if countries else "", day)
            for pk, title, countries, day in Event.objects.filter(
                is_demo=True, start_date__range=(start, end)
            )
            .exclude(status=EventStatus.CANCELLED)
            .order_by("pk")
            .values_list("pk", "title", "countries", "start_date")
        ],
        ItemKind.AGREEMENT: list(
            Agreement.objects.filter(is_demo=True, signed_on__range=(start, end))
            .order_by("pk")
            .values_list("pk", "title", "partner_organization", "signed_on")
        ),
    }


def write_programmes(rng: random.Random, years, today: datetime.date) -> int:
    """One programme per year of `years`; returns how many items were written."""
    written = 0
    for year in years:
        plan = AnnualPlan.objects.create(
            year=year,
            decision_number=f"{rng.randint(1000, 6999)}/QĐ-UBND",
            approved_on=approval_day(rng, year, today),
            is_demo=True,
            source=DEMO_SOURCE,
        )
        written += write_items(rng, plan, year_records(year))
    return written


def approval_day(rng: random.Random, year: int, today: datetime.date) -> datetime.date | None:
    if rng.random() < LATE_APPROVAL_SHARE:
        day = datetime.date(year, rng.randint(1, 2), rng.randint(5, 28))
    else:
        day = datetime.date(year - 1, 12, rng.randint(10, 30))
    return day if day <= today else None


def write_items(rng: random.Random, plan: AnnualPlan, records: dict[str, list[tuple]]) -> int:
    items, links = [], []
    titles = DistinctTitles("việc thứ {n}")  # a new programme: nothing taken
    for kind, (share, cap) in PLANNED_SHARE.items():
        candidates = records[kind]
        chosen = rng.sample(candidates, min(cap, round(len(candidates) * share)))
        for pk, title, country, day in sorted(chosen):
            items.append(
                item(
                    plan,
                    kind,
                    title,
                    country if kind != ItemKind.AGREEMENT else "",
                    month=day.month,
                    unit=rng.choice(words.RESPONSIBLE_UNITS),
                )
            )
            links.append((kind, pk))
    for _ in range(max(2, round(len(items) * UNREALISED_SHARE))):
        kind = rng.choice([ItemKind.OUTGOING, ItemKind.INCOMING, ItemKind.EVENT])
        country = rng.choice(sorted(words.COUNTRIES))
        unrealised = item(
            plan,
            kind,
            unrealised_title(kind),
            country,
            quarter=rng.randint(1, 4),
            unit=rng.choice(words.RESPONSIBLE_UNITS),
        )
        unrealised.cancelled = rng.random() < CANCELLED_SHARE
        items.append(unrealised)
    for planned in items:
        planned.title = titles(planned.title, planned.kind)
    PlanItem.objects.bulk_create(items, batch_size=BATCH)
    through = {
        ItemKind.OUTGOING: (PlanItem.delegations.through, "delegation_id"),
        ItemKind.INCOMING: (PlanItem.delegations.through, "delegation_id"),
        ItemKind.EVENT: (PlanItem.events.through, "event_id"),
        ItemKind.AGREEMENT: (PlanItem.agreements.through, "agreement_id"),
    }
    rows = {}
    for planned, (kind, pk) in zip(items, links, strict=False):
        model, column = through[kind]
        rows.setdefault(model, []).append(model(planitem_id=planned.pk, **{column: pk}))
    for model, batch in rows.items():
        model.objects.bulk_create(batch, batch_size=BATCH)
    return len(items)


def item(plan, kind, title, country, *, month=None, quarter=None, unit="") -> PlanItem:
    return PlanItem(
        plan=plan,
        kind=kind,
        title=nfc(title)[:300],
        country=country or "",
        month=month,
        quarter=quarter,
        due_on=period_end(plan.year, month, quarter),
        responsible_unit=unit,
        is_demo=True,
        source=DEMO_SOURCE,
    )


def unrealised_title(kind: str) -> str:
    return {
        ItemKind.OUTGOING: "Đoàn lãnh đạo Thành phố xúc tiến hợp tác tại địa phương đối tác",
        ItemKind.INCOMING: "Đón đoàn lãnh đạo cấp cao địa phương đối tác",
        ItemKind.EVENT: "Hội thảo hợp tác quốc tế về phát triển đô thị",
    }[kind]
