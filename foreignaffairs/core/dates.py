"""Calendar helpers the counting rules share: year ranges written so indexes are used,
"N months/years before", the latest of several dates inside a query, and the plausible
dates every date column accepts."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

# Plausible dates. Staff may enter no date before EARLIEST_DATE nor more than MAX_YEARS_AHEAD
# years after today (`validate_plausible_date`, a validator of every date field). The database
# refuses anything outside EARLIEST_DATE..LATEST_STORED_DATE (`plausible_date_constraint`): a
# check constraint cannot say "today + 10 years" (it would reject rows as time passes), so it
# holds a fixed bound that the validation stays inside until 2090. Statistics and year filters
# take their year bounds from here too (FIRST_YEAR..LAST_YEAR).
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_STORED_DATE = datetime.date(2100, 12, 31)
MAX_YEARS_AHEAD = 10
FIRST_YEAR = EARLIEST_DATE.year
LAST_YEAR = LATEST_STORED_DATE.year

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
    """For each (queryset, date field) of `sources`, the latest date as a subquery.

    `SELECT MAX(date)`, not `ORDER BY date DESC LIMIT 1`: for records reached through a link
    table (a partner's agreements) PostgreSQL would answer the LIMIT by walking every record
    newest first until one is linked, for each outer record, which at 100,000 delegations took
    80 s for the partners. (A `Func`, not Django's `Max`, which would add a GROUP BY.)"""
    return [
        models.Subquery(
            queryset.order_by()
            .annotate(latest=models.Func(F(field), function="MAX"))
            .values("latest"),
            output_field=models.DateField(),
        )
        for queryset, field in sources
    ]


def dd_mm_yyyy(day: datetime.date) -> str:
    """dd/mm/yyyy with a four-digit year whatever the year (strftime pads none before 1000)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def latest_plausible_date(today: datetime.date | None = None) -> datetime.date:
    """The last date staff may enter: MAX_YEARS_AHEAD years after today."""
    today = today or timezone.localdate()
    try:
        latest = today.replace(year=today.year + MAX_YEARS_AHEAD)
    except ValueError:  # 29 February
        latest = today.replace(year=today.year + MAX_YEARS_AHEAD, day=28)
    return min(latest, LATEST_STORED_DATE)


def validate_plausible_date(value: datetime.date) -> None:
    """Refuse typos such as 02/01/0202 or 02/01/2202 with a message staff understand."""
    if value is None:
        return
    if isinstance(value, datetime.datetime):
        value = value.date()
    latest = latest_plausible_date()
    if not EARLIEST_DATE <= value <= latest:
        raise ValidationError(
            _(
                "Ngày %(value)s không hợp lý: chỉ nhận ngày từ %(earliest)s đến %(latest)s "
                "(không quá %(years)s năm kể từ hôm nay)."
            ),
            code="implausible_date",
            params={
                "value": dd_mm_yyyy(value),
                "earliest": dd_mm_yyyy(EARLIEST_DATE),
                "latest": dd_mm_yyyy(latest),
                "years": MAX_YEARS_AHEAD,
            },
        )


def plausible_date_constraint(field: str, name: str) -> models.CheckConstraint:
    """The database's side of `validate_plausible_date`: `field` is empty or within
    EARLIEST_DATE..LATEST_STORED_DATE. `name` follows `<app>_<model>_<field>_plausible`."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True})
        | Q(**{f"{field}__gte": EARLIEST_DATE, f"{field}__lte": LATEST_STORED_DATE}),
        name=name,
        violation_error_message=stored_range_message(),
    )


def _stored_range_message() -> str:
    return _("Ngày phải từ %(earliest)s đến %(latest)s.") % {
        "earliest": dd_mm_yyyy(EARLIEST_DATE),
        "latest": dd_mm_yyyy(LATEST_STORED_DATE),
    }


# Translated when shown, not when the models are imported.
stored_range_message = lazy(_stored_range_message, str)
