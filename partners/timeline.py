"""The history of a relationship with one partner locality, for its admin page.

Every delegation, agreement (with its implementation activities) and event with the partner,
plus the establishment and end of the relationship, in date order. Four queries whatever the
number of records.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, ImplementationActivity
from delegations.models import Delegation, Event
from partners.models import PartnerLocality


@dataclass(frozen=True)
class TimelineEntry:
    date: datetime.date | None  # None: an agreement still being negotiated
    kind: str
    title: str
    status: str = ""
    url: str = ""


def _change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def partner_timeline(partner: PartnerLocality) -> list[TimelineEntry]:
    entries = []
    if partner.established_on:
        entries.append(
            TimelineEntry(
                partner.established_on, _("Thiết lập quan hệ"), partner.get_relationship_display()
            )
        )
    if partner.ended_on:
        entries.append(TimelineEntry(partner.ended_on, _("Chấm dứt quan hệ"), str(partner)))
    for delegation in Delegation.objects.filter(partner=partner):
        entries.append(
            TimelineEntry(
                delegation.start_date,
                delegation.get_direction_display(),
                delegation.title,
                delegation.get_status_display(),
                _change_url(delegation),
            )
        )
    for agreement in Agreement.objects.filter(partners=partner):
        entries.append(
            TimelineEntry(
                agreement.signed_on,
                agreement.get_kind_display(),
                agreement.title,
                agreement.get_status_display(),
                _change_url(agreement),
            )
        )
    activities = ImplementationActivity.objects.filter(agreement__partners=partner)
    for activity in activities.select_related("agreement"):
        entries.append(
            TimelineEntry(
                activity.date,
                _("Hoạt động triển khai"),
                f"{activity.description} — {activity.agreement.title}",
                activity.get_kind_display(),
                _change_url(activity.agreement),
            )
        )
    for event in Event.objects.filter(partners=partner):
        entries.append(
            TimelineEntry(
                event.start_date,
                _("Sự kiện"),
                event.title,
                event.get_status_display(),
                _change_url(event),
            )
        )
    # Undated entries (agreements under negotiation) come last: they have not happened yet.
    return sorted(entries, key=lambda entry: (entry.date is None, entry.date or datetime.date.min))
