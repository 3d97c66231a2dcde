"""The private calendar feed: a secret address per person, valid iCalendar, revocable."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from agreements.services import save_agreement
from foreignaffairs.deadlines.models import CalendarFeed
from tests.factories import AgreementFactory, DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db

TODO = "/admin/viec-can-lam/"
TODAY = timezone.localdate()


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def feed_url(officer_client, officer):
    officer_client.post(f"{TODO}lich/tao-moi/")
    return f"{TODO}lich/{CalendarFeed.objects.get(user=officer).token}.ics"


@pytest.fixture
def upcoming(officer):
    visit = DelegationFactory(
        title="Đoàn Thị trưởng Osaka",
        status="confirmed",
        start_date=TODAY + datetime.timedelta(days=10),
        end_date=TODAY + datetime.timedelta(days=12),
    )
    event = EventFactory(
        title="Diễn đàn Kinh tế TP.HCM",
        status="planned",
        kind="reception",
        venue="GEM Center",
        start_date=TODAY + datetime.timedelta(days=20),
    )
    agreement = save_agreement(
        AgreementFactory(
            title="MOU với Busan", signed_on=TODAY - datetime.timedelta(days=3), created_by=officer
        )
    )
    return visit, event, agreement


def test_the_feed_is_valid_icalendar_with_visits_events_and_my_deadlines(
    client, feed_url, upcoming
):
    visit, event, _agreement = upcoming

    response = client.get(feed_url)  # no login: calendar apps have only the address

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    uids = [str(item["UID"]) for item in calendar.walk("VEVENT")]
    assert len(set(uids)) == len(uids) == 3  # the visit, the event, the report deadline
    items = {str(item["UID"]): item for item in calendar.walk("VEVENT")}
    assert all(item.get("DTSTAMP") for item in items.values())

    trip = next(item for uid, item in items.items() if uid.startswith(f"delegation-{visit.pk}@"))
    assert str(trip["SUMMARY"]) == "[Đoàn vào] Đoàn Thị trưởng Osaka"
    assert trip.decoded("DTSTART") == visit.start_date
    assert trip.decoded("DTEND") == visit.end_date + datetime.timedelta(days=1)  # exclusive

    forum = next(item for uid, item in items.items() if uid.startswith(f"event-{event.pk}@"))
    assert str(forum["LOCATION"]) == "GEM Center"

    deadline = next(item for uid, item in items.items() if uid.startswith("deadline-"))
    assert "MOU với Busan" in str(deadline["SUMMARY"])
    assert deadline.decoded("DTSTART") == TODAY + datetime.timedelta(days=12)
    assert "70/2020/QH14" in str(deadline["DESCRIPTION"])


def test_a_revoked_address_answers_404(officer_client, client, feed_url):
    officer_client.post(f"{TODO}lich/thu-hoi/")

    assert client.get(feed_url).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_a_new_address_replaces_the_old_one(officer_client, client, feed_url):
    officer_client.post(f"{TODO}lich/tao-moi/")

    assert client.get(feed_url).status_code == 404
    new_url = officer_client.get(TODO).context["feed_url"]
    assert client.get(new_url).status_code == 200


def test_an_unknown_token_answers_404(client, db):
    assert client.get(f"{TODO}lich/khong-co-ma-nay.ics").status_code == 404


def test_a_deactivated_account_has_no_feed(client, officer, feed_url):
    officer.is_active = False
    officer.save()

    assert client.get(feed_url).status_code == 404
