"""The page a login refused after too many failures gets (django-axes' AXES_LOCKOUT_CALLABLE),
for the leaders' login and the admin's alike: the app's own page, in the visitor's language,
saying from when they can log in again."""

import datetime
import math

from axes.conf import settings
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext


def locked_until(request, credentials=None) -> datetime.datetime | None:
    """When logging in is allowed again: one cool-off after the latest failure counted against
    this user name or this address (a failure during the lockout starts the cool-off again,
    AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT). None: locked until an administrator
    unlocks it (no cool-off configured)."""
    cool_off = get_cool_off(request)
    if not cool_off:
        return None
    counted = Q(ip_address=request.axes_ip_address)
    username = get_client_username(request, credentials)
    if username:
        counted |= Q(username=username)
    latest = AccessAttempt.objects.filter(counted).aggregate(latest=Max("attempt_time"))["latest"]
    return (latest or timezone.now()) + cool_off


def wait_text(wait: datetime.timedelta) -> str:
    """'còn 45 phút', 'còn khoảng 2 giờ': the wait, rounded the way people say it."""
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    if minutes < 60:
        return ngettext("còn %(n)s phút", "còn %(n)s phút", minutes) % {"n": minutes}
    hours = round(minutes / 60)
    return ngettext("còn khoảng %(n)s giờ", "còn khoảng %(n)s giờ", hours) % {"n": hours}


def locked_out(request, original_response=None, credentials=None):
    until = locked_until(request, credentials)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "until": until,
        "wait": wait_text(until - timezone.now()) if until else "",
        "login_url": request.get_full_path(),
    }
    return render(
        request,
        "registration/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
