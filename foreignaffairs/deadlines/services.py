"""Deadlines kept in step with the records, and the writes staff make on them.

`sync_deadlines_for(record)` is the one entry point of the write paths (agreement service,
admin, API, imports): it works out which deadlines the record should have under the active
rules, then creates, moves and removes its deadline rows to match, in one transaction. Rows
keep what staff entered (the person responsible, the note, the done date) when they move.
"""

import dataclasses
import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement
from agreements.models import Status as AgreementStatus
from delegations.models import Delegation, Direction, Event, EventKind, EventRole, EventStatus
from delegations.models import Status as DelegationStatus
from foreignaffairs.core.origins import MERGER_DATE
from foreignaffairs.deadlines import counts
from foreignaffairs.deadlines.models import (
    AGREEMENT_EXPIRY,
    AGREEMENT_REPORT,
    CLOSE_OUT,
    CONFERENCE_REQUEST,
    CONFERENCE_REQUEST_PM,
    CONSULTATION_RULES,
    INHERITED_DECISION,
    TRIP_REPORT,
    Consultation,
    Deadline,
    Rule,
    Unit,
)
from foreignaffairs.deadlines.workdays import WorkingCalendar

# Sentinel: the rule's deadline is done when staff say so, not by the record.
KEEP = object()
# Records synced per batch in bulk syncs (bounded memory, a few queries per batch).
BATCH_SIZE = 500


@dataclasses.dataclass
class Wanted:
    """A deadline a record should have."""

    rule: str
    source: str
    record_field: str
    record: object
    trigger_on: datetime.date
    anchor: datetime.date  # the rule's days count from here
    done_on: object = KEEP  # a date or None when the record says; KEEP when staff do
    consultation: Consultation | None = None
    due_on: datetime.date | None = None  # a fixed due date (a department's request)


def local_date(moment) -> datetime.date:
    return timezone.localdate(moment) if moment else timezone.localdate()


# What each kind of record should have ---------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Inherited:
    """An agreement of the inherited-agreements register and its decision so far."""

    decision: str
    decided_on: datetime.date | None


def inherited_agreements(agreements: list[Agreement]) -> dict[int, Inherited]:
    """Which of `agreements` are in the register (`Agreement.objects.inherited()`), with their
    follow-up's decision: one query for the batch."""
    rows = (
        Agreement.objects.filter(pk__in=[agreement.pk for agreement in agreements])
        .inherited()
        .values_list("pk", "follow_up__decision", "follow_up__decided_on")
    )
    return {pk: Inherited(decision or "", decided_on) for pk, decision, decided_on in rows}


def wanted_for_inherited(agreement: Agreement, inherited: Inherited) -> Wanted:
    """The decision Decree 177/2025/NĐ-CP asks for: from the merger, or from the day the
    agreement was entered when later (a former province's agreement imported later is not
    overdue on arrival); done when the register records the decision, on its date (never
    before the deadline arose, nor after today)."""
    arises = max(MERGER_DATE, local_date(agreement.created_at))
    done_on = None
    if inherited.decision:
        today = timezone.localdate()
        done_on = min(max(inherited.decided_on or today, arises), max(today, arises))
    return Wanted(
        INHERITED_DECISION,
        f"agreement:{agreement.pk}",
        "agreement",
        agreement,
        arises,
        arises,
        done_on=done_on,
    )


def wanted_for_agreement(
    agreement: Agreement, consultations=(), inherited: Inherited | None = None
) -> list[Wanted]:
    wanted = [wanted_for_inherited(agreement, inherited)] if inherited else []
    source = f"agreement:{agreement.pk}"
    signed = agreement.status != AgreementStatus.NEGOTIATING and agreement.signed_on
    if signed:
        wanted.append(
            Wanted(AGREEMENT_REPORT, source, "agreement", agreement, *[agreement.signed_on] * 2)
        )
        if (
            agreement.expires_on
            and not agreement.auto_renew
            and agreement.status == AgreementStatus.IN_FORCE
        ):
            wanted.append(
                Wanted(
                    AGREEMENT_EXPIRY,
                    source,
                    "agreement",
                    agreement,
                    trigger_on=agreement.signed_on,
                    anchor=agreement.expires_on,
                )
            )
    for consultation in consultations:
        wanted.append(
            Wanted(
                CONSULTATION_RULES[consultation.kind],
                f"consultation:{consultation.pk}",
                "agreement",
                agreement,
                trigger_on=consultation.sent_on,
                anchor=consultation.sent_on,
                done_on=consultation.answered_on,
                consultation=consultation,
                due_on=consultation.requested_due_on,
            )
        )
    return wanted


