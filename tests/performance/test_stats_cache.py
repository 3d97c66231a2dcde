"""The cached path: the dashboard and the statistics endpoints served from Django's cache
until a write to a counted model."""

import dataclasses
import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from agreements.models import Agreement
from bench.xlsx_import import write_sample_delegations
from delegations.models import Delegation
from delegations.resources import DelegationResource
from foreignaffairs.core import stats_cache
from foreignaffairs.core.spreadsheets.large_files import import_file
from foreignaffairs.reports.dashboard import dashboard_context, select_year
from tests.data.conftest import load_fixtures, seed_demo
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
    ReportedFigureFactory,
)

pytestmark = pytest.mark.django_db

DASHBOARD = "/dashboard/?year=2017"
YEARLY = "/api/v1/stats/yearly/?from=2016&to=2017"
SHOWN = ("year", "running", "summary", "cards", "charts", "attention")


@pytest.fixture
def records(db):
    partner = PartnerLocalityFactory(name="Osaka", established_on=datetime.date(2010, 5, 1))
    DelegationFactory(start_date=datetime.date(2017, 3, 10), level="head_of_state")
    DelegationFactory(start_date=datetime.date(2016, 5, 1), partner=partner)
    DelegationFactory(direction="outgoing", start_date=datetime.date(2017, 9, 1))
    EventFactory(start_date=datetime.date(2017, 6, 1))
    agreement = AgreementFactory(signed_on=datetime.date(2017, 9, 15), partners=[partner])
    ImplementationActivityFactory(agreement=agreement, date=datetime.date(2018, 1, 10))
    ReportedFigureFactory()
    return partner


def shown(response) -> dict:
    return {key: response.context[key] for key in SHOWN}


def incoming_2017(staff_client) -> int:
    rows = staff_client.get(YEARLY).json()["results"]
    return next(row for row in rows if row["year"] == 2017)["incoming_delegations"]


def test_the_cached_dashboard_shows_what_the_uncached_one_shows(records, leader_client, settings):
    uncached = shown(leader_client.get(DASHBOARD))
    settings.STATS_CACHE_SECONDS = 300
    first, second = leader_client.get(DASHBOARD), leader_client.get(DASHBOARD)
    assert shown(first) == uncached
    assert shown(second) == uncached


def test_the_cached_dashboard_reads_nothing_but_the_session(
    records, leader_client, stats_cache_on, django_assert_num_queries
):
    leader_client.get(DASHBOARD)
    with django_assert_num_queries(3):  # the session, its user and whether it holds a role
        response = leader_client.get(DASHBOARD)
    assert response.status_code == 200


def lazy_strings(value, path="") -> list[str]:
    """Where `value` (dicts, lists, tuples, dataclasses) holds lazy translations."""
    if isinstance(value, Promise):
        return [path]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    if isinstance(value, dict):
        return [
            found for key, item in value.items() for found in lazy_strings(item, f"{path}.{key}")
        ]
    if isinstance(value, list | tuple):
        return [
            found for i, item in enumerate(value) for found in lazy_strings(item, f"{path}[{i}]")
        ]
    return []


def test_the_cached_dashboard_holds_text_not_lazy_translations(records, rf):
    """The cached context is read back on every page view, and each lazy string in it is
    rebuilt then (a class per string): the dashboard is cached per language, as text."""
    today = timezone.localdate()
    with translation.override("vi"):
        context = dashboard_context(select_year(rf.get(DASHBOARD), today), today)
    assert lazy_strings(context) == []
    assert lazy_strings({"title": gettext_lazy("Năm")}) == [".title"]  # it finds them


def test_the_cached_yearly_statistics_equal_the_uncached_ones(records, staff_client, settings):
    uncached = staff_client.get(YEARLY).json()
    settings.STATS_CACHE_SECONDS = 300
    assert staff_client.get(YEARLY).json() == uncached
    assert staff_client.get(YEARLY).json() == uncached


def test_the_breakdowns_are_cached_per_language(records, staff_client, stats_cache_on):
    url = "/api/v1/stats/breakdown/?year=2017&by=country"
    vietnamese = staff_client.get(url).json()["results"][0]["label"]
    english = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]["label"]
    assert (vietnamese, english) == ("Nhật Bản", "Japan")


def create(records):
    DelegationFactory(start_date=datetime.date(2017, 4, 1))


