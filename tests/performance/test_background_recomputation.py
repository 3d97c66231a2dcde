"""After someone's write, the dashboard shows the previous figures for a moment while one
thread recomputes them, so that nobody waits; whoever made the write sees it at once."""

import datetime
import logging
import re
import threading

import pytest
from django.test import Client

from delegations.models import Delegation
from foreignaffairs.core import stats_cache
from tests.factories import DelegationFactory, UserFactory, with_role

# The recomputation runs in a thread of its own, with its own connection: it reads committed
# data only.
pytestmark = pytest.mark.django_db(transaction=True)

DASHBOARD = "/dashboard/?year=2017"
NEW_VISIT = {
    "title": "Đoàn Thị trưởng Osaka",
    "direction": "incoming",
    "level": "other",
    "country": "JP",
    "start_date": "2017-04-05",
    "status": "completed",
}


def finish_recomputations() -> None:
    for thread in threading.enumerate():
        if thread.name.startswith(stats_cache.RECOMPUTING_THREAD):
            thread.join(timeout=60)


def in_another_request() -> None:
    """A request that did not make the write (its thread has read the version since)."""
    stats_cache.data_version()


def incoming(response) -> int:
    return next(
        card["value"] for card in response.context["cards"] if card["key"] == "incoming_delegations"
    )


def add_a_visit(client) -> None:
    response = client.post("/api/v1/delegations/", NEW_VISIT, content_type="application/json")
    assert response.status_code == 201, response.content


@pytest.fixture
def leader_client():
    client = Client()
    client.force_login(with_role(UserFactory(username="lanhdao", is_staff=False)))
    return client


@pytest.fixture
def staff_client():
    client = Client()
    client.force_login(UserFactory(username="canbo", is_superuser=True))
    return client


def test_the_previous_value_is_served_while_a_thread_recomputes_it(stats_cache_on):
    stats_cache.cached("incoming", compute=lambda: 155, background=True)
    stats_cache.data_changed()
    in_another_request()
    computed_in = []

    def compute():
        computed_in.append(threading.current_thread().name)
        return 156

    assert stats_cache.cached("incoming", compute=compute, background=True) == 155
    finish_recomputations()
    assert stats_cache.cached("incoming", compute=lambda: 157, background=True) == 156
    assert len(computed_in) == 1
    assert computed_in[0].startswith(stats_cache.RECOMPUTING_THREAD)


def test_a_failed_recomputation_keeps_the_previous_value_and_says_why(stats_cache_on, caplog):
    stats_cache.cached("incoming", compute=lambda: 155, background=True)
    stats_cache.data_changed()
    in_another_request()

    def fail():
        raise RuntimeError("the database does not answer")

    with caplog.at_level(logging.ERROR, logger="foreignaffairs.core.stats_cache"):
        assert stats_cache.cached("incoming", compute=fail, background=True) == 155
        finish_recomputations()
    assert stats_cache.cached("incoming", compute=lambda: 156, background=True) == 155
    assert "the database does not answer" in caplog.text


def test_a_figure_never_computed_is_computed_by_the_request(stats_cache_on):
    in_another_request()
    assert stats_cache.cached("outgoing", compute=lambda: 21, background=True) == 21


def test_the_figures_cached_without_background_are_recomputed_by_the_request(stats_cache_on):
    stats_cache.cached("incoming", compute=lambda: 155)
    stats_cache.data_changed()
    in_another_request()
    assert stats_cache.cached("incoming", compute=lambda: 156) == 156


def test_a_leader_sees_the_previous_dashboard_then_the_new_one(
    stats_cache_on, leader_client, staff_client
):
    DelegationFactory(start_date=datetime.date(2017, 3, 10), status="completed")
    assert incoming(leader_client.get(DASHBOARD)) == 1

    add_a_visit(staff_client)

    assert incoming(leader_client.get(DASHBOARD)) == 1  # for a moment
    finish_recomputations()
    assert incoming(leader_client.get(DASHBOARD)) == 2


def test_whoever_wrote_sees_the_write_on_the_dashboard_at_once(
    stats_cache_on, leader_client, staff_client
):
    DelegationFactory(start_date=datetime.date(2017, 3, 10), status="completed")
    assert incoming(staff_client.get(DASHBOARD)) == 1
    add_a_visit(staff_client)
    staff_client.get("/admin/delegations/delegation/")  # on to another page first

    assert incoming(staff_client.get(DASHBOARD)) == 2
    assert Delegation.objects.count() == 2


def test_only_a_write_is_noted_in_the_session(stats_cache_on, leader_client, staff_client):
    """Reading pages notes nothing in the session: only a write does."""
    staff_client.get(DASHBOARD)
    leader_client.get(DASHBOARD)
    assert stats_cache.OWN_WRITE_SESSION_KEY not in staff_client.session
    add_a_visit(staff_client)
    assert stats_cache.OWN_WRITE_SESSION_KEY in staff_client.session
    assert stats_cache.OWN_WRITE_SESSION_KEY not in leader_client.session


def page(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def test_the_cached_dashboard_page_is_the_uncached_page(leader_client, settings, stats_cache_on):
    """Its parts are rendered once and cached with the figures (dashboard.CACHED_PARTS)."""
    DelegationFactory(start_date=datetime.date(2017, 3, 10), status="completed")
    settings.STATS_CACHE_SECONDS = 0
    uncached = page(leader_client.get(DASHBOARD))
    settings.STATS_CACHE_SECONDS = 300
    leader_client.get(DASHBOARD)
    assert page(leader_client.get(DASHBOARD)) == uncached

    DelegationFactory(start_date=datetime.date(2017, 4, 1), status="completed")
    leader_client.get(DASHBOARD)
    finish_recomputations()
    after_write = page(leader_client.get(DASHBOARD))
    settings.STATS_CACHE_SECONDS = 0
    assert after_write == page(leader_client.get(DASHBOARD)) != uncached