def wanted_for_activity(record, record_field: str, pending: bool, finished: bool) -> list:
    """Close-out for a visit or event still planned (from its end); nothing once it is done."""
    end = record.end_date or record.start_date
    source = f"{record_field}:{record.pk}"
    wanted = []
    if pending:
        wanted.append(Wanted(CLOSE_OUT, source, record_field, record, end, end))
    if finished:
        wanted.append(Wanted(TRIP_REPORT, source, record_field, record, end, end))
    return wanted


def wanted_for_delegation(delegation: Delegation) -> list[Wanted]:
    return wanted_for_activity(
        delegation,
        "delegation",
        pending=delegation.status in (DelegationStatus.PLANNED, DelegationStatus.CONFIRMED),
        finished=delegation.direction == Direction.OUTGOING
        and delegation.status == DelegationStatus.COMPLETED,
    )


def wanted_for_event(event: Event) -> list[Wanted]:
    wanted = wanted_for_activity(
        event, "event", pending=event.status == EventStatus.PLANNED, finished=False
    )
    hosted = event.role in (EventRole.HOST, EventRole.CO_HOST)
    if event.kind == EventKind.CONFERENCE and hosted and event.status != EventStatus.CANCELLED:
        # Filed before the start (30 days, or 40 when the Prime Minister decides); it
        # "arises" when the event is recorded.
        recorded = min(local_date(event.created_at), event.start_date)
        rule = CONFERENCE_REQUEST_PM if event.needs_prime_minister_approval else CONFERENCE_REQUEST
        wanted.append(Wanted(rule, f"event:{event.pk}", "event", event, recorded, event.start_date))
    return wanted


WANTED = {
    Agreement: wanted_for_agreement,
    Delegation: wanted_for_delegation,
    Event: wanted_for_event,
}
RECORD_FIELDS = {Agreement: "agreement", Delegation: "delegation", Event: "event"}


# Syncing -----------------------------------------------------------------------------------


def due_date(rule: Rule, wanted: Wanted, calendar: WorkingCalendar) -> datetime.date:
    if wanted.due_on:
        return wanted.due_on
    return calendar.shift(wanted.anchor, rule.days, rule.unit)


@transaction.atomic
def sync_records(model, records: Iterable, *, rules=None, calendar=None) -> None:
    """Make the deadlines of `records` (all of one model) match the active rules."""
    records = [record for record in records if record.pk is not None]
    if not records:
        return
    field = RECORD_FIELDS[model]
    rules = rules if rules is not None else {rule.code: rule for rule in Rule.objects.all()}
    calendar = calendar or WorkingCalendar()
    consultations, inherited = {}, {}
    if model is Agreement:  # one query for the batch's consultations, one for the register
        for item in Consultation.objects.filter(agreement__in=records).order_by("pk"):
            consultations.setdefault(item.agreement_id, []).append(item)
        inherited = inherited_agreements(records)
    existing = {
        (row.rule_id, row.source): row
        for row in Deadline.objects.filter(**{f"{field}__in": records}).select_for_update()
    }
    creating, updating, keeping = [], [], set()
    for record in records:
        if model is Agreement:
            wanted_rows = wanted_for_agreement(
                record, consultations.get(record.pk, []), inherited.get(record.pk)
            )
        else:
            wanted_rows = WANTED[model](record)
        for wanted in wanted_rows:
            rule = rules.get(wanted.rule)
            if rule is None or not rule.active:
                continue
            due_on = due_date(rule, wanted, calendar)
            row = existing.get((rule.pk, wanted.source))
            if row is None:
                row = Deadline(
                    rule=rule,
                    source=wanted.source,
                    assignee_id=getattr(record, "created_by_id", None),
                    consultation=wanted.consultation,
                    **{wanted.record_field: record},
                )
                creating.append(row)
            else:
                keeping.add(row.pk)
                updating.append(row)
            row.trigger_on, row.due_on = wanted.trigger_on, due_on
            if wanted.done_on is not KEEP:
                row.done_on = wanted.done_on
            elif row.done_on and row.done_on < row.trigger_on:
                row.done_on = None  # done before the record says it arose: not this deadline
    stale = [row.pk for row in existing.values() if row.pk not in keeping]
    if stale:
        Deadline.objects.filter(pk__in=stale).delete()
    now = timezone.now()
    for row in updating:
        row.updated_at = now
    if updating:
        Deadline.objects.bulk_update(
            updating, ["trigger_on", "due_on", "done_on", "updated_at"], batch_size=BATCH_SIZE
        )
    if creating:
        Deadline.objects.bulk_create(creating, batch_size=BATCH_SIZE)
    if stale or updating or creating:
        counts.changed()


