"""Figures kept in Django's cache until the data they count changes.

Everything cached here is stored under the current *data version*, a token that every write to
a counted model replaces (`bump_data_version`): a write never leaves a stale figure behind, it
only makes the old entries unreachable (they expire on their own).

- Writes through models are caught by the signal receivers below, connected once in
  `ForeignAffairsConfig.ready()`: save, delete and many-to-many changes of the counted models.
- Bulk writes that send no signals (`bulk_create`, `QuerySet.update`, the demo generator, bulk
  imports) must call `bump_data_version()` themselves.

With several server processes the cache must be shared (`REDIS_URL`), or a write made in one
process reaches the others only when their entries expire (`STATS_CACHE_SECONDS`).
"""

import threading
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

VERSION_KEY = "stats:data-version"
T = TypeVar("T")
_MISSING = object()


# Whether this thread has read the data version since it last replaced it (see data_changed).
_local = threading.local()


def data_version() -> str:
    """The current data version (created on first use, kept until the next write)."""
    _local.read_since_bump = True
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_data_version() -> None:
    """Forget every cached figure: call after a write that sends no model signals."""
    _local.read_since_bump = False
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def cached(name: str, *parts, compute: Callable[[], T]) -> T:
    """`compute()`, or its value cached for the current data version, `name`, `parts` and
    language. Computes every time when `STATS_CACHE_SECONDS` is 0."""
    timeout = settings.STATS_CACHE_SECONDS
    if not timeout:
        return compute()
    key = ":".join(
        ["stats", data_version(), name, translation.get_language() or "", *map(str, parts)]
    )
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value


# Invalidation -------------------------------------------------------------------------------


def counted_models() -> list[type]:
    """The models whose rows any cached figure, list count or attention list depends on."""
    from agreements.models import Agreement, ImplementationActivity
    from delegations.models import Delegation, Event
    from foreignaffairs.reports.models import ReportedFigure
    from partners.models import PartnerLocality

    return [Delegation, Event, Agreement, ImplementationActivity, PartnerLocality, ReportedFigure]


def _bump_pending(connection) -> bool:
    # Django keeps the callbacks of the open transaction in `run_on_commit` as
    # (savepoint ids, callable, robust); a rolled-back savepoint drops its own.
    return any(entry[1] is bump_data_version for entry in connection.run_on_commit)


def data_changed(sender, **kwargs) -> None:
    """Receiver for every write to a counted model.

    Bumps at once, so that the writing request itself never reads old figures, and once more
    when the transaction commits, since another request may have cached figures computed from
    the data before the commit in the meantime. Within a transaction the immediate bump is
    skipped while nothing has read the version since the last one: deleting ten thousand rows
    sends ten thousand signals, and needs one bump.
    """
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed also fires before the change (pre_add, pre_remove, pre_clear)
    connection = transaction.get_connection(router.db_for_write(sender))
    if not connection.in_atomic_block:
        bump_data_version()
        return
    if getattr(_local, "read_since_bump", True):
        bump_data_version()
    if not _bump_pending(connection):
        transaction.on_commit(bump_data_version, using=connection.alias)


def connect_signals() -> None:
    for model in counted_models():
        uid = f"stats_cache:{model._meta.label}"
        post_save.connect(data_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(data_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                data_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}:{field.name}",
            )
