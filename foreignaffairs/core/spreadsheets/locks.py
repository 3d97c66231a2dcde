"""One import of a model at a time."""

import zlib

from django.db import connections

# The first key of the PostgreSQL advisory locks imports take (the second is the model's).
IMPORT_LOCK_NAMESPACE = 0x1A0F


def hold_import_lock(model, using="default") -> None:
    """Wait until no other import of `model` is writing, and hold that turn until the current
    transaction ends: two staff confirming the same file one after the other then update the
    records instead of creating them twice. PostgreSQL: an advisory transaction lock; SQLite
    lets one writer at a time anyway."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    assert connection.in_atomic_block, "the import lock lasts as long as a transaction"
    key = zlib.crc32(model._meta.label_lower.encode()) & 0x7FFFFFFF
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [IMPORT_LOCK_NAMESPACE, key])
