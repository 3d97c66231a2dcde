"""The demo's seeded random source and the draws every writer shares: weighted countries and
places, cooperation fields, dates in a window, and whether a visit or event is done yet.

One `random.Random` drives the whole demo, so the order of the draws is part of its output:
the same seed gives the same records only while the writers draw in the same order.
"""

import datetime
import itertools
import random
from collections.abc import Iterator

from agreements.models import CooperationField
from delegations.models import Level
from foreignaffairs.demo import plan
from foreignaffairs.demo import vocabulary as words
from foreignaffairs.demo.dates import Window, spread


def weighted_countries(codes) -> tuple[list[str], list[float]]:
    """Country codes and their cumulative weights, from `vocabulary.COUNTRIES`."""
    codes = list(codes)
    weights = [words.COUNTRIES[code][1] for code in codes]
    return codes, list(itertools.accumulate(weights))


PLACE_WEIGHTS = list(itertools.accumulate(words.COUNTRIES[p.country][1] for p in words.PLACES))


class Draws:
    """Random choices for records dated up to `horizon`, as seen on `today`."""

    def __init__(
        self,
        rng: random.Random,
        *,
        today: datetime.date,
        horizon: datetime.date,
        fields: list[CooperationField],
    ):
        self.rng, self.today, self.horizon, self.fields = rng, today, horizon, fields
        everyone = list(words.COUNTRIES)
        self.countries_for_level = {
            Level.HEAD_OF_STATE: weighted_countries(everyone),
            Level.VICE_HEAD_OF_STATE: weighted_countries(words.VICE_HEAD_OF_STATE),
            Level.HEAD_OF_GOVERNMENT: weighted_countries(words.PRIME_MINISTER),
            Level.DEPUTY_HEAD_OF_GOVERNMENT: weighted_countries(words.PRIME_MINISTER),
            Level.PARLIAMENT_LEADER: weighted_countries(everyone),
            Level.ROYALTY: weighted_countries(words.ROYALTY),
            None: weighted_countries(everyone),
        }

    def pick(self, population, cum_weights):
        return self.rng.choices(population, cum_weights=cum_weights)[0]

    def country(self, level=None) -> str:
        return self.pick(*self.countries_for_level[level])

    def place(self) -> words.Place:
        return self.pick(words.PLACES, PLACE_WEIGHTS)

    def field_phrase(self, field: CooperationField | None = None) -> str:
        """A cooperation field as written inside a sentence: 'khoa học và công nghệ'."""
        field = field or (self.rng.choice(self.fields) if self.fields else None)
        name = field.name if field else "Kinh tế"
        return name[0].lower() + name[1:]

    def dates(self, window: Window, seasonal: bool = True) -> list[datetime.date]:
        """`window.count` dates in the window, by month with the seasonal weights."""
        return spread(self.rng, window, seasonal)

    def status(self, day: datetime.date, done: str, pending: tuple[str, ...]) -> str:
        """Done in the past; pending ahead; some recent ones of this year not yet closed out."""
        if day > self.today:
            return self.rng.choice(pending)
        recent = (self.today - day).days <= plan.NOT_CLOSED_DAYS and day.year == self.today.year
        if recent and self.rng.random() < plan.NOT_CLOSED_SHARE:
            return self.rng.choice(pending)
        return done

    def visit_days(self, windows: list[Window]) -> Iterator[tuple[datetime.date, bool]]:
        """(day, cancelled) for each visit or event: the counted ones, then a few cancelled.

        Lazy: the days of a window are drawn only when the writer reaches it.
        """
        for window in windows:
            for day in self.dates(window):
                if day <= self.horizon:
                    yield day, False
            cancelled = Window(window.start, window.end, round(window.count * plan.CANCELLED_SHARE))
            for day in self.dates(cancelled):
                if day <= self.horizon:
                    yield day, True
