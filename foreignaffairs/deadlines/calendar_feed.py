"""A person's private calendar (iCalendar, RFC 5545) of upcoming visits, events and their own
deadlines, for Outlook, Google Calendar and Thunderbird to subscribe to. Written with the
`icalendar` library; every item is an all-day VEVENT with a stable UID."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from delegations.models import Delegation, Event, EventStatus
from delegations.models import Status as DelegationStatus
from foreignaffairs.deadlines.models import Deadline

# What the feed covers, around today.
PAST_DAYS = 30
FUTURE_DAYS = 365
# At most this many visits and this many events (the nearest first).
MAX_ITEMS = 500
UID_DOMAIN = "doingoai.hochiminhcity"


def all_day(uid: str, summary: str, start: datetime.date, end: datetime.date | None, stamp):
    item = CalendarEvent()
    item.add("uid", f"{uid}@{UID_DOMAIN}")
    item.add("dtstamp", stamp)
    item.add("summary", summary)
    item.add("dtstart", start)
    item.add("dtend", (end or start) + datetime.timedelta(days=1))  # exclusive end
    item.add("transp", "TRANSPARENT")
    return item


def build(user, today: datetime.date) -> bytes:
    since = today - datetime.timedelta(days=PAST_DAYS)
    until = today + datetime.timedelta(days=FUTURE_DAYS)
    stamp = timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//So Ngoai vu TP. Ho Chi Minh//Viec can lam//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Đối ngoại — {user.get_full_name() or user.get_username()}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)

    delegations = (
        Delegation.objects.exclude(status=DelegationStatus.CANCELLED)
        .filter(start_date__gte=since, start_date__lte=until)
        .order_by("start_date", "id")[:MAX_ITEMS]
    )
    for delegation in delegations:
        item = all_day(
            f"delegation-{delegation.pk}",
            f"[{delegation.get_direction_display()}] {delegation.title}",
            delegation.start_date,
            delegation.end_date,
            stamp,
        )
        item.add("categories", [str(delegation.get_direction_display())])
        calendar.add_component(item)

    events = (
        Event.objects.exclude(status=EventStatus.CANCELLED)
        .filter(start_date__gte=since, start_date__lte=until)
        .order_by("start_date", "id")[:MAX_ITEMS]
    )
    for event in events:
        item = all_day(f"event-{event.pk}", event.title, event.start_date, event.end_date, stamp)
        if event.venue:
            item.add("location", event.venue)
        calendar.add_component(item)

    deadlines = Deadline.objects.pending().assigned_to(user).with_records().order_by("due_on")
    for deadline in deadlines[:MAX_ITEMS]:
        item = all_day(
            f"deadline-{deadline.pk}",
            f"Hạn: {deadline.rule.name} — {deadline.record}",
            deadline.due_on,
            None,
            stamp,
        )
        if deadline.rule.legal_basis:
            item.add("description", f"Căn cứ: {deadline.rule.legal_basis}")
        item.add("categories", ["Thời hạn"])
        calendar.add_component(item)
    return calendar.to_ical()
