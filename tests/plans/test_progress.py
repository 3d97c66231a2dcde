"""The annual programme against what happened: item states, late items, unplanned records,
approval on time, suggestions."""

import datetime

import pytest

from foreignaffairs.core import daily_counts
from plans.models import ItemState, PlanItem, period_end
from plans.progress import suggestions, unplanned, year_progress
from tests.factories import (
    AgreementFactory,
    AnnualPlanFactory,
    DelegationFactory,
    EventFactory,
    PlanItemFactory,
)

pytestmark = pytest.mark.django_db
MID_2017 = datetime.date(2017, 7, 15)


def state_of(item) -> str:
    return PlanItem.objects.with_state().get(pk=item.pk).state


def test_an_item_is_done_when_a_linked_visit_took_place():
    item = PlanItemFactory(delegations=[DelegationFactory(status="completed")])

    assert state_of(item) == ItemState.DONE


def test_an_item_is_in_progress_while_its_visit_is_only_planned_or_confirmed():
    item = PlanItemFactory(delegations=[DelegationFactory(status="confirmed")])

    assert state_of(item) == ItemState.IN_PROGRESS


def test_an_item_with_nothing_linked_is_not_started_and_a_cancelled_one_is_cancelled():
    waiting = PlanItemFactory()
    dropped = PlanItemFactory(cancelled=True, delegations=[DelegationFactory()])

    assert state_of(waiting) == ItemState.NOT_STARTED
    assert state_of(dropped) == ItemState.CANCELLED


def test_event_and_agreement_items_are_done_when_held_or_signed():
    event_item = PlanItemFactory(kind="event")
    event_item.events.set([EventFactory(status="held", start_date=datetime.date(2017, 5, 2))])
    agreement_item = PlanItemFactory(kind="agreement")
    agreement_item.agreements.set([AgreementFactory(status="negotiating", signed_on=None)])

    assert state_of(event_item) == ItemState.DONE
    assert state_of(agreement_item) == ItemState.IN_PROGRESS


def test_the_due_date_is_the_end_of_the_planned_month_quarter_or_year():
    assert period_end(2024, 2, None) == datetime.date(2024, 2, 29)
    assert period_end(2024, None, 3) == datetime.date(2024, 9, 30)
    assert period_end(2024, None, None) == datetime.date(2024, 12, 31)
    item = PlanItemFactory(quarter=None, month=4)
    assert item.due_on == datetime.date(2017, 4, 30)


def test_progress_counts_states_and_late_items_in_one_query(django_assert_num_queries):
    PlanItemFactory(delegations=[DelegationFactory(status="completed")])
    PlanItemFactory(quarter=1)  # not started, first quarter over by mid-July: late
    PlanItemFactory(quarter=4)  # not started, not late yet
    PlanItemFactory(cancelled=True, quarter=1)  # cancelled: never late
    PlanItemFactory(plan=AnnualPlanFactory(year=2018))  # another year

    with django_assert_num_queries(1):
        counts = PlanItem.objects.of_year(2017).progress(MID_2017)

    assert counts["total"] == 4
    assert counts[ItemState.DONE] == 1
    assert counts[ItemState.NOT_STARTED] == 2
    assert counts[ItemState.CANCELLED] == 1
    assert counts["late"] == 1


def test_unplanned_counts_only_the_years_counted_records_linked_to_no_item():
    planned = DelegationFactory(status="completed", start_date=datetime.date(2017, 4, 1))
    PlanItemFactory(delegations=[planned])
    DelegationFactory(status="completed", start_date=datetime.date(2017, 6, 1))
    DelegationFactory(status="planned", start_date=datetime.date(2017, 6, 1))  # not counted
    DelegationFactory(status="completed", start_date=datetime.date(2016, 6, 1))  # other year
    DelegationFactory(direction="outgoing", start_date=datetime.date(2017, 9, 1))
    AgreementFactory(signed_on=datetime.date(2017, 3, 3))

    extra = unplanned(2017)

    assert extra["incoming"] == 1
    assert extra["outgoing"] == 1
    assert extra["agreement"] == 1
    assert extra["event"] == 0


def test_a_programme_approved_after_the_31_december_before_is_flagged_late():
    on_time = AnnualPlanFactory(year=2017, approved_on=datetime.date(2016, 12, 20))
    late = AnnualPlanFactory(year=2018, approved_on=datetime.date(2018, 1, 15))
    missing = AnnualPlanFactory(year=2019, approved_on=None, decision_number="")

    assert not on_time.approved_late(MID_2017)
    assert late.approved_late(MID_2017)
    assert missing.approved_late(datetime.date(2019, 1, 2))
    assert not missing.approved_late(datetime.date(2018, 12, 30))


def test_a_record_linked_to_two_items_or_hosted_under_one_is_planned_once():
    visit = DelegationFactory(status="completed", start_date=datetime.date(2017, 4, 1))
    PlanItemFactory(delegations=[visit])
    PlanItemFactory(delegations=[visit])
    event = EventFactory(start_date=datetime.date(2017, 5, 1))
    EventFactory(start_date=datetime.date(2017, 5, 2))
    PlanItemFactory(kind="event").events.add(event)

    extra = unplanned(2017)

    assert (extra["incoming"], extra["event"]) == (0, 1)


def test_a_year_without_a_programme_past_its_deadline_is_flagged(django_assert_max_num_queries):
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    # The plan, its items' states, the year's per-day counts (2), the records linked (3).
    with django_assert_max_num_queries(7):
        progress = year_progress(2017, MID_2017)

    assert progress["plan"] is None
    assert progress["approved_late"] is True
    assert progress["counts"]["total"] == 0


def test_suggestions_are_the_years_records_of_the_items_country_nearest_the_month_first():
    item = PlanItemFactory(kind="incoming", country="KR", month=5, quarter=None)
    may = DelegationFactory(country="KR", start_date=datetime.date(2017, 5, 20))
    december = DelegationFactory(country="KR", start_date=datetime.date(2017, 12, 1))
    DelegationFactory(country="JP", start_date=datetime.date(2017, 5, 20))  # other country
    DelegationFactory(country="KR", start_date=datetime.date(2016, 5, 20))  # other year
    linked = DelegationFactory(country="KR", start_date=datetime.date(2017, 5, 2))
    item.delegations.add(linked)  # already linked: not suggested again

    assert suggestions(item) == [may, december]
