"""Figures on two bases: the merged city (every origin, the default) or one former province."""

import datetime

import pytest

from foreignaffairs.core.origins import Origin
from foreignaffairs.reports import published, stats
from foreignaffairs.reports.periods import Period
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    PartnerLocalityFactory,
    ReportedFigureFactory,
)

pytestmark = pytest.mark.django_db

BD = Origin.BINH_DUONG
SIGNED = "agreements_signed"
TOTAL = "partner_localities_total"
NEW = "new_partner_localities"


def test_a_binh_duong_agreement_of_2024_counts_for_the_merged_city_not_for_hcmc():
    AgreementFactory(signed_on=datetime.date(2024, 4, 2), origin=BD)
    AgreementFactory(signed_on=datetime.date(2024, 9, 9))
    assert stats.year_figures(2024)[SIGNED] == 2
    assert stats.year_figures(2024, Origin.HCMC)[SIGNED] == 1
    assert stats.year_figures(2024, BD)[SIGNED] == 1
    assert stats.period_figures(Period.year(2024), Origin.HCMC)[SIGNED] == 1
    assert stats.period_figures(Period.year(2024))[SIGNED] == 2


def test_a_shared_partner_counts_once_merged_and_once_in_each_origin():
    partner = PartnerLocalityFactory(established_on=datetime.date(1997, 5, 1))
    partner.origins.create(origin=Origin.HCMC, established_on=datetime.date(2002, 3, 1))
    partner.origins.create(origin=BD, established_on=datetime.date(1997, 5, 1))
    PartnerLocalityFactory(established_on=datetime.date(2005, 1, 1), origin=BD)

    assert stats.year_figures(2024)[TOTAL] == 2
    assert stats.year_figures(2024, Origin.HCMC)[TOTAL] == 1
    assert stats.year_figures(2024, BD)[TOTAL] == 2
    assert stats.year_figures(2024, Origin.BA_RIA_VUNG_TAU)[TOTAL] == 0
    # Each origin's relationship begins on its own date.
    assert stats.year_figures(2000, Origin.HCMC)[TOTAL] == 0
    assert stats.year_figures(2002, Origin.HCMC)[NEW] == 1
    assert stats.year_figures(1997, BD)[NEW] == 1
    assert stats.year_figures(1997)[NEW] == 1
    assert stats.year_figures(2002)[NEW] == 0
    assert stats.period_figures(Period.year(2024))[TOTAL] == 2
    assert stats.period_figures(Period.year(2024), Origin.HCMC)[TOTAL] == 1


def test_breakdowns_follow_the_basis():
    DelegationFactory(start_date=datetime.date(2024, 5, 1), country="KR", origin=BD)
    DelegationFactory(start_date=datetime.date(2024, 6, 1), country="JP")
    assert [row["key"] for row in stats.breakdown(2024, "country", origin=Origin.HCMC)] == ["JP"]
    assert len(stats.breakdown(2024, "country")) == 2


def test_published_figures_before_the_merger_compare_with_the_former_city():
    DelegationFactory(start_date=datetime.date(2017, 3, 1))
    DelegationFactory(start_date=datetime.date(2017, 4, 1), origin=BD)
    ReportedFigureFactory(value=155)
    [row] = published.reported_for_year(2017)
    assert row["recorded"] == 1


def test_api_statistics_take_the_origin(token_client):
    AgreementFactory(signed_on=datetime.date(2024, 4, 2), origin=BD)
    merged = token_client.get("/api/v1/stats/yearly/?from=2024&to=2024").json()
    hcmc = token_client.get("/api/v1/stats/yearly/?from=2024&to=2024&origin=hcmc").json()
    assert merged["results"][0][SIGNED] == 1
    assert hcmc["results"][0][SIGNED] == 0
    period = token_client.get(
        "/api/v1/stats/period/?from=2024-01-01&to=2024-12-31&origin=binh_duong"
    ).json()
    assert period["figures"][SIGNED] == 1


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/stats/yearly/?origin=hanoi",
        "/api/v1/stats/breakdown/?year=2024&by=level&origin=hanoi",
        "/api/v1/stats/period/?from=2024-01-01&to=2024-12-31&origin=hanoi",
    ],
)
def test_api_statistics_refuse_an_unknown_origin(token_client, url):
    response = token_client.get(url)
    assert response.status_code == 400
    assert "origin" in response.json()
