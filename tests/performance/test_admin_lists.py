"""Admin lists over millions of rows: the count is estimated or capped, the year filters and
country choices read no whole table."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_countries import countries

from delegations.models import Delegation
from foreignaffairs.core import admin_base
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/delegations/delegation/"


@pytest.fixture
def cap_of_five(monkeypatch):
    monkeypatch.setattr(admin_base, "COUNT_CAP", 5)


def seven_visits():
    for day in range(1, 8):
        DelegationFactory(start_date=datetime.date(2017, 3, day))


def test_a_filtered_list_past_the_cap_says_more_than_the_cap(admin_client, cap_of_five):
    seven_visits()
    response = admin_client.get(LIST, {"year": 2017})
    assert str(response.context["cl"].result_count) == "hơn 5"
    assert "hơn 5" in response.content.decode()


def test_a_filtered_list_counts_no_further_than_the_cap(admin_client, cap_of_five):
    seven_visits()
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(LIST, {"year": 2017})
    counts = [
        q["sql"]
        for q in queries.captured_queries
        if "COUNT(" in q["sql"].upper() and "delegations_delegation" in q["sql"]
    ]
    assert counts and all("LIMIT 6" in sql for sql in counts)


def test_a_small_list_is_counted_exactly(admin_client, cap_of_five):
    for day in range(1, 4):
        DelegationFactory(start_date=datetime.date(2017, 3, day))
    response = admin_client.get(LIST, {"year": 2017})
    assert response.context["cl"].result_count == 3
    assert str(response.context["cl"].result_count) == "3"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's table statistics")
def test_the_unfiltered_list_takes_postgresqls_estimate(admin_client, cap_of_five):
    seven_visits()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Delegation._meta.db_table}")
    response = admin_client.get(LIST)
    assert str(response.context["cl"].result_count) == "khoảng 7"


def test_without_an_estimate_the_unfiltered_list_is_capped(admin_client, cap_of_five):
    seven_visits()
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL estimates the table's rows")
    response = admin_client.get(LIST)
    assert str(response.context["cl"].result_count) == "hơn 5"


def test_the_year_filter_offers_every_year_from_the_first_to_the_last(admin_client):
    DelegationFactory(start_date=datetime.date(2014, 3, 1))
    DelegationFactory(start_date=datetime.date(2017, 3, 1))
    response = admin_client.get(LIST)
    year_filter = next(
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == "year"
    )
    offered = [choice[0] for choice in year_filter.lookup_choices]
    assert offered == ["2017", "2016", "2015", "2014"]


def test_the_country_choices_follow_writes(admin_client, settings):
    settings.STATS_CACHE_SECONDS = 300
    chile = countries.name("CL")
    DelegationFactory(country="JP")
    assert chile not in admin_client.get(LIST).content.decode()
    DelegationFactory(country="CL")
    assert chile in admin_client.get(LIST).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        LIST,
        "/admin/delegations/event/",
        "/admin/agreements/agreement/",
        "/admin/partners/partnerlocality/",
    ],
)
def test_a_search_never_runs_again_to_find_the_years_of_its_matches(admin_client, url):
    DelegationFactory(title="Đoàn Thị trưởng Osaka", start_date=datetime.date(2014, 3, 1))
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url, {"q": "osaka"})
    assert response.status_code == 200
    searching = [q["sql"] for q in queries.captured_queries if "search_text" in q["sql"]]
    # The page and its capped count; no DISTINCT years, no first and last dates of the matches.
    assert len(searching) == 2, searching
    assert not [sql for sql in searching if "DISTINCT" in sql.upper() or "MIN(" in sql.upper()]


def test_the_searched_list_costs_the_same_queries_whatever_it_finds(
    admin_client, django_assert_max_num_queries
):
    for day in range(1, 21):
        DelegationFactory(title=f"Đoàn Osaka {day}", start_date=datetime.date(2017, 3, day))
    admin_client.get(LIST, {"q": "osaka"})  # the cached country choices
    with django_assert_max_num_queries(8):
        response = admin_client.get(LIST, {"q": "osaka"})
    assert len(response.context["cl"].result_list) == 20
