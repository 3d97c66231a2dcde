"""The default demo, together with the real records, gives the published figures when counted
with the counting rules (foreignaffairs.reports.stats)."""

import datetime

import pytest
from django.core.management import call_command

from agreements.models import Agreement
from delegations.models import Delegation, Event
from foreignaffairs.core.origins import Origin
from foreignaffairs.reports import published, stats
from foreignaffairs.reports.exchanges import dormant_partners
from foreignaffairs.reports.models import Qualifier, ReportedFigure
from plans.models import AnnualPlan, ItemState, PlanItem
from plans.progress import unplanned
from tests.data.conftest import FIXTURES, TODAY

APPROXIMATE_TOLERANCE = 0.10  # "khoảng 140": within 10 %
PANDEMIC_YEARS = (2020, 2021)
FULL_YEARS = range(2012, TODAY.year)


def compared_figures(qualifier):
    """Every published city figure of that qualifier with the count recorded over its period."""
    years = {figure.period_end.year for figure in ReportedFigure.objects.for_city()}
    return [
        row
        for year in sorted(years)
        for row in published.reported_for_year(year)
        if row["figure"].qualifier == qualifier and row["recorded"] is not None
    ]


def assert_exact_figures_equal_the_records():
    rows = compared_figures(Qualifier.EXACT)
    assert len(rows) == 8  # 2012 first half; five 2017 figures; partners and agreements 2023
    for row in rows:
        assert row["recorded"] == row["figure"].value, row["figure"]


def test_every_exact_city_figure_equals_the_recorded_count(demo):
    assert_exact_figures_equal_the_records()


def test_approximate_city_figures_are_within_ten_percent(demo):
    rows = compared_figures(Qualifier.APPROXIMATE)
    assert rows
    for row in rows:
        value = float(row["figure"].value)
        assert abs(row["recorded"] - value) <= APPROXIMATE_TOLERANCE * value, row["figure"]


def test_more_than_figures_are_reached(demo):
    rows = compared_figures(Qualifier.AT_LEAST)
    assert rows
    for row in rows:
        assert row["recorded"] >= row["figure"].value, row["figure"]


def test_the_2017_dashboard_row_shows_the_published_year(demo):
    # The published figures are the former city's: on its basis (the merged city adds the
    # former provinces' partners of that time).
    figures = stats.year_figures(2017, Origin.HCMC)
    assert figures["incoming_delegations"] == 155
    assert figures["outgoing_delegations"] == 21
    assert figures["agreements_signed"] == 12
    assert figures["new_relationship_agreements"] == 4
    assert figures["new_partner_localities"] == 4
    assert figures["partner_localities_total"] == 48


def test_about_140_incoming_delegations_a_year_around_2023(demo):
    for year in (2023, 2024):
        received = stats.year_figures(year, Origin.HCMC)["incoming_delegations"]
        assert abs(received - 140) <= APPROXIMATE_TOLERANCE * 140, year


def test_forty_or_more_hosted_events_every_year_but_the_pandemic(demo):
    yearly = stats.yearly_figures(FULL_YEARS.start, FULL_YEARS.stop - 1)
    for year, figures in yearly.items():
        if year not in PANDEMIC_YEARS:
            assert figures["hosted_events"] >= 40, year


def test_reloading_the_fixtures_after_seeding_keeps_every_figure(demo):
    before = stats.yearly_figures(2012, TODAY.year)
    call_command("loaddata", *FIXTURES, verbosity=0)
    assert stats.yearly_figures(2012, TODAY.year) == before
    assert_exact_figures_equal_the_records()


# The shape of the demo -------------------------------------------------------------------


def test_about_five_to_ten_percent_of_incoming_delegations_are_high_level(demo):
    received = Delegation.objects.received()
    share = received.high_level().count() / received.count()
    assert 0.05 <= share <= 0.10


def test_asia_sends_the_most_delegations_every_year(demo):
    for year in FULL_YEARS:
        rows = stats.breakdown(year, "continent")
        assert rows[0]["key"] == "asia", year


def test_fewer_visits_in_the_tet_months_than_in_autumn(demo):
    by_month = dict.fromkeys(range(1, 13), 0)
    for year in range(2013, 2020):
        for row in stats.breakdown(year, "month"):
            by_month[row["key"]] += row["count"]
    assert by_month[1] + by_month[2] < 0.6 * (by_month[10] + by_month[11])


def test_the_covid_years_dip(demo):
    yearly = stats.yearly_figures(2019, 2022)
    assert yearly[2020]["incoming_delegations"] < yearly[2019]["incoming_delegations"] / 2
    assert yearly[2021]["incoming_delegations"] < yearly[2022]["incoming_delegations"]


@pytest.mark.parametrize(
    "panel",
    [
        "visits_not_closed_out",
        "upcoming_visits",
        "events_not_closed_out",
        "upcoming_events",
        "dormant_agreements",
        "expiring_agreements",
        "agreements_being_negotiated",
        "dormant_partners",
    ],
)
def test_every_attention_panel_has_something_to_show(demo, panel):
    queryset = {
        "visits_not_closed_out": lambda: Delegation.objects.needs_update(TODAY),
        "upcoming_visits": lambda: Delegation.objects.upcoming(TODAY, 60),
        "events_not_closed_out": lambda: Event.objects.needs_update(TODAY),
        "upcoming_events": lambda: Event.objects.upcoming(TODAY, 60),
        "dormant_agreements": lambda: Agreement.objects.dormant(TODAY),
        "expiring_agreements": lambda: Agreement.objects.expiring(TODAY, 180),
        "agreements_being_negotiated": lambda: Agreement.objects.filter(signed_on__isnull=True),
        "dormant_partners": lambda: dormant_partners(TODAY),
    }[panel]()
    assert queryset.filter(is_demo=True).exists()


def test_only_some_agreements_are_dormant(demo):
    in_force = Agreement.objects.with_follow_up(TODAY).filter(effective_status="in_force")
    dormant = in_force.filter(dormant=True).count()
    assert 0.1 * in_force.count() <= dormant <= 0.4 * in_force.count()


def test_visits_not_closed_out_are_recent_and_of_this_year(demo):
    stale = Delegation.objects.needs_update(TODAY)
    assert all(
        d.start_date.year == TODAY.year and TODAY - d.start_date <= datetime.timedelta(days=45)
        for d in stale
    )


def test_every_demo_year_has_a_programme_partly_done_partly_late_and_records_outside_it(demo):
    assert set(AnnualPlan.objects.values_list("year", flat=True)) >= set(range(2012, 2026))
    for year in (2017, 2023):
        counts = PlanItem.objects.of_year(year).progress(TODAY)
        assert counts[ItemState.DONE] > counts["total"] / 2, year
        assert counts["late"] > 0, year
        assert counts[ItemState.CANCELLED] > 0 or counts[ItemState.NOT_STARTED] > 0, year
        assert sum(unplanned(year).values()) > 0, year
    late_approvals = [plan for plan in AnnualPlan.objects.all() if plan.approved_late(TODAY)]
    assert 0 < len(late_approvals) < AnnualPlan.objects.count() / 2
