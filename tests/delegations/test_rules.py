"""Counting rules 1, 2, 3 and 6 (DESIGN.md), with their edge cases."""

import datetime

import pytest

from delegations.models import HIGH_LEVELS, Delegation, Event, Level
from delegations.scheduling import UPCOMING_WITHIN_DAYS
from tests.factories import DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


# Rule 1: incoming delegations received in a year ---------------------------------------------


def test_a_visit_spanning_new_year_counts_in_the_year_it_started():
    visit = DelegationFactory(
        start_date=datetime.date(2025, 12, 30), end_date=datetime.date(2026, 1, 2)
    )

    assert list(Delegation.objects.received_in(2025)) == [visit]
    assert not Delegation.objects.received_in(2026).exists()


def test_visits_on_the_first_and_last_day_of_the_year_count_in_that_year():
    first = DelegationFactory(start_date=datetime.date(2025, 1, 1))
    last = DelegationFactory(start_date=datetime.date(2025, 12, 31))
    DelegationFactory(start_date=datetime.date(2024, 12, 31))

    assert set(Delegation.objects.received_in(2025)) == {first, last}


@pytest.mark.parametrize("status", ["planned", "confirmed", "cancelled"])
def test_visits_not_completed_are_not_counted(status):
    DelegationFactory(start_date=datetime.date(2025, 5, 1), status=status)

    assert not Delegation.objects.received_in(2025).exists()


def test_outgoing_delegations_are_not_counted_as_received():
    DelegationFactory(direction="outgoing", start_date=datetime.date(2025, 5, 1))

    assert not Delegation.objects.received_in(2025).exists()


@pytest.mark.parametrize("status", ["planned", "confirmed"])
def test_a_past_visit_still_planned_or_confirmed_needs_update(status):
    stale = DelegationFactory(start_date=TODAY - datetime.timedelta(days=1), status=status)

    assert list(Delegation.objects.needs_update(TODAY)) == [stale]


@pytest.mark.parametrize(
    ("start_date", "status"),
    [
        (TODAY, "planned"),  # starts today: not late yet
        (TODAY + datetime.timedelta(days=10), "planned"),
        (TODAY - datetime.timedelta(days=10), "completed"),
        (TODAY - datetime.timedelta(days=10), "cancelled"),
    ],
)
def test_visits_up_to_date_do_not_need_update(start_date, status):
    DelegationFactory(start_date=start_date, status=status)

    assert not Delegation.objects.needs_update(TODAY).exists()


# Rule 2: high-level delegations -------------------------------------------------------------


@pytest.mark.parametrize("level", Level.values)
def test_exactly_the_six_high_levels_count_as_high_level(level):
    DelegationFactory(level=level, start_date=datetime.date(2025, 5, 1))

    counted = Delegation.objects.received_in(2025).high_level().exists()

    assert counted is (level in HIGH_LEVELS)


def test_the_high_level_set_is_the_six_levels_of_the_design():
    assert set(HIGH_LEVELS) == {
        "head_of_state",
        "vice_head_of_state",
        "head_of_government",
        "deputy_head_of_government",
        "parliament_leader",
        "royalty",
    }


def test_a_high_level_visit_still_planned_is_not_counted():
    DelegationFactory(level="head_of_state", status="planned", start_date=datetime.date(2025, 5, 1))

    assert not Delegation.objects.received_in(2025).high_level().exists()


# Rule 3: outgoing delegations ---------------------------------------------------------------


def test_outgoing_delegations_count_in_their_start_year_when_completed():
    sent = DelegationFactory(
        direction="outgoing",
        start_date=datetime.date(2024, 12, 29),
        end_date=datetime.date(2025, 1, 3),
    )
    DelegationFactory(
        direction="outgoing", status="cancelled", start_date=datetime.date(2024, 6, 1)
    )
    DelegationFactory(direction="incoming", start_date=datetime.date(2024, 6, 1))

    assert list(Delegation.objects.sent_in(2024)) == [sent]
    assert not Delegation.objects.sent_in(2025).exists()


# Rule 6: hosted events ----------------------------------------------------------------------


def test_a_cancelled_event_is_not_counted():
    EventFactory(status="cancelled", start_date=datetime.date(2025, 3, 1))

    assert not Event.objects.hosted_in(2025).exists()


@pytest.mark.parametrize("role", ["host", "co_host"])
def test_hosted_and_co_hosted_events_are_counted(role):
    event = EventFactory(role=role, start_date=datetime.date(2025, 3, 1))

    assert list(Event.objects.hosted_in(2025)) == [event]


def test_an_event_spanning_new_year_counts_in_the_year_it_started():
    event = EventFactory(start_date=datetime.date(2025, 12, 31), end_date=datetime.date(2026, 1, 1))

    assert list(Event.objects.hosted_in(2025)) == [event]
    assert not Event.objects.hosted_in(2026).exists()


def test_a_past_event_still_planned_needs_update():
    stale = EventFactory(status="planned", start_date=TODAY - datetime.timedelta(days=1))
    EventFactory(status="planned", start_date=TODAY + datetime.timedelta(days=1))
    EventFactory(status="held", start_date=TODAY - datetime.timedelta(days=1))

    assert list(Event.objects.needs_update(TODAY)) == [stale]


# Upcoming visits and events (the dashboard's list and the admin filter) -------------------


@pytest.mark.parametrize(
    ("days_ahead", "expected"),
    [
        (0, True),  # starts today
        (UPCOMING_WITHIN_DAYS, True),  # the last day of the window
        (UPCOMING_WITHIN_DAYS + 1, False),  # one day beyond
        (-1, False),  # already started: needs update instead
    ],
)
@pytest.mark.parametrize(
    ("factory", "status"), [(DelegationFactory, "confirmed"), (EventFactory, "planned")]
)
def test_upcoming_looks_ahead_a_fixed_number_of_days(factory, status, days_ahead, expected):
    record = factory(status=status, start_date=TODAY + datetime.timedelta(days=days_ahead))

    assert list(record._meta.model.objects.upcoming(TODAY)) == ([record] if expected else [])


@pytest.mark.parametrize(
    ("factory", "status"),
    [(DelegationFactory, "completed"), (DelegationFactory, "cancelled"), (EventFactory, "held")],
)
def test_only_pending_records_are_upcoming(factory, status):
    record = factory(status=status, start_date=TODAY + datetime.timedelta(days=1))

    assert not record._meta.model.objects.upcoming(TODAY).exists()
