"""Calendar arithmetic for the demo: years, windows of days, and dates spread over a window."""

import datetime
import random
from dataclasses import dataclass

DAY = datetime.timedelta(days=1)

# Fewer visits in the month of Tết, more in autumn.
MONTH_WEIGHTS = {
    1: 0.55,
    2: 0.6,
    3: 1.0,
    4: 1.0,
    5: 1.0,
    6: 0.9,
    7: 0.85,
    8: 0.95,
    9: 1.2,
    10: 1.3,
    11: 1.3,
    12: 1.05,
}


@dataclass
class Window:
    """`count` records to spread over the days from `start` to `end`."""

    start: datetime.date
    end: datetime.date
    count: int


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def years_after(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def allocate(total: int, weights: dict) -> dict:
    """Split `total` in proportion to `weights`, exactly (largest remainder, ties in order)."""
    weight_sum = sum(weights.values())
    if total <= 0 or weight_sum <= 0:
        return dict.fromkeys(weights, 0)
    shares = {key: total * w / weight_sum for key, w in weights.items()}
    counts = {key: int(share) for key, share in shares.items()}
    by_remainder = sorted(weights, key=lambda key: counts[key] - shares[key])
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def spread(rng: random.Random, window: Window, seasonal: bool = True) -> list[datetime.date]:
    """`window.count` sorted dates in the window, by month with the seasonal weights."""
    months = {}
    day = window.start
    while day <= window.end:
        month_end = min(
            (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - DAY,
            window.end,
        )
        days = (month_end - day).days + 1
        months[(day, month_end)] = (MONTH_WEIGHTS[day.month] if seasonal else 1) * days
        day = month_end + DAY
    result = []
    for (first, last), count in allocate(window.count, months).items():
        span = (last - first).days
        result.extend(first + datetime.timedelta(days=rng.randint(0, span)) for _ in range(count))
    return sorted(result)
