"""Names of django-axes' records (login attempts, failures, logins) as the admin shows them.

axes names its records in English with UTC timestamps ("Failed access: user lan on 2026-11-28
16:28:17.836697+00:00 from …"), and the admin shows that name as the title of each record's
pages, in its breadcrumbs and beside each row's checkbox; the admin offers no other hook for it.
`install()` (from the admin's AppConfig) gives the three models names in the visitor's language,
with the local time as dd/mm/yyyy HH:MM.
"""

from django.utils import timezone
from django.utils.translation import gettext


def local_time(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def attempt_name(attempt) -> str:
    return gettext("%(user)s từ %(address)s: %(count)s lần đăng nhập sai, lần cuối %(time)s") % {
        "user": attempt.username or "–",
        "address": attempt.ip_address or "–",
        "count": attempt.failures_since_start,
        "time": local_time(attempt.attempt_time),
    }


def failure_name(failure) -> str:
    text = gettext("%(user)s từ %(address)s: đăng nhập sai lúc %(time)s") % {
        "user": failure.username or "–",
        "address": failure.ip_address or "–",
        "time": local_time(failure.attempt_time),
    }
    return f"{text} ({gettext('bị khóa')})" if failure.locked_out else text


def login_name(log) -> str:
    return gettext("%(user)s từ %(address)s: đăng nhập lúc %(time)s") % {
        "user": log.username or "–",
        "address": log.ip_address or "–",
        "time": local_time(log.attempt_time),
    }


def install() -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    AccessAttempt.__str__ = attempt_name
    AccessFailureLog.__str__ = failure_name
    AccessLog.__str__ = login_name
