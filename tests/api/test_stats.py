import datetime

import pytest
from django.utils import timezone

from foreignaffairs.core import daily_counts
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
            "metric": "incoming_delegations",
            "same_definition": True,
            "definition_note": "",
        }
    }
    assert rows[0]["incoming_delegations"] == 2  # never added to the recorded count
    assert rows[1]["reported"] == {}


def test_the_yearly_api_says_when_a_published_figure_counts_something_else(token_client, db):
    ReportedFigureFactory(
        metric="outgoing_leader_delegations",
        value=21,
        source="001_e37889e8850a963b.txt — bài về Hội nghị tổng kết",
    )
    row = token_client.get("/api/v1/stats/yearly/?from=2017&to=2017").json()["results"][0]
    published = row["reported"]["outgoing_delegations"]
    assert (published["metric"], published["same_definition"]) == (
        "outgoing_leader_delegations",
        False,
    )
    assert "định nghĩa khác nhau" in published["definition_note"]
    assert published["source"].startswith("Bài về Hội nghị tổng kết công tác đối ngoại năm 2017")


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
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    for query in ("from=2017&to=2017", "from=2000&to=2030"):
        # key, last use, 8 figures, published figures
        with django_assert_max_num_queries(11):
            assert token_client.get(f"/api/v1/stats/yearly/?{query}").status_code == 200


@pytest.mark.parametrize("by", stats.YEAR_BREAKDOWNS)
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


# Any period ---------------------------------------------------------------------------------


def period(client, query):
    return client.get(f"/api/v1/stats/period/?{query}")


def test_a_period_answers_its_figures_beside_the_same_period_a_year_earlier(token_client, db):
    DelegationFactory(start_date=datetime.date(2017, 6, 30), end_date=datetime.date(2017, 7, 2))
    DelegationFactory(start_date=datetime.date(2017, 7, 1), member_count=4)
    DelegationFactory(start_date=datetime.date(2016, 3, 1), member_count=9)
    DelegationFactory(start_date=datetime.date(2016, 7, 1))
    body = period(token_client, "from=2017-01-01&to=2017-06-30").json()
    assert body["period"] == {
        "from": "2017-01-01",
        "to": "2017-06-30",
        "label": "6 tháng đầu năm 2017",
    }
    assert body["figures"]["incoming_delegations"] == 1
    previous = body["previous"]
    assert previous["period"]["from"] == "2016-01-01"
    assert previous["period"]["to"] == "2016-06-30"
    assert previous["figures"]["incoming_delegations"] == 1
    assert previous["figures"]["incoming_persons"] == 9
    assert previous["change"]["incoming_delegations"] == {"difference": 0, "percent": 0.0}


def test_the_first_year_of_records_is_not_compared_with_the_year_before(token_client, db):
    DelegationFactory(start_date=datetime.date(2017, 3, 1))
    body = period(token_client, "from=2017-01-01&to=2017-12-31").json()
    assert body["figures"]["incoming_delegations"] == 1
    assert body["previous"] is None
    assert body["records_begin"] == "2017-01-01"


def test_a_running_period_compares_with_the_same_days_of_last_year(token_client, db):
    today = timezone.localdate()
    DelegationFactory(start_date=today.replace(year=today.year - 2, month=1, day=1))
    DelegationFactory(start_date=today.replace(year=today.year - 1, month=1, day=1))
    # Last year, after today's date: not in the same period.
    later = today.replace(year=today.year - 1) + datetime.timedelta(days=1)
    if later.year == today.year - 1:
        DelegationFactory(start_date=later)
    body = period(token_client, f"from={today.year}-01-01&to={today.year}-12-31").json()
    assert body["counted_until"] == today.isoformat()
    assert body["previous"]["period"]["to"] == today.replace(year=today.year - 1).isoformat()
    assert body["previous"]["figures"]["incoming_delegations"] == 1


def test_published_figures_in_the_period_carry_their_own_period_and_definition(token_client, db):
    DelegationFactory(start_date=datetime.date(2017, 1, 5))
    ReportedFigureFactory(
        metric="outgoing_leader_delegations",
        value=21,
        source="001_e37889e8850a963b.txt — bài về Hội nghị tổng kết",
    )
    ReportedFigureFactory(
        metric="incoming_delegations",
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 6, 30),
        value=1,
    )
    body = period(token_client, "from=2017-01-01&to=2017-12-31").json()
    rows = {row["metric"]: row for row in body["reported"]}
    leaders = rows["outgoing_leader_delegations"]
    assert leaders["same_definition"] is False
    assert "định nghĩa khác nhau" in leaders["definition_note"]
    assert leaders["completeness"] is None
    assert "001_e37889e8850a963b.txt" not in leaders["source"]
    assert "Hội nghị tổng kết công tác đối ngoại năm 2017" in leaders["source"]
    half = rows["incoming_delegations"]
    assert half["period"] == {
        "from": "2017-01-01",
        "to": "2017-06-30",
        "label": "01/01/2017 – 30/06/2017",
    }
    assert (half["recorded"], half["completeness"], half["same_definition"]) == (1, 100, True)


def test_a_period_answers_the_breakdowns_asked_for(token_client, db):
    DelegationFactory(start_date=datetime.date(2017, 2, 1), country="CL")
    body = period(
        token_client, "from=2017-01-01&to=2017-03-31&breakdown=continent&breakdown=month"
    ).json()
    assert body["breakdowns"]["continent"] == [{"key": "americas", "label": "châu Mỹ", "count": 1}]
    assert [row["count"] for row in body["breakdowns"]["month"]] == [0, 1, 0]


@pytest.mark.parametrize(
    "query, field",
    [
        ("from=2017-07-01&to=2017-06-30", "to"),
        ("from=2000-01-01&to=2020-01-01", "to"),
        ("from=2017-01-01&to=2017-06-30&breakdown=planet", "breakdown"),
        ("from=2017-13-01&to=2017-12-31", "from"),
        ("from=01/01/2017&to=2017-12-31", "from"),
        ("to=2017-12-31", "from"),
        ("from=1899-01-01&to=1899-12-31", "from"),
    ],
)
def test_bad_periods_are_400_in_the_documented_shape(token_client, db, query, field):
    response = period(token_client, query)
    assert response.status_code == 400
    body = response.json()
    assert isinstance(body[field], list) and all(isinstance(m, str) for m in body[field])


def test_twenty_years_is_the_longest_period(token_client, db):
    assert period(token_client, "from=2000-01-01&to=2019-12-31").status_code == 200


def test_the_period_endpoint_is_in_the_schema(token_client, db):
    schema = token_client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/stats/period/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"from", "to", "breakdown"}
    assert "400" in operation["responses"]


def test_period_queries_are_fixed(token_client, db, django_assert_max_num_queries):
    DelegationFactory(start_date=datetime.date(2016, 2, 1))
    daily_counts.bring_up_to_date()
    for query in (
        "from=2017-01-01&to=2017-06-30",
        "from=2000-01-01&to=2019-12-31&breakdown=continent&breakdown=cooperation_field",
    ):
        with django_assert_max_num_queries(18):
            assert period(token_client, query).status_code == 200
