"""Figures kept in Django's cache until the data they count changes.

Everything cached here is stored with the current *data version*, a token that every write to
a counted record replaces: a write never leaves a stale figure behind, since a figure is served
only beside the version it was computed under. Each figure is one entry, `(version, value)`,
read in the same round trip as the version (`MGET`): an API page asks for its count on every
request.

There are no model signals: the writes call `data_changed()` themselves.
- Saving or deleting one record: `DomainModel.save()`/`delete()` (core.models) and
  `ReportedFigure` do it.
- Everything else, which never calls a model's `save()`: many-to-many changes, `bulk_create`,
  `QuerySet.update()`/`.delete()`. The admin base (`save_related`, `delete_queryset`), the API
  base (`perform_create`/`perform_update`), the agreement services, the Excel import and
  `seed_demo` call it once after their writes.

With several server processes the cache must be shared (`REDIS_URL`), or a write made in one
process reaches the others only when their entries expire (`STATS_CACHE_SECONDS`).

No thundering herd: after a write, the first request to miss a figure takes a short lock in the
cache (`cache.add`) and recomputes it; the requests arriving meanwhile, in every worker, serve
the figure's previous value (its entry computed under an earlier version) instead of all
recomputing it at once. A figure cached with `background=True` (the pages, whose recomputation
takes a second at a million visits) is not recomputed by a request at all while a previous
value exists: the request that takes the lock serves the previous value too and recomputes in a
thread of its process, so nobody waits. The person who made a write never sees the previous
value (`OwnWritesMiddleware` notes the write in their session for `OWN_WRITE_SECONDS`), and a
figure never computed before is computed by whoever needs it.

When the shared cache does not answer, figures are computed uncached, never an error. A
process whose write could not replace the data version replaces it as soon as the cache
answers again, so figures cached before the outage are not served after it.
"""

import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.utils import translation
from redis.exceptions import RedisError

VERSION_KEY = "stats:data-version"
# How long a recomputation may hold its lock: past it (a worker died mid-way), another request
# recomputes. Longer than the slowest figure takes uncached (about a second at a million rows).
RECOMPUTE_LOCK_SECONDS = 30
RECOMPUTING_THREAD = "stats-recomputing:"  # the name of a background recomputation's thread
# For how long after a write its author's pages are recomputed for them rather than served
# from the previous value (longer than a recomputation takes).
OWN_WRITE_SECONDS = 300
OWN_WRITE_SESSION_KEY = "stats_cache_wrote_at"
T = TypeVar("T")
_MISSING = object()

# What a cache that does not answer raises (Redis down, refused, timed out).
CACHE_ERRORS = (RedisError, OSError)

logger = logging.getLogger(__name__)

# A write happened while the cache was down: replace the version once it answers again.
_bump_pending = threading.Event()


# Whether this thread has read the data version since it last replaced it (see data_changed).
_local = threading.local()


def data_version() -> str:
    """The current data version (created on first use, kept until the next write)."""
    return data_version_and(VERSION_KEY)[0]


def data_version_and(key: str) -> tuple[str, object]:
    """The current data version and the value cached under `key` (`_MISSING` if none), read
    in one round trip."""
    if _bump_pending.is_set():
        bump_data_version()
    _local.read_since_bump = True
    values = cache.get_many([VERSION_KEY, key])
    version = values.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version, values.get(key, _MISSING)


def bump_data_version() -> None:
    """Replace the data version now (`data_changed` also does it when the write commits)."""
    _local.read_since_bump = False
    _local.bumped_in_request = True
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except CACHE_ERRORS:
        # A write never fails because the cache is down: retried at the next read.
        logger.warning("Cache unreachable: cached figures are forgotten when it is back.")
        _bump_pending.set()
        return
    _bump_pending.clear()


def cache_reachable() -> bool:
    """Whether the default cache answers (the health check asks)."""
    try:
        cache.get(VERSION_KEY)
    except CACHE_ERRORS:
        return False
    return True


