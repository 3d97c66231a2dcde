import datetime

import pytest

from foreignaffairs.reports import stats
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
    ReportedFigureFactory,
)


@pytest.fixture
def records(db):
    """2016-2018: a little of everything the counting rules count, and what they ignore."""
    PartnerLocalityFactory(established_on=datetime.date(2016, 8, 1), country="FR")
    partner = PartnerLocalityFactory(established_on=None, country="KR")
    DelegationFactory(level="head_of_state", country="CL", start_date=datetime.date(2017, 11, 12))
    DelegationFactory(country="JP", start_date=datetime.date(2017, 12, 30))
    DelegationFactory(country="JP", status="cancelled", start_date=datetime.date(2017, 5, 1))
    DelegationFactory(direction="outgoing", country="KR", start_date=datetime.date(2018, 4, 2))
    EventFactory(start_date=datetime.date(2017, 6, 1))
    EventFactory(status="cancelled", start_date=datetime.date(2017, 7, 1))
    AgreementFactory(
        establishes_relationship=True, signed_on=datetime.date(2018, 1, 15), partners=[partner]
    )
    ReportedFigureFactory(metric="incoming_delegations", value=155, source="Báo cáo năm 2017")


def test_yearly_figures_are_those_of_the_stats_module(token_client, records):
    response = token_client.get("/api/v1/stats/yearly/?from=2016&to=2018")
    assert response.status_code == 200
    rows = {row["year"]: row for row in response.json()["results"]}
    assert list(rows) == [2016, 2017, 2018]
    expected = stats.yearly_figures(2016, 2018)
    for year in (2016, 2017, 2018):
        assert {key: rows[year][key] for key in stats.FIGURE_KEYS} == expected[year]
    assert (rows[2017]["incoming_delegations"], rows[2017]["high_level_delegations"]) == (2, 1)
    assert rows[2017]["hosted_events"] == 1
    assert (rows[2018]["outgoing_delegations"], rows[2018]["agreements_signed"]) == (1, 1)


def test_published_figures_stand_beside_the_counts(token_client, records):
    rows = token_client.get("/api/v1/stats/yearly/?from=2017&to=2018").json()["results"]
    assert rows[0]["reported"] == {
        "incoming_delegations": {
            "value": 155.0,
            "qualifier": "exact",
            "source": "Báo cáo năm 2017",
        }
    }
    assert rows[0]["incoming_delegations"] == 2  # never added to the recorded count
    assert rows[1]["reported"] == {}


def test_the_default_range_is_the_years_with_data(token_client, records):
    rows = token_client.get("/api/v1/stats/yearly/").json()["results"]
    assert [row["year"] for row in rows] == [2016, 2017, 2018]
    assert stats.data_years() == (2016, 2018)


def test_one_end_given_reaches_to_the_other_end_of_the_data(token_client, records):
    rows = token_client.get("/api/v1/stats/yearly/?from=2017").json()["results"]
    assert [row["year"] for row in rows] == [2017, 2018]
    rows = token_client.get("/api/v1/stats/yearly/?to=2016").json()["results"]
    assert [row["year"] for row in rows] == [2016]


def test_no_data_and_no_years_gives_no_rows(token_client):
    assert token_client.get("/api/v1/stats/yearly/").json() == {"results": []}


@pytest.mark.parametrize(
    "query, field",
    [
        ("from=2012a", "from"),
        ("to=next", "to"),
        ("from=2020&to=2012", "from"),
        ("from=1900&to=2001", "to"),
        ("from=1899", "from"),
    ],
)
def test_invalid_year_ranges_are_400(token_client, query, field):
    response = token_client.get(f"/api/v1/stats/yearly/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_a_hundred_years_is_the_longest_range(token_client):
    response = token_client.get("/api/v1/stats/yearly/?from=1925&to=2025")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 101


def test_yearly_queries_do_not_grow_with_the_range(
    token_client, records, django_assert_max_num_queries
):
    for query in ("from=2017&to=2017", "from=2000&to=2030"):
        # key, last use, 8 figures, published figures
        with django_assert_max_num_queries(11):
            assert token_client.get(f"/api/v1/stats/yearly/?{query}").status_code == 200


@pytest.mark.parametrize("by", stats.BREAKDOWNS)
def test_breakdowns_are_those_of_the_stats_module(token_client, records, by):
    response = token_client.get(f"/api/v1/stats/breakdown/?year=2017&by={by}")
    assert response.status_code == 200
    assert response.json() == {"year": 2017, "by": by, "results": stats.breakdown(2017, by)}


def test_breakdown_by_continent_counts_received_delegations(token_client, records):
    rows = token_client.get("/api/v1/stats/breakdown/?year=2017&by=continent").json()["results"]
    assert {row["key"]: row["count"] for row in rows} == {"americas": 1, "asia": 1}


@pytest.mark.parametrize(
    "query, field",
    [("by=country", "year"), ("year=2017", "by"), ("year=2017&by=planet", "by")],
)
def test_invalid_breakdowns_are_400(token_client, query, field):
    response = token_client.get(f"/api/v1/stats/breakdown/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_statistics_are_read_only(staff_client):
    assert staff_client.post("/api/v1/stats/yearly/", {}).status_code == 405
