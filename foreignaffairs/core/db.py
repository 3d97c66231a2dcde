"""SQLite gets the UNACCENT function that PostgreSQL has from its `unaccent` extension.

With it, the `__unaccent` lookup of django.contrib.postgres works on both databases, so
"da nang" finds "Đà Nẵng" in the admin search and the API on either.
"""

from django.db.backends.signals import connection_created
from django.dispatch import receiver

from foreignaffairs.core.text import unaccent


def _sqlite_unaccent(value):
    return None if value is None else unaccent(str(value))


@receiver(connection_created)
def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("UNACCENT", 1, _sqlite_unaccent, deterministic=True)