def sync_deadlines_for(record) -> None:
    """Bring one record's deadlines in step with it (an agreement, a delegation, an event, or
    a consultation, which belongs to its agreement). Call after the record and its related
    rows are saved, inside the write's transaction."""
    if isinstance(record, Consultation):
        record = record.agreement
    sync_records(record._meta.concrete_model, [record])


def sync_many(records: Iterable) -> None:
    """Sync records of one or several models (an import's rows), a batch at a time."""
    by_model = {}
    for record in records:
        by_model.setdefault(record._meta.concrete_model, []).append(record)
    rules = {rule.code: rule for rule in Rule.objects.all()}
    calendar = WorkingCalendar()
    for model, items in by_model.items():
        for start in range(0, len(items), BATCH_SIZE):
            sync_records(model, items[start : start + BATCH_SIZE], rules=rules, calendar=calendar)


def sync_all() -> int:
    """Every record again (after a rule or the calendar of days off changed). Returns the
    number of records read."""
    rules = {rule.code: rule for rule in Rule.objects.all()}
    calendar = WorkingCalendar()
    total = 0
    for model in WANTED:
        queryset = model._default_manager.order_by("pk")
        last = 0
        while True:
            batch = list(queryset.filter(pk__gt=last)[:BATCH_SIZE])
            if not batch:
                break
            sync_records(model, batch, rules=rules, calendar=calendar)
            total += len(batch)
            last = batch[-1].pk
    return total


# What staff and other apps do with deadlines ------------------------------------------------


@transaction.atomic
def mark_done(deadline: Deadline, done_on: datetime.date | None) -> Deadline:
    """Record that the deadline was met on `done_on` (None: not done after all)."""
    deadline.done_on = done_on
    deadline.full_clean()
    deadline.save(update_fields=["done_on", "updated_at"])
    counts.changed()
    return deadline


def rule_by_code(code: str) -> Rule:
    try:
        return Rule.objects.get(code=code)
    except Rule.DoesNotExist:
        raise ValidationError(
            _("Không có quy tắc thời hạn “%(code)s”.") % {"code": code}, code="unknown_rule"
        ) from None


def add_rule(
    code: str,
    name: str,
    days: int,
    *,
    unit: str = Unit.CALENDAR_DAYS,
    legal_basis: str = "",
    reminder_days: str = "",
    overdue_every: int = 1,
) -> Rule:
    """A new kind of deadline (e.g. from a migration of another app). Leaves an existing rule
    of that code as managers set it."""
    rule, _created = Rule.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "days": days,
            "unit": unit,
            "legal_basis": legal_basis,
            "reminder_days": reminder_days,
            "overdue_every": overdue_every,
            "order": (Rule.objects.count() + 1) * 10,
        },
    )
    return rule


@transaction.atomic
def set_deadline(code: str, record, trigger_on: datetime.date, *, key: str = "") -> Deadline:
    """A deadline under rule `code` for `record` (an agreement, delegation or event) that the
    caller derives itself, e.g. another app's register. Raises ValidationError for an unknown
    rule; creating it again moves it."""
    rule = rule_by_code(code)
    field = RECORD_FIELDS[record._meta.concrete_model]
    source = f"{field}:{record.pk}" + (f":{key}" if key else "")
    due_on = WorkingCalendar().shift(trigger_on, rule.days, rule.unit)
    deadline, _created = Deadline.objects.update_or_create(
        rule=rule,
        source=source,
        defaults={"trigger_on": trigger_on, "due_on": due_on, field: record},
        create_defaults={
            "trigger_on": trigger_on,
            "due_on": due_on,
            field: record,
            "assignee_id": getattr(record, "created_by_id", None),
        },
    )
    counts.changed()
    return deadline
