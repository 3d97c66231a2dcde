"""What needs attention on the dashboard: visits coming up or not followed up, agreements
signed and left aside or about to expire, partner relationships gone quiet.

Each list is a QuerySet method of the app it belongs to, with its threshold beside it (the
titles state it from the same constant, and the admin list linked to applies the same method);
this module picks the first few records of each and links to the admin list of all of them.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, F, QuerySet, Window
from django.utils import formats
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models import DORMANT_AFTER_MONTHS, EXPIRING_WITHIN_DAYS, Agreement
from delegations.models import Delegation, Event
from delegations.scheduling import UPCOMING_WITHIN_DAYS
from foreignaffairs.reports.admin_links import admin_change_url, admin_list_url
from foreignaffairs.reports.exchanges import dormant_partners
from partners.models import DORMANT_AFTER_YEARS, PartnerLocality


def _day(day: datetime.date | None) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else ""


@dataclass(frozen=True)
class AttentionList:
    """A list of records someone should look at, with the admin filter that lists them all."""

    key: str
    title: str
    model: type
    admin_filter: dict
    queryset: Callable[[datetime.date], QuerySet]
    detail: Callable[[object], str]


def _visit_detail(delegation: Delegation) -> str:
    # The title already carries the date (Delegation.__str__).
    parts = [delegation.get_direction_display()]
    if delegation.country:
        parts.append(delegation.country.name)
    parts.append(delegation.get_status_display())
    return " · ".join(str(part) for part in parts)


def _agreement_activity(agreement: Agreement) -> str:
    if agreement.last_activity_on:
        return _("Ký %(signed)s · hoạt động gần nhất %(last)s") % {
            "signed": _day(agreement.signed_on),
            "last": _day(agreement.last_activity_on),
        }
    return _("Ký %(signed)s · chưa có hoạt động triển khai") % {"signed": _day(agreement.signed_on)}


def _partner_exchange(partner: PartnerLocality) -> str:
    # The name already carries the country (PartnerLocality.__str__).
    if partner.last_exchange_on:
        return _("Trao đổi gần nhất %(last)s") % {"last": _day(partner.last_exchange_on)}
    return _("Chưa ghi nhận trao đổi nào")


ATTENTION_LISTS = [
    AttentionList(
        "upcoming",
        format_lazy(gettext_lazy("Đoàn sắp diễn ra ({days} ngày tới)"), days=UPCOMING_WITHIN_DAYS),
        Delegation,
        {"upcoming": "yes"},
        lambda today: Delegation.objects.upcoming(today).order_by("start_date", "pk"),
        _visit_detail,
    ),
    AttentionList(
        "needs_update",
        gettext_lazy("Đoàn đã qua ngày nhưng chưa cập nhật kết quả"),
        Delegation,
        {"needs_update": "yes"},
        lambda today: Delegation.objects.needs_update(today).order_by("start_date", "pk"),
        _visit_detail,
    ),
    AttentionList(
        "events_needs_update",
        gettext_lazy("Sự kiện đã qua ngày nhưng vẫn “Dự kiến”"),
        Event,
        {"needs_update": "yes"},
        lambda today: Event.objects.needs_update(today).order_by("start_date", "pk"),
        lambda event: str(event.get_status_display()),
    ),
    AttentionList(
        "dormant_agreements",
        format_lazy(
            gettext_lazy("Văn bản ký xong chưa triển khai ({months} tháng)"),
            months=DORMANT_AFTER_MONTHS,
        ),
        Agreement,
        {"dormant": "yes"},
        lambda today: Agreement.objects.dormant(today).order_by(
            F("last_activity_on").asc(nulls_first=True), "signed_on", "pk"
        ),
        _agreement_activity,
    ),
    AttentionList(
        "expiring_agreements",
        format_lazy(
            gettext_lazy("Văn bản sắp hết hạn ({days} ngày tới)"), days=EXPIRING_WITHIN_DAYS
        ),
        Agreement,
        {"expiring": "yes"},
        lambda today: Agreement.objects.expiring(today).order_by("expires_on", "pk"),
        lambda agreement: _("Hết hạn %(day)s") % {"day": _day(agreement.expires_on)},
    ),
    AttentionList(
        "dormant_partners",
        format_lazy(
            gettext_lazy("Quan hệ đối tác ít hoạt động ({years} năm)"), years=DORMANT_AFTER_YEARS
        ),
        PartnerLocality,
        {"dormant": "yes"},
        lambda today: dormant_partners(today).order_by(
            F("last_exchange_on").asc(nulls_first=True), "established_on", "name", "pk"
        ),
        _partner_exchange,
    ),
]
# Each list shows its first records, then links to the admin list of all of them.
ATTENTION_SHOWN = 10


def attention(today: datetime.date) -> list[dict]:
    """Each list's first records and how many there are in all: two queries per list (none
    for the second when the list is empty). The first finds the records shown and the total,
    a window count over the same rows so that the filter runs once; it carries only their
    keys, since whole rows (long texts, search text) would be sorted on disk when thousands
    match. The second reads the records shown."""
    sections = []
    for spec in ATTENTION_LISTS:
        queryset = spec.queryset(today)
        first = list(
            queryset.annotate(total=Window(Count("*"))).values_list("pk", "total")[:ATTENTION_SHOWN]
        )
        records = queryset.in_bulk([pk for pk, _total in first]) if first else {}
        shown = [records[pk] for pk, _total in first]
        sections.append(
            {
                "key": spec.key,
                "title": str(spec.title),  # text: cached with the dashboard (programme.py)
                "count": first[0][1] if first else 0,
                "url": admin_list_url(spec.model, spec.admin_filter),
                "items": [
                    {"title": str(obj), "detail": spec.detail(obj), "url": admin_change_url(obj)}
                    for obj in shown
                ],
            }
        )
    return sections
