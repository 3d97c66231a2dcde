"""The API lists compile each list's query once per process (core.rest.compiled_rows) and read
every page with it: the pages must still hold the records as they are now, in their order, for
the filters and the ordering asked."""

import datetime

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from delegations.models import Delegation
from foreignaffairs.core.rest import compiled_rows
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def compilations(monkeypatch):
    """The lists compiled during the test (none kept from earlier tests)."""
    monkeypatch.setattr(compiled_rows, "_kept", type(compiled_rows._kept)())
    compiled = []
    real_init = compiled_rows.CompiledRows.__init__

    def counting_init(self, queryset):
        compiled.append(queryset.model)
        real_init(self, queryset)

    monkeypatch.setattr(compiled_rows.CompiledRows, "__init__", counting_init)
    return compiled


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_every_page_holds_the_records_as_they_are_now(token_client, compilations):
    for day in range(1, 6):
        DelegationFactory(title=f"Đoàn {day}", start_date=datetime.date(2017, 3, day))

    pages = [
        titles(token_client.get("/api/v1/delegations/", {"page_size": 2, "page": number}))
        for number in (1, 2, 3)
    ]
    assert pages == [["Đoàn 5", "Đoàn 4"], ["Đoàn 3", "Đoàn 2"], ["Đoàn 1"]]

    Delegation.objects.filter(title="Đoàn 4").update(title="Đoàn 4 (đã sửa)")
    DelegationFactory(title="Đoàn 6", start_date=datetime.date(2017, 3, 6))
    first = token_client.get("/api/v1/delegations/", {"page_size": 2})
    assert titles(first) == ["Đoàn 6", "Đoàn 5"]
    assert titles(token_client.get("/api/v1/delegations/", {"page_size": 2, "page": 2})) == [
        "Đoàn 4 (đã sửa)",
        "Đoàn 3",
    ]
    # Compiled once for every page and page size of the list, before and after the writes.
    assert compilations == [Delegation]


def test_each_filter_and_ordering_has_its_own_query(token_client, compilations):
    DelegationFactory(title="Đoàn Nhật Bản", country="JP", start_date=datetime.date(2017, 1, 1))
    DelegationFactory(title="Đoàn Pháp", country="FR", start_date=datetime.date(2017, 2, 1))

    assert titles(token_client.get("/api/v1/delegations/", {"country": "JP"})) == ["Đoàn Nhật Bản"]
    assert titles(token_client.get("/api/v1/delegations/", {"country": "FR"})) == ["Đoàn Pháp"]
    assert titles(token_client.get("/api/v1/delegations/", {"ordering": "title"})) == [
        "Đoàn Nhật Bản",
        "Đoàn Pháp",
    ]
    assert titles(token_client.get("/api/v1/delegations/", {"ordering": "-title"})) == [
        "Đoàn Pháp",
        "Đoàn Nhật Bản",
    ]
    assert titles(token_client.get("/api/v1/delegations/", {"search": "phap"})) == ["Đoàn Pháp"]
    assert len(compilations) == 5


def test_a_wrong_filter_is_still_refused_after_a_right_one(token_client, compilations):
    DelegationFactory(country="JP")
    assert token_client.get("/api/v1/delegations/", {"country": "JP"}).status_code == 200

    response = token_client.get("/api/v1/delegations/", {"country": "XX"})

    assert response.status_code == 400
    assert "country" in response.json()
    assert len(compilations) == 1


def test_a_page_past_the_last_is_a_404_as_before(token_client, compilations):
    DelegationFactory()

    response = token_client.get("/api/v1/delegations/", {"page": 2})

    assert response.status_code == 404
    assert response.json() == {"detail": "Trang không hợp lệ."}


FILTERS = {
    "origin": "binh_duong",
    "year": "2017",
    "start_date_after": "2017-01-01",
    "start_date_before": "2017-12-31",
    "country": "jp",
    "continent": "asia",
    "partner": "1",
    "search": "binh duong",
    "ordering": "-start_date",
    "status": "cancelled",
}


@pytest.mark.parametrize("path", ["/api/v1/delegations/", "/api/v1/events/"])
@pytest.mark.parametrize("name", FILTERS)
def test_building_a_list_s_query_reads_no_data(token_client, compilations, monkeypatch, path, name):
    """A list's SQL is kept for every later page and request: a filter that read records while
    the query was built (a list of ids instead of a subquery) would keep filtering by the
    records of that moment."""
    built = []
    real_init = compiled_rows.CompiledRows.__init__

    def init_counting_queries(self, queryset):
        with CaptureQueriesContext(connections[queryset.db]) as queries:
            real_init(self, queryset)
        built.append(len(queries))

    monkeypatch.setattr(compiled_rows.CompiledRows, "__init__", init_counting_queries)
    response = token_client.get(path, {name: FILTERS[name]})

    assert response.status_code == 200, response.content
    assert built == [0]
