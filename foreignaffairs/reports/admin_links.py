"""Links from each number to the admin list of the records behind it.

The admin implements these list filters (their parameter names are a contract, see the
apps' `admin_filters`); this is the one place that knows their names.
"""

from urllib.parse import urlencode

from django.urls import reverse

from agreements.models import Agreement
from delegations.models import Delegation, Event
from foreignaffairs.reports.models import Metric
from partners.models import PartnerLocality

FIGURE_FILTERS = {
    Metric.INCOMING_DELEGATIONS: (Delegation, {"received_in": "{year}"}),
    Metric.HIGH_LEVEL_DELEGATIONS: (Delegation, {"received_in": "{year}", "high_level": "yes"}),
    Metric.OUTGOING_DELEGATIONS: (Delegation, {"sent_in": "{year}"}),
    Metric.HOSTED_EVENTS: (Event, {"hosted_in": "{year}"}),
    Metric.AGREEMENTS_SIGNED: (Agreement, {"signed_in": "{year}"}),
    Metric.NEW_RELATIONSHIP_AGREEMENTS: (
        Agreement,
        {"signed_in": "{year}", "establishes_relationship__exact": "1"},
    ),
    Metric.PARTNER_LOCALITIES_TOTAL: (PartnerLocality, {"active_at_end_of": "{year}"}),
    Metric.NEW_PARTNER_LOCALITIES: (PartnerLocality, {"established_in": "{year}"}),
}


def admin_list_url(model, params: dict | None = None) -> str:
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def admin_change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def figure_url(key: str, year: int, origin: str | None = None) -> str | None:
    """The admin list behind a yearly figure (of one former province's records when `origin`
    is given), or None for a figure with no such list."""
    if key not in FIGURE_FILTERS:
        return None
    model, params = FIGURE_FILTERS[key]
    query = {name: value.format(year=year) for name, value in params.items()}
    if origin:
        query["origin"] = origin  # the admin's OriginFilter
    return admin_list_url(model, query)
