"""Figures over any period: the counting rules with the year replaced by two dates."""

import datetime

import pytest

from delegations.models import DelegationMember
from foreignaffairs.core import daily_counts
from foreignaffairs.reports import published, stats
from foreignaffairs.reports.periods import Period
from tests.dashboard.conftest import day
from tests.factories import (
    AgreementFactory,
    CooperationFieldFactory,
    DelegationFactory,
    PartnerLocalityFactory,
    ReportedFigureFactory,
)

FIRST_HALF_2012 = Period(day(2012, 1, 1), day(2012, 6, 30))


def incoming(period):
    return stats.period_figures(period)["incoming_delegations"]


def test_a_visit_from_30_june_to_2_july_belongs_to_the_first_half(db):
    DelegationFactory(start_date=day(2012, 6, 30), end_date=day(2012, 7, 2))
    assert incoming(FIRST_HALF_2012) == 1
    assert incoming(Period(day(2012, 7, 1), day(2012, 12, 31))) == 0


def test_a_period_over_a_year_end_counts_both_sides(db):
    DelegationFactory(start_date=day(2016, 12, 30), end_date=day(2017, 1, 2))
    DelegationFactory(start_date=day(2017, 1, 31))
    DelegationFactory(start_date=day(2017, 2, 1))  # the day after the period
    DelegationFactory(start_date=day(2016, 11, 30))  # the day before
    winter = Period(day(2016, 12, 1), day(2017, 1, 31))
    assert incoming(winter) == 2
    months = stats.period_breakdown(winter, "month")
    assert [(row["key"], row["count"]) for row in months] == [("2016-12", 1), ("2017-01", 1)]


def test_person_trips_sum_the_members_of_the_counted_delegations(db):
    DelegationFactory(start_date=day(2012, 3, 1), member_count=12)
    listed = DelegationFactory(start_date=day(2012, 4, 1), member_count=None)
    for name in ("An", "Bình", "Chi"):
        DelegationMember.objects.create(delegation=listed, name=name)
    DelegationFactory(start_date=day(2012, 5, 1), member_count=30, status="cancelled")
    DelegationFactory(start_date=day(2012, 5, 2), member_count=None)  # size unknown
    DelegationFactory(start_date=day(2012, 5, 3), member_count=7, direction="outgoing")
    figures = stats.period_figures(FIRST_HALF_2012)
    assert figures["incoming_delegations"] == 3
    assert figures["incoming_persons"] == 12 + 3
    assert figures["outgoing_persons"] == 7


def test_the_previous_period_is_the_same_dates_a_year_earlier(db):
    assert FIRST_HALF_2012.previous_year() == Period(day(2011, 1, 1), day(2011, 6, 30))
    leap_february = Period(day(2012, 2, 1), day(2012, 2, 29))
    assert leap_february.previous_year() == Period(day(2011, 2, 1), day(2011, 2, 28))
    assert Period(day(2011, 2, 1), day(2011, 2, 28)).previous_year().end == day(2010, 2, 28)
    DelegationFactory(start_date=day(2011, 6, 30))
    DelegationFactory(start_date=day(2011, 7, 1))  # second half: not in the same period
    now, before = stats.figures_for_periods([FIRST_HALF_2012, FIRST_HALF_2012.previous_year()])
    assert (now["incoming_delegations"], before["incoming_delegations"]) == (0, 1)


def test_partners_are_counted_on_the_last_day_of_the_period(db):
    PartnerLocalityFactory(established_on=day(2010, 1, 1))
    PartnerLocalityFactory(established_on=day(2012, 6, 30))
    PartnerLocalityFactory(established_on=day(2012, 7, 1))
    PartnerLocalityFactory(established_on=day(2009, 1, 1), ended_on=day(2012, 3, 1))
    figures = stats.period_figures(FIRST_HALF_2012)
    assert figures["partner_localities_total"] == 2
    assert figures["new_partner_localities"] == 1


def test_many_periods_cost_three_queries(db, django_assert_num_queries):
    periods = [Period.year(year) for year in range(2010, 2030)]
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    # Whether anything awaits a recount, the per-day counts, the partners.
    with django_assert_num_queries(3):
        stats.figures_for_periods(periods)


@pytest.mark.parametrize(
    ("period", "label"),
    [
        (Period.first_months(2026, 6), "6 tháng đầu năm 2026"),
        (Period.first_months(2026, 9), "9 tháng đầu năm 2026"),
        (Period.year(2017), "năm 2017"),
        (Period.quarter(2026, 1), "quý I năm 2026"),
        (Period.quarter(2026, 3), "quý III năm 2026"),
        (Period.month(2026, 3), "tháng 3 năm 2026"),
        (Period(day(2016, 12, 1), day(2017, 1, 31)), "từ ngày 01/12/2016 đến ngày 31/01/2017"),
    ],
)
def test_periods_are_named_as_the_reports_name_them(period, label):
    assert period.label == label


def test_international_organisations_are_a_group_of_their_own(db):
    DelegationFactory(start_date=day(2012, 3, 1), country="", level="international_organization")
    DelegationFactory(start_date=day(2012, 3, 2), country="JP")
    for by in ("continent", "country"):
        labels = [row["label"] for row in stats.period_breakdown(FIRST_HALF_2012, by)]
        assert "Tổ chức quốc tế" in labels
        assert "Không rõ" not in labels


def test_breakdown_by_cooperation_field_counts_visits_and_agreements(db):
    education = CooperationFieldFactory(name="Giáo dục")
    agreement = AgreementFactory(signed_on=day(2012, 2, 1))
    agreement.fields.add(education)
    visit = DelegationFactory(start_date=day(2012, 3, 1))
    visit.agreements.add(agreement)
    DelegationFactory(start_date=day(2012, 3, 2))  # linked to nothing
    rows = stats.period_breakdown(FIRST_HALF_2012, "cooperation_field")
    assert rows == [{"key": education.pk, "label": "Giáo dục", "count": 1, "agreements": 1}]


def test_a_period_ends_on_or_after_its_start():
    with pytest.raises(ValueError):
        Period(datetime.date(2012, 2, 1), datetime.date(2012, 1, 31))


@pytest.mark.parametrize(("recorded", "shown"), [(157, 100), (155, 100), (154, 99), (3, 2)])
def test_completeness_is_never_above_100_nor_100_before_complete(recorded, shown):
    figure = ReportedFigureFactory.build(value=155)
    assert published.completeness(recorded, figure) == shown


def test_completeness_is_not_given_for_another_definition():
    figure = ReportedFigureFactory.build(metric="outgoing_leader_delegations", value=21)
    assert published.completeness(21, figure) is None