def cached(name: str, *parts, compute: Callable[[], T], background: bool = False) -> T:
    """`compute()`, or its value cached for the current data version, `name`, `parts` and
    language. Computes every time when `STATS_CACHE_SECONDS` is 0 or the cache is down.

    `background=True`: after a write, serve the previous value at once and recompute it in a
    thread (see the module's docstring)."""
    timeout = settings.STATS_CACHE_SECONDS
    if not timeout:
        return compute()
    wrote_here = _wrote_here()  # before reading the version, which changes the answer
    figure = ":".join([name, translation.get_language() or "", *map(str, parts)])
    key = f"stats:{figure}"
    try:
        version, kept = data_version_and(key)
        if kept is not _MISSING and kept[0] == version:
            return kept[1]
        lock = f"stats:recomputing:{version}:{figure}"
        locked = cache.add(lock, 1, RECOMPUTE_LOCK_SECONDS)
        if (
            kept is not _MISSING  # computed under an earlier version
            and (not locked or background)
            and not wrote_here
            and not _wrote_recently()
        ):
            if locked:
                _recompute_in_background(key, version, lock, compute, timeout)
            return kept[1]  # being recomputed
    except CACHE_ERRORS:
        logger.warning("Cache unreachable: %s computed uncached.", name)
        return compute()
    value = compute()
    _keep(key, version, lock, value, timeout)
    return value


def _keep(key: str, version: str, lock: str, value, timeout: int) -> None:
    try:
        cache.set(key, (version, value), timeout)
        cache.delete(lock)
    except CACHE_ERRORS:
        logger.warning("Cache unreachable: %s not kept.", key)


def _recompute_in_background(key, version, lock, compute, timeout) -> None:
    language = translation.get_language()

    def recompute():
        try:
            with translation.override(language):
                value = compute()
            _keep(key, version, lock, value, timeout)
        except Exception:
            # The lock expires on its own; until then the previous value is served.
            logger.exception("Recomputing %s in the background failed.", key)
        finally:
            connections.close_all()  # this thread's own connections

    threading.Thread(target=recompute, name=f"{RECOMPUTING_THREAD}{key}", daemon=True).start()


def _wrote_here() -> bool:
    """Whether whoever asks for a figure made a write it must see. In a request
    (`OwnWritesMiddleware`): the request wrote. Elsewhere (a shell, a task, a test): this
    thread replaced the data version and has read nothing since."""
    if getattr(_local, "in_request", False):
        return _local.bumped_in_request
    return not getattr(_local, "read_since_bump", True)


def _wrote_recently() -> bool:
    """Whether the session of the request asking wrote in the last OWN_WRITE_SECONDS."""
    session = getattr(_local, "session", None)
    wrote_at = session.get(OWN_WRITE_SESSION_KEY) if session is not None else None
    return wrote_at is not None and time.time() - wrote_at < OWN_WRITE_SECONDS


class OwnWritesMiddleware:
    """Notes in the session that a request wrote counted records, so that its author's pages
    are recomputed for them (`cached`) rather than served from before the write. After
    `SessionMiddleware`, which saves what this puts in the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        _local.in_request, _local.session, _local.bumped_in_request = True, session, False
        try:
            response = self.get_response(request)
        finally:
            if _local.bumped_in_request and session is not None:
                session[OWN_WRITE_SESSION_KEY] = time.time()
            _local.in_request, _local.session = False, None
        return response


# Invalidation -------------------------------------------------------------------------------


def data_changed(using: str | None = None) -> None:
    """Forget every cached figure: call after writing a counted record.

    Bumps at once, so that the writing request itself never reads old figures, and once more
    when the transaction commits, since another request may have cached figures computed from
    the data before the commit in the meantime. Within a transaction the immediate bump is
    skipped while nothing has read the version since the last one: saving a hundred records
    needs one.
    """
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        bump_data_version()
        return
    if getattr(_local, "read_since_bump", True):
        bump_data_version()
    transaction.on_commit(bump_data_version, using=using)
