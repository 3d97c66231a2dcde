"""The dashboard's panel on the year's foreign-affairs programme: items done, in progress, not
started, cancelled and late, what happened outside the programme, and whether the programme
was approved on time. The counting lives in `plans.progress`; this module arranges it."""

import datetime

from django.utils.translation import gettext as _

from foreignaffairs.reports.admin_links import admin_change_url, admin_list_url
from plans.models import ItemKind, ItemState, PlanItem, approval_deadline
from plans.progress import year_progress


def programme_panel(year: int, today: datetime.date) -> dict:
    """Plain values, text rather than lazy translations (the dashboard's context is cached,
    and unpickling a lazy string builds a class): seven queries."""
    progress = year_progress(year, today)
    plan, counts = progress["plan"], progress["counts"]
    items_url = admin_list_url(PlanItem, {"year": year})
    states = [
        {
            "key": state.value,
            "label": str(state.label),
            "count": counts[state.value],
            "url": admin_list_url(PlanItem, {"year": year, "state": state.value}),
        }
        for state in ItemState
    ]
    return {
        "year": year,
        "has_plan": plan is not None,
        "title": str(plan) if plan else "",
        "url": admin_change_url(plan) if plan else None,
        "decision_number": plan.decision_number if plan else "",
        "approved_on": plan.approved_on if plan else None,
        "deadline": approval_deadline(year),
        "approved_late": progress["approved_late"],
        "total": counts["total"],
        "items_url": items_url,
        "states": states,
        "late": counts["late"],
        "late_url": admin_list_url(PlanItem, {"year": year, "late": "yes"}),
        "unplanned": [
            {"key": kind.value, "label": str(kind.label), "count": progress["unplanned"][kind]}
            for kind in ItemKind
        ],
        "unplanned_total": progress["unplanned_total"],
        "note": _("Việc “quá hạn”: chưa thực hiện mà đã qua tháng, quý dự kiến."),
    }
