"""The benchmark compares like with like: its hand-written SQL gives the app's figures, its
bare view the API's rows."""

import datetime
import json

import pytest
from django.db import connection

from bench import bare_wsgi, sql
from foreignaffairs.core import daily_counts
from foreignaffairs.reports import stats
from foreignaffairs.reports.attention import attention
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):
    partner = PartnerLocalityFactory(established_on=datetime.date(2015, 5, 1))
    DelegationFactory(start_date=datetime.date(2017, 3, 10), level="royalty")
    DelegationFactory(start_date=datetime.date(2016, 5, 1), partner=partner)
    DelegationFactory(start_date=datetime.date(2016, 6, 1), status="cancelled")
    DelegationFactory(direction="outgoing", start_date=datetime.date(2017, 9, 1))
    EventFactory(start_date=datetime.date(2017, 6, 1))
    EventFactory(start_date=datetime.date(2017, 7, 1), status="cancelled")
    AgreementFactory(signed_on=datetime.date(2017, 9, 15), establishes_relationship=True)
    AgreementFactory(signed_on=None, status="negotiating")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the floor is PostgreSQL SQL")
def test_the_hand_written_sql_counts_what_the_app_counts(records):
    with connection.cursor() as cursor:
        floor = sql.stats_yearly(cursor)
    first, last = stats.data_years()
    app = stats.yearly_figures(first, last)
    for key in stats.FIGURE_KEYS:
        assert {year: floor[key].get(year, 0) for year in app} == {
            year: figures[key] for year, figures in app.items()
        }, key


def test_the_bare_view_returns_the_rows_of_the_api_page(records, admin_client, settings):
    settings.ROOT_URLCONF = "bench.urls"
    query = "page_size=50&year=2017&direction=incoming&status=completed"
    api = admin_client.get(f"/api/v1/delegations/?{query}").json()["results"]
    bare = admin_client.get(f"/bench/bare/delegations/?{query}").json()["results"]
    assert [row["id"] for row in bare] == [row["id"] for row in api]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the floor is PostgreSQL SQL")
def test_the_http_floor_returns_the_rows_and_fields_of_the_api_page(records, admin_client):
    connection.ensure_connection()
    bare_wsgi._connection = connection.connection
    answer = {}
    body = bare_wsgi.application({}, lambda status, headers: answer.update(status=status))
    bare = json.loads(b"".join(body))["results"]
    api = admin_client.get("/api/v1/delegations/?page_size=50").json()["results"]

    assert answer["status"] == "200 OK"
    assert [{key: row[key] for key in sorted(row)} for row in bare] == [
        {key: row[key] for key in sorted(row)} for row in api
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the floor is PostgreSQL SQL")
def test_the_export_floor_writes_the_rows_of_the_api_export(records, admin_client):
    with connection.cursor() as cursor:
        cursor.execute(
            sql.EXPORT_DELEGATIONS,
            {"start": datetime.date(2017, 1, 1), "stop": datetime.date(2018, 1, 1)},
        )
        floor_ids = [row[0] for row in cursor.fetchall()]
        assert sql.export_delegations_xlsx(cursor, 2017) > 0
    response = admin_client.get("/api/v1/delegations/?format=csv&year=2017&direction=incoming")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[1:]

    assert [int(line.split(",")[0]) for line in lines] == floor_ids


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the floor is PostgreSQL SQL")
def test_the_hand_written_sql_lists_what_needs_attention_as_the_app_does(records):
    today = datetime.date.today()
    ImplementationActivityFactory(
        agreement=AgreementFactory(signed_on=datetime.date(2016, 1, 4)),
        date=datetime.date(2016, 3, 1),
    )
    daily_counts.bring_up_to_date()  # the bench's databases are recounted when built
    with connection.cursor() as cursor:
        floor = sql.dashboard(cursor, 2017, today)
    for section in attention(today):
        rows = floor[section["key"]]
        assert (rows[0][-1] if rows else 0) == section["count"], section["key"]
        shown = [int(item["url"].rstrip("/").split("/")[-2]) for item in section["items"]]
        assert [row[0] for row in rows] == shown, section["key"]
    assert floor["dormant_agreements"] and floor["dormant_partners"]
