"""The period page (picker, same period of last year, years side by side) and the dashboard's
five-year view."""

import re

import pytest

from foreignaffairs.core import daily_counts
from foreignaffairs.reports.comparison import side_by_side
from foreignaffairs.reports.periods import Period
from tests.dashboard.conftest import day
from tests.factories import DelegationFactory, PartnerLocalityFactory

URL = "/dashboard/period/"


def test_the_period_page_compares_with_the_same_period_of_last_year(leader_client):
    DelegationFactory(start_date=day(2016, 6, 30), member_count=5)
    DelegationFactory(start_date=day(2016, 7, 1))  # second half: another period
    DelegationFactory(start_date=day(2017, 3, 1), member_count=8)
    DelegationFactory(start_date=day(2017, 4, 1))
    response = leader_client.get(URL, {"from": "2017-01-01", "to": "2017-06-30"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Số liệu 6 tháng đầu năm 2017" in html
    rows = {str(row["label"]): row for row in response.context["rows"]}
    incoming = rows["Đoàn quốc tế đến Thành phố"]
    assert (incoming["value"], incoming["previous"]) == (2, 1)
    assert incoming["change"] == {"difference": 1, "percent": 100.0}
    assert rows["Lượt người đến Thành phố (thành viên đoàn vào)"]["value"] == 8
    assert "/reports/period.docx?from=2017-01-01&amp;to=2017-06-30" in html


def test_chosen_years_are_set_side_by_side_over_the_same_dates(leader_client):
    DelegationFactory(start_date=day(2015, 2, 1))
    DelegationFactory(start_date=day(2015, 8, 1))  # outside the first half
    DelegationFactory(start_date=day(2017, 2, 1))
    DelegationFactory(start_date=day(2017, 2, 2))
    response = leader_client.get(
        URL, {"from": "2017-01-01", "to": "2017-06-30", "years": "2015, 2016, 2017"}
    )
    columns = response.context["columns"]
    assert [column["label"] for column in columns] == ["2015", "2016", "2017"]
    assert columns[0]["period"] == Period(day(2015, 1, 1), day(2015, 6, 30))
    incoming = next(
        row for row in response.context["side_by_side"] if row["key"] == "incoming_delegations"
    )
    assert incoming["values"] == [1, 0, 2]


def test_years_before_the_records_begin_read_no_data_side_by_side(leader_client):
    DelegationFactory(start_date=day(2016, 2, 1))
    response = leader_client.get(URL, {"from": "2016-01-01", "to": "2016-12-31"})
    incoming = next(
        row for row in response.context["side_by_side"] if row["key"] == "incoming_delegations"
    )
    assert incoming["values"] == [None, None, None, None, 1]
    assert "chưa có số liệu" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2017-07-01", "to": "2017-06-30"}, "Ngày cuối kỳ không được trước ngày đầu kỳ."),
        ({"from": "2017-01-01", "to": "2017-06-30", "years": "2015, hai"}, "Nhập các năm là số"),
        (
            {
                "from": "2017-01-01",
                "to": "2017-06-30",
                "years": ",".join(map(str, range(2000, 2012))),
            },
            "So sánh tối đa 10 năm.",
        ),
    ],
)
def test_bad_input_on_the_period_page_says_what_is_wrong(leader_client, query, message):
    response = leader_client.get(URL, query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_period_page_without_a_period_offers_the_picker(leader_client):
    response = leader_client.get(URL)
    assert response.status_code == 200
    assert 'name="from"' in response.content.decode()


def test_the_period_page_runs_a_fixed_number_of_queries(
    leader_client, django_assert_max_num_queries
):
    for month in range(1, 13):
        DelegationFactory(start_date=day(2016, month, 1))
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    # Session, user, 3 activity years, 4 + 4 figures, 2 breakdowns.
    with django_assert_max_num_queries(16):
        leader_client.get(URL, {"from": "2012-01-01", "to": "2017-12-31", "years": "2016,2017"})


def test_the_dashboard_shows_five_years_side_by_side(leader_client):
    PartnerLocalityFactory(established_on=day(2005, 1, 1))
    DelegationFactory(start_date=day(2014, 3, 1))
    DelegationFactory(start_date=day(2017, 3, 1))
    response = leader_client.get("/dashboard/", {"year": 2017})
    view = response.context["five_years"]
    assert view["years"] == [2013, 2014, 2015, 2016, 2017]
    incoming = next(row for row in view["rows"] if row["key"] == "incoming_delegations")
    assert incoming["values"] == [None, 1, 0, 0, 1]  # 2013: before the records begin
    html = response.content.decode()
    assert re.search(r'id="five-years-title"', html)
    assert 'action="/dashboard/period/"' in html  # the period picker


def test_side_by_side_keeps_no_data_apart_from_zero():
    columns = [
        {"label": "2011", "period": Period.year(2011), "figures": {"incoming_delegations": 0}},
        {"label": "2012", "period": Period.year(2012), "figures": {"incoming_delegations": 0}},
    ]
    incoming = next(r for r in side_by_side(columns, 2012) if r["key"] == "incoming_delegations")
    assert incoming["values"] == [None, 0]