def update(records):
    planned = Delegation.objects.get(start_date=datetime.date(2016, 5, 1))
    planned.start_date = datetime.date(2017, 5, 1)
    planned.save()


def delete(records):
    Delegation.objects.get(start_date=datetime.date(2017, 3, 10)).delete()


def bulk_create_then_bump(records):
    Delegation.objects.bulk_create(
        [
            Delegation(
                title="Đoàn nhập từ tệp",
                country="JP",
                status="completed",
                start_date=datetime.date(2017, 2, 1),
            )
        ]
    )
    stats_cache.bump_data_version()  # what seed_demo and bulk imports do


@pytest.mark.parametrize(
    "write, change",
    [(create, +1), (update, +1), (delete, -1), (bulk_create_then_bump, +1)],
)
def test_a_write_shows_at_once_in_the_cached_figures(
    records, staff_client, stats_cache_on, write, change
):
    before = incoming_2017(staff_client)
    write(records)
    assert incoming_2017(staff_client) == before + change


def test_a_bulk_delete_in_the_admin_shows_at_once_in_the_cached_figures(
    records, staff_client, stats_cache_on
):
    before = incoming_2017(staff_client)
    visit = Delegation.objects.get(start_date=datetime.date(2017, 3, 10))
    # The list's "delete selected" deletes in SQL, without each record's delete().
    response = staff_client.post(
        "/admin/delegations/delegation/",
        {"action": "delete_selected", "_selected_action": [visit.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert incoming_2017(staff_client) == before - 1


def test_linking_records_through_the_api_forgets_the_cached_dashboard(
    records, staff_client, stats_cache_on
):
    agreement = Agreement.objects.get()
    other = PartnerLocalityFactory(name="Busan", country="KR")
    version = stats_cache.data_version()
    response = staff_client.patch(
        f"/api/v1/agreements/{agreement.pk}/",
        {"partners": [records.pk, other.pk]},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert stats_cache.data_version() != version


def test_seed_demo_forgets_the_cached_figures(stats_cache_on, staff_client, settings):
    url = "/api/v1/stats/yearly/?from=2017&to=2017"
    assert staff_client.get(url).json()["results"][0]["incoming_delegations"] == 0
    load_fixtures()
    stats_cache.bump_data_version()  # loaddata writes raw rows, as in `make run`
    before = staff_client.get(url).json()["results"][0]["incoming_delegations"]
    seed_demo()
    after = staff_client.get(url).json()["results"][0]["incoming_delegations"]
    assert before < after == 155  # the published 2017 figure the demo is calibrated to


def test_a_bulk_write_without_the_bump_would_serve_old_figures(
    records, staff_client, stats_cache_on
):
    """Why bulk paths must call bump_data_version(): bulk_create sends no signal."""
    before = incoming_2017(staff_client)
    Delegation.objects.bulk_create(
        [
            Delegation(
                title="Đoàn nhập từ tệp",
                country="JP",
                status="completed",
                start_date=datetime.date(2017, 2, 1),
            )
        ]
    )
    assert incoming_2017(staff_client) == before


def test_figures_cached_before_the_commit_are_forgotten_at_the_commit(
    stats_cache_on, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        DelegationFactory(start_date=datetime.date(2017, 4, 1))
        # Another request caches figures between the write and the commit.
        during = stats_cache.data_version()
    assert stats_cache.data_version() != during


def test_writes_in_one_transaction_bump_once_at_once_and_again_at_the_commit(
    stats_cache_on, django_capture_on_commit_callbacks
):
    stats_cache.data_version()
    with django_capture_on_commit_callbacks() as callbacks:
        first = stats_cache.data_version()
        for day in range(1, 6):
            DelegationFactory(start_date=datetime.date(2017, 4, day))
        during = stats_cache.data_version()
    # One immediate bump (nothing read the version between the writes) ...
    assert during != first
    # ... and one more at the commit for each record saved, none lost to a rollback.
    assert set(callbacks) == {stats_cache.bump_data_version}


def test_the_api_count_is_cached_and_follows_writes(records, staff_client, stats_cache_on):
    url = "/api/v1/delegations/?year=2017"
    assert staff_client.get(url).json()["count"] == 2
    DelegationFactory(start_date=datetime.date(2017, 4, 1))
    assert staff_client.get(url).json()["count"] == 3


def test_each_filter_has_its_own_cached_count_and_every_page_shares_it(
    records, staff_client, stats_cache_on
):
    counts = {
        query: staff_client.get(f"/api/v1/delegations/?{query}&page_size=1").json()["count"]
        for query in ("year=2017", "year=2016", "direction=outgoing", "")
    }
    assert counts == {"year=2017": 2, "year=2016": 1, "direction=outgoing": 1, "": 3}
    # Another page and page size of a list counted already: no COUNT query.
    with CaptureQueriesContext(connection) as first_page:
        staff_client.get("/api/v1/delegations/?year=2016&direction=incoming&page_size=1")
    with CaptureQueriesContext(connection) as next_page:
        response = staff_client.get("/api/v1/delegations/?year=2017&page=2&page_size=1")
    assert response.json()["count"] == 2
    assert len(next_page.captured_queries) == len(first_page.captured_queries) - 1
    assert not any("COUNT(" in query["sql"] for query in next_page.captured_queries)


class CallsRecorded:
    """The cache, noting the name of each method called on it."""

    def __init__(self, cache):
        self.cache, self.calls = cache, []

    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(self.cache, name)


def test_a_kept_figure_is_read_with_the_data_version_in_one_call(
    records, staff_client, stats_cache_on, monkeypatch
):
    """An API page asks for its count on every request: one round trip to the cache reads
    both the data version and the count, and serves the count while the version holds."""
    url = "/api/v1/delegations/?year=2017"
    assert staff_client.get(url).json()["count"] == 2  # counted and kept
    recorded = CallsRecorded(cache)
    monkeypatch.setattr(stats_cache, "cache", recorded)
    with CaptureQueriesContext(connection) as queries:
        assert staff_client.get(url).json()["count"] == 2
    assert recorded.calls == ["get_many"]
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)


def test_an_excel_import_forgets_the_cached_figures(staff_client, stats_cache_on, tmp_path):
    url = "/api/v1/stats/yearly/?from=2015&to=2015"
    assert staff_client.get(url).json()["results"][0]["incoming_delegations"] == 0
    # Rows 1, 2 and 4 of the sample are incoming visits, completed, in January 2015.
    summary = import_file(DelegationResource, write_sample_delegations(tmp_path / "d.xlsx", 5))
    assert summary.new == 5
    assert staff_client.get(url).json()["results"][0]["incoming_delegations"] == 3


# No thundering herd ------------------------------------------------------------------------


def another_request_is_recomputing(name: str) -> None:
    """What a request in another worker holds while it recomputes `name` after a write."""
    figure = ":".join([name, translation.get_language() or ""])
    cache.add(f"stats:recomputing:{stats_cache.data_version()}:{figure}", 1)


def in_another_request():
    """A request that did not make the write (its thread has read since)."""
    stats_cache.data_version()


def test_while_one_request_recomputes_the_others_serve_the_previous_figure(stats_cache_on):
    assert stats_cache.cached("incoming", compute=lambda: 155) == 155
    stats_cache.data_changed()
    in_another_request()
    another_request_is_recomputing("incoming")

    computed = []
    value = stats_cache.cached("incoming", compute=lambda: computed.append(1) or 156)

    assert (value, computed) == (155, [])


def test_the_recomputed_figure_is_served_once_it_is_ready(stats_cache_on):
    stats_cache.cached("incoming", compute=lambda: 155)
    stats_cache.data_changed()
    in_another_request()

    assert stats_cache.cached("incoming", compute=lambda: 156) == 156  # took the lock
    another_request_is_recomputing("incoming")  # a late lock changes nothing now
    assert stats_cache.cached("incoming", compute=lambda: 157) == 156


def test_the_request_that_wrote_sees_its_write_even_during_a_recomputation(stats_cache_on):
    stats_cache.cached("incoming", compute=lambda: 155)
    in_another_request()
    version = stats_cache.data_version()
    stats_cache.bump_data_version()
    language = translation.get_language()
    cache.add(f"stats:recomputing:{cache.get(stats_cache.VERSION_KEY)}:incoming:{language}", 1)

    value = stats_cache.cached("incoming", compute=lambda: 156)

    assert version != cache.get(stats_cache.VERSION_KEY)
    assert value == 156


def test_a_figure_never_computed_is_computed_even_during_a_recomputation(stats_cache_on):
    in_another_request()
    another_request_is_recomputing("outgoing")

    assert stats_cache.cached("outgoing", compute=lambda: 40) == 40
