"""What a database integrity error means, in words staff understand.

The admin, the API and the imports validate before writing (`clean()`, the models'
constraints), but two writes at once can both pass and the database then refuses the second
(a duplicate natural key, a partner created twice). Each of them turns that `IntegrityError`
into the message of the named constraint it broke (`<app>_<model>_<rule>`, with a
`violation_error_message` in Vietnamese) through `constraint_message`, here only.
"""

import re

from django.apps import apps
from django.db import IntegrityError, models

# SQLite names the columns of a broken unique constraint, not the constraint:
# "UNIQUE constraint failed: delegations_delegation.direction, delegations_delegation.start_date".
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (?P<columns>[\w.]+(?:, [\w.]+)*)")


def _named(error: IntegrityError) -> str | None:
    """The constraint's name as PostgreSQL reports it (psycopg's `diag`); None on SQLite,
    whose message names a check constraint ("CHECK constraint failed: name") or the columns
    of a unique one."""
    diagnostics = getattr(error.__cause__, "diag", None)
    return getattr(diagnostics, "constraint_name", None)


def _columns(constraint, model) -> set[str]:
    return {
        f"{model._meta.db_table}.{model._meta.get_field(name).column}"
        for name in getattr(constraint, "fields", ())
    }


def violated_constraint(error: IntegrityError) -> models.BaseConstraint | None:
    """The model constraint (`Meta.constraints`) that the database says `error` broke."""
    text = str(error)
    name = _named(error)
    unique = _SQLITE_UNIQUE.search(text)
    columns = set(unique["columns"].split(", ")) if unique else set()
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if name is not None:
                if constraint.name == name:
                    return constraint
                continue
            # Whole words only: one constraint's name may begin another's.
            if re.search(rf"\b{re.escape(constraint.name)}\b", text):
                return constraint
            if columns and _columns(constraint, model) == columns:
                return constraint
    return None


def constraint_message(error: IntegrityError) -> str | None:
    """The staff message of the constraint `error` broke, or None when it names none of ours
    (the caller then says something general)."""
    constraint = violated_constraint(error)
    return None if constraint is None else str(constraint.get_violation_error_message())
