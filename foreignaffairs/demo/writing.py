"""How demo records are written: marked as demo, inserted in batches, with a progress bar.

Records are inserted with `bulk_create` in batches, so a million delegations take minutes, not
hours. That skips two things `save()` would do, which is acceptable for generated data:
django-simple-history records no history for them (they were never edited by anyone), and
`DomainModel.save()` does not run: `DomainQuerySet.bulk_create` normalises the text and sets each
record's search text and folded natural key instead.

Drawn titles repeat (two visits of a country's prime minister), and a record's natural key
(e.g. direction + title + start date) is unique in the database: `DistinctTitles` numbers the
repeats.
"""

import datetime
import itertools
import time
from collections.abc import Iterable, Iterator

from django.db import reset_queries

from foreignaffairs.core.text import fold

DEMO_SOURCE = "Dữ liệu minh họa do lệnh seed_demo tạo ra, không phải số liệu thật"
BATCH = 2000


# Writers draw days in order, window after window (a year at most), so a title is only ever
# compared with those of the last two years: older days are forgotten (a million visits would
# otherwise hold hundreds of megabytes of titles).
REMEMBERED_DAYS = 2 * 366


class DistinctTitles:
    """Titles that no other record holds with the same natural key, compared folded (as the
    imports and the database's unique constraints compare them): a drawn title already taken
    gets a number, "… (đoàn thứ 2)". Draws nothing, so a seed still gives the same demo.

    `suffix` says what the number counts ("đoàn thứ {n}"); `taken` holds the keys of the
    records already stored, as (bucket, *rest, folded title).
    """

    def __init__(self, suffix: str, taken: Iterable[tuple] = ()):
        self.suffix = suffix
        self.buckets: dict = {}
        self.latest: datetime.date | None = None
        for bucket, *rest in taken:
            self.buckets.setdefault(bucket, set()).add(tuple(rest))

    def __call__(self, title: str, bucket, *rest) -> str:
        """`title`, numbered if (bucket, *rest, title) is taken. `bucket` is the key's date
        (or any other part), `rest` its other parts."""
        self.forget_old_days(bucket)
        taken = self.buckets.setdefault(bucket, set())
        candidate, number = title, 1
        while (*rest, fold(candidate)) in taken:
            number += 1
            candidate = f"{title} ({self.suffix.format(n=number)})"
        taken.add((*rest, fold(candidate)))
        return candidate

    def forget_old_days(self, day) -> None:
        if not isinstance(day, datetime.date) or (self.latest and day <= self.latest):
            return
        self.latest = day
        oldest = day - datetime.timedelta(days=REMEMBERED_DAYS)
        for bucket in [b for b in self.buckets if isinstance(b, datetime.date) and b < oldest]:
            del self.buckets[bucket]


def chunked(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class Progress:
    """A one-line textual progress bar on stderr (none when `stream` is None)."""

    def __init__(self, stream, label: str, total: int):
        self.stream, self.label, self.total, self.done = stream, label, total, 0
        self.started = self.shown = time.monotonic()
        self._show()

    def advance(self, count: int):
        self.done += count
        # With DEBUG on, Django keeps the last 9000 queries; the large INSERTs would take
        # gigabytes at benchmark volumes.
        reset_queries()
        if time.monotonic() - self.shown > 0.5:
            self._show()

    def finish(self):
        self._show()
        if self.stream:
            self.stream.write("\n")

    def _show(self):
        if not self.stream:
            return
        self.shown = time.monotonic()
        percent = 100 * self.done // self.total if self.total else 100
        bar = "#" * (percent // 4)
        self.stream.write(
            f"\r{self.label:<22} [{bar:<25}] {self.done:>9}/{self.total} "
            f"{percent:>3}% {self.shown - self.started:6.1f}s"
        )
        self.stream.flush()
