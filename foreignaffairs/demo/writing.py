"""How demo records are written: marked as demo, inserted in batches, with a progress bar.

Records are inserted with `bulk_create` in batches, so a million delegations take minutes, not
hours. That skips two things `save()` would do, which is acceptable for generated data:
django-simple-history records no history for them (they were never edited by anyone), and
`DomainModel.save()` does not run, so the writers NFC-normalise the text themselves, set each
partner's `name_key` and each record's search text (`refresh_search_text()`).
"""

import itertools
import time
from collections.abc import Iterable, Iterator

from django.db import reset_queries

DEMO_SOURCE = "Dữ liệu minh họa do lệnh seed_demo tạo ra, không phải số liệu thật"
BATCH = 2000


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
