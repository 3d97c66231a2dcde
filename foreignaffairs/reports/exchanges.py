"""A partner's exchanges with the city, across the apps: the last one, dormancy, and the
timeline on its admin page.

The exchanges with a partner are: a completed delegation either way, a signed agreement, an
implementation activity under one, a held event with the partner. They live here, above the
domain apps, because a partner's own app knows nothing of delegations and agreements.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, ImplementationActivity
from agreements.models import Status as AgreementStatus
from delegations.models import Delegation, Event
from foreignaffairs.core import daily_counts
from foreignaffairs.core.dates import years_before
from foreignaffairs.reports.admin_links import admin_change_url
from partners.models import DORMANT_AFTER_YEARS, PartnerLocality


def exchange_sources() -> list[tuple[models.QuerySet, str]]:
    """The exchanges with the partner of the outer query, each with its date field."""
    partner = models.OuterRef("pk")
    return [
        (Delegation.objects.completed().filter(partner=partner), "start_date"),
        (Agreement.objects.signed().filter(partners=partner), "signed_on"),
        (ImplementationActivity.objects.filter(agreement__partners=partner), "date"),
        (Event.objects.held().filter(partners=partner), "start_date"),
    ]


# A partner's last exchange, stored and kept with the per-day counts.
LAST_EXCHANGE = daily_counts.LatestDate(
    PartnerLocality,
    "stored_last_exchange_on",
    sources=exchange_sources,
    links=(
        (Delegation, "delegations"),
        (Agreement, "agreements"),
        (ImplementationActivity, "agreements__activities"),
        (Event, "events"),
    ),
)


def dormant_q(today: datetime.date) -> Q:
    """A relationship not ended with no exchange for DORMANT_AFTER_YEARS, or none at all and
    established before that. Needs the `last_exchange_on` annotation (`with_last_exchange`).
    Never NULL (an unknown establishment date is not "before"), so that `dormant=False` keeps
    every partner that is not dormant."""
    cutoff = years_before(today, DORMANT_AFTER_YEARS)
    return Q(ended_on__isnull=True) & (
        Q(last_exchange_on__isnull=False, last_exchange_on__lt=cutoff)
        | Q(last_exchange_on__isnull=True, established_on__isnull=False, established_on__lt=cutoff)
    )


def with_last_exchange(partners: models.QuerySet, today: datetime.date | None = None):
    """`partners` annotated with `last_exchange_on` (stored, `LAST_EXCHANGE`; brought up to
    date first) and `dormant`."""
    today = today or timezone.localdate()
    daily_counts.bring_up_to_date(partners.db)
    return partners.annotate(last_exchange_on=models.F("stored_last_exchange_on")).annotate(
        dormant=models.ExpressionWrapper(dormant_q(today), models.BooleanField())
    )


def dormant_partners(today: datetime.date | None = None):
    return with_last_exchange(PartnerLocality.objects.all(), today).filter(dormant=True)


@dataclass(frozen=True)
class TimelineEntry:
    date: datetime.date | None  # None: an agreement still being negotiated
    kind: str
    title: str
    status: str = ""
    url: str = ""


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
                admin_change_url(delegation),
            )
        )
    today = timezone.localdate()
    for agreement in Agreement.objects.filter(partners=partner):
        entries.append(
            TimelineEntry(
                agreement.signed_on,
                agreement.get_kind_display(),
                agreement.title,
                # What holds today: in force past a non-renewing expiry date reads as expired.
                str(AgreementStatus(agreement.effective_status_on(today)).label),
                admin_change_url(agreement),
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
                admin_change_url(activity.agreement),
            )
        )
    for event in Event.objects.filter(partners=partner):
        entries.append(
            TimelineEntry(
                event.start_date,
                _("Sự kiện"),
                event.title,
                event.get_status_display(),
                admin_change_url(event),
            )
        )
    # Undated entries (agreements under negotiation) come last: they have not happened yet.
    return sorted(entries, key=lambda entry: (entry.date is None, entry.date or datetime.date.min))
