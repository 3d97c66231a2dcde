"""The to-do counts shown on every admin page and on the dashboard, kept in the cache so that
a page view reads no table: each entry is stored under the day and the current *deadlines
version*, which every write to deadlines replaces (`changed()`)."""

import contextlib
import logging
import uuid

from django.core.cache import cache
from django.db.models import Count, Q

from foreignaffairs.core.roles import MANAGER
from foreignaffairs.core.stats_cache import CACHE_ERRORS
from foreignaffairs.deadlines.models import Deadline

VERSION_KEY = "deadlines:version"
# Also how long a change of someone's role takes to show on the dashboard, and how long counts
# may lag after a write made while the cache was down.
TIMEOUT_SECONDS = 300

logger = logging.getLogger(__name__)


def version() -> str:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        current = cache.get(VERSION_KEY)
    return current


def changed() -> None:
    """Deadlines were written: every cached count is out of date. A write never fails
    because the cache is down."""
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except CACHE_ERRORS:
        logger.warning("Cache unreachable: to-do counts may lag for %s s.", TIMEOUT_SECONDS)


def cached(name: str, user, today, compute):
    """`compute()`, kept for the day and the deadlines version; computed every time when the
    cache does not answer."""
    try:
        key = f"deadlines:{name}:{user.pk}:{today.isoformat()}:{version()}"
        value = cache.get(key)
    except CACHE_ERRORS:
        return compute()
    if value is None:
        value = compute()
        with contextlib.suppress(*CACHE_ERRORS):  # not kept: computed again next time
            cache.set(key, value, timeout=TIMEOUT_SECONDS)
    return value


def counts(queryset, today) -> dict:
    return queryset.aggregate(total=Count("id"), overdue=Count("id", filter=Q(due_on__lt=today)))


def header_counts(user, today) -> dict:
    """{total, overdue} of the person's deadlines not done."""
    return cached(
        "header", user, today, lambda: counts(Deadline.objects.pending().assigned_to(user), today)
    )


def is_manager(user) -> bool:
    return user.is_superuser or user.groups.filter(name=MANAGER).exists()


def office_counts(user, today) -> dict | None:
    """For managers: the office's deadlines not done, per person responsible; None for
    anyone else."""

    def compute():
        if not is_manager(user):
            return {"rows": None}
        rows = list(
            Deadline.objects.pending()
            .values("assignee__username", "assignee__first_name", "assignee__last_name")
            .annotate(total=Count("id"), overdue=Count("id", filter=Q(due_on__lt=today)))
            .order_by("-overdue", "-total", "assignee__username")
        )
        return {"rows": rows}

    rows = cached("office", user, today, compute)["rows"]
    if rows is None:
        return None
    return {
        "rows": rows,
        "total": sum(row["total"] for row in rows),
        "overdue": sum(row["overdue"] for row in rows),
    }
