"""The demo's two former provinces (issue 20): Bình Dương and Bà Rịa – Vũng Tàu hold partners,
agreements, visits and events from 2019 to the merger at a smaller scale than the former city,
one partner is shared with it, and the published figures still hold on the city's basis."""

import datetime

from django.core.management import call_command

from agreements.models import Agreement, InheritedAgreementFollowUp
from delegations.models import Delegation, Event
from foreignaffairs.core.origins import MERGER_DATE, Origin
from foreignaffairs.deadlines.models import INHERITED_DECISION, Deadline
from foreignaffairs.reports import stats
from partners.models import PartnerLocality, PartnerOrigin
from tests.data.conftest import seed_demo

BD, BRVT, HCMC = Origin.BINH_DUONG, Origin.BA_RIA_VUNG_TAU, Origin.HCMC
NORMAL_YEARS = (2019, 2023, 2024)


def test_binh_duong_holds_a_smaller_provinces_records(demo):
    partners = stats.year_figures(2025, BD)["partner_localities_total"]
    assert 15 <= partners <= 25
    for year in NORMAL_YEARS:
        province = stats.year_figures(year, BD)
        city = stats.year_figures(year, HCMC)
        assert 15 <= province["incoming_delegations"] <= 25, year
        assert 1 <= province["agreements_signed"] < city["agreements_signed"], year
        assert province["hosted_events"] < city["hosted_events"], year


def test_ba_ria_vung_tau_is_smaller_still(demo):
    for year in NORMAL_YEARS:
        smaller, larger = stats.year_figures(year, BRVT), stats.year_figures(year, BD)
        assert 0 < smaller["incoming_delegations"] < larger["incoming_delegations"], year
    assert 5 <= stats.year_figures(2025, BRVT)["partner_localities_total"] < 15


def test_the_pandemic_years_dip_in_the_provinces_too(demo):
    for origin in (BD, BRVT):
        yearly = stats.yearly_figures(2019, 2022, origin)
        assert yearly[2020]["incoming_delegations"] < yearly[2019]["incoming_delegations"] / 2


def test_the_provinces_records_are_demo_and_stop_at_the_merger(demo):
    for model, date_field in (
        (Delegation, "start_date"),
        (Event, "start_date"),
        (Agreement, "signed_on"),
    ):
        records = model.objects.filter(origin__in=[BD, BRVT])
        assert records.exists() and not records.filter(is_demo=False).exists()
        assert not records.filter(**{f"{date_field}__gte": MERGER_DATE}).exists()
        assert not records.filter(**{f"{date_field}__lt": datetime.date(2019, 1, 1)}).exists()
    titles = Delegation.objects.filter(origin=BD).values_list("title", flat=True)
    assert all("Bình Dương" in title for title in titles)


def test_one_partner_is_shared_by_the_former_city_and_binh_duong(demo):
    (shared,) = PartnerLocality.objects.filter(origins__origin=BD).distinct()
    rows = {row.origin: row for row in shared.origins.all()}
    assert set(rows) == {HCMC, BD}
    assert shared.origin == HCMC and shared.is_demo
    # The merged relationship is the earliest: the city's, so its published totals hold.
    assert shared.established_on == rows[HCMC].established_on < rows[BD].established_on
    # Once in the merged total, once in each origin's.
    everyone = PartnerLocality.objects.active_on(datetime.date(2024, 12, 31))
    assert everyone.filter(pk=shared.pk).count() == 1
    merged = stats.year_figures(2024)["partner_localities_total"]
    by_origin = sum(
        stats.year_figures(2024, origin)["partner_localities_total"] for origin in Origin.values
    )
    assert by_origin == merged + 1


def test_the_merged_city_adds_the_provinces_to_the_former_city(demo):
    for year in NORMAL_YEARS:
        merged = stats.year_figures(year)["incoming_delegations"]
        parts = sum(stats.year_figures(year, origin)["incoming_delegations"] for origin in Origin)
        assert merged == parts > stats.year_figures(year, HCMC)["incoming_delegations"]


def test_the_inherited_register_has_decided_and_awaiting_agreements(demo):
    inherited = Agreement.objects.inherited()
    assert inherited.filter(origin=BD).count() >= 10
    assert inherited.filter(origin=BRVT).exists()
    decided = InheritedAgreementFollowUp.objects.exclude(decision="")
    assert decided.exists() and all(row.is_demo for row in decided)
    assert Agreement.objects.awaiting_decision().count() > decided.count()


def test_syncing_gives_each_awaiting_agreement_its_deadline(demo):
    call_command("sync_deadlines", verbosity=0)
    deadlines = Deadline.objects.filter(rule__code=INHERITED_DECISION)
    awaiting = set(Agreement.objects.awaiting_decision().values_list("pk", flat=True))
    assert set(deadlines.pending().values_list("agreement", flat=True)) == awaiting
    assert deadlines.filter(done_on__isnull=False).count() == (
        InheritedAgreementFollowUp.objects.exclude(decision="").count()
    )


def test_clearing_the_demo_removes_the_shared_relationships(demo):
    seed_demo("--clear")
    assert not PartnerOrigin.objects.exists()
    assert not Agreement.objects.filter(origin__in=[BD, BRVT]).exists()
