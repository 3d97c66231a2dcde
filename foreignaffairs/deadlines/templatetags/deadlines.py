"""The count of a person's deadlines in the admin header, and the managers' panel on the
dashboard, included by the templates that own those pages (cached: see `counts`)."""

from django import template
from django.utils import timezone

from foreignaffairs.deadlines import counts

register = template.Library()


def staff_user(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff:
        return None
    return user


@register.inclusion_tag("deadlines/header_link.html", takes_context=True)
def deadlines_header_link(context):
    """ "Việc cần làm (3, 1 quá hạn)" in the admin's user links."""
    user = staff_user(context)
    if user is None:
        return {"show": False}
    return {"show": True, **counts.header_counts(user, timezone.localdate())}


@register.inclusion_tag("deadlines/dashboard_panel.html", takes_context=True)
def deadlines_dashboard_panel(context):
    """For managers: the office's open and overdue deadlines, per person responsible."""
    user = staff_user(context)
    office = counts.office_counts(user, timezone.localdate()) if user else None
    return {"show": office is not None, **(office or {})}
