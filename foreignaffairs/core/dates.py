"""Calendar helpers the counting rules share: year ranges written so indexes are used,
"N months/years before", and the latest of several dates inside a query."""

import datetime

from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Greatest, NullIf

# Stands in for "never" inside GREATEST(), which returns NULL on SQLite if any argument is NULL.
NEVER = datetime.date(1, 1, 1)


def date_range(field: str, first_year: int, last_year: int) -> dict:
    """Filter kwargs for a date column within calendar years, written so indexes are used."""
    return {
        f"{field}__gte": datetime.date(first_year, 1, 1),
        f"{field}__lt": datetime.date(last_year + 1, 1, 1),
    }


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier, or the month's last day when it has no such day."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def latest_of(*expressions):
    """The latest of several nullable date expressions, NULL when all are NULL."""
    return NullIf(Greatest(*(Coalesce(e, Value(NEVER)) for e in expressions)), Value(NEVER))


def latest_dates(sources) -> list[models.Subquery]:
    """For each (queryset, date field) of `sources`, the latest date as a subquery."""
    return [
        models.Subquery(
            queryset.order_by(f"-{field}").values(field)[:1], output_field=models.DateField()
        )
        for queryset, field in sources
    ]


def none_since(sources, cutoff: datetime.date) -> Q:
    """No row of any (queryset, date field) of `sources` dated on or after `cutoff`."""
    condition = Q()
    for queryset, field in sources:
        condition &= ~models.Exists(queryset.filter(**{f"{field}__gte": cutoff}))
    return condition
