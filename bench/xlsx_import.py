"""An XLSX import of N delegations into the benchmark database, timed, with its peak memory,
and rolled back (the database is left as it was).

Uses the app's Excel import (`foreignaffairs.core.spreadsheets.large_files.import_file` with
`DelegationResource`), on a file of distinct, valid delegations with Vietnamese headers.
"""

import datetime
import resource
import time
import tracemalloc
from pathlib import Path

from django.db import transaction
from openpyxl import Workbook

from delegations.resources import DelegationResource
from foreignaffairs.core.spreadsheets.large_files import import_file


def rss_mib() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_sample_delegations(path, rows: int) -> Path:
    """An XLSX of `rows` distinct, valid delegations with Vietnamese headers, for measuring
    `measure_import` (written streaming, so making it needs little memory either)."""
    path = Path(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Chiều đoàn", "Tên đoàn", "Cấp đoàn", "Quốc gia", "Ngày bắt đầu", "Tình trạng"])
    first_day = datetime.date(2015, 1, 1)
    for number in range(rows):
        sheet.append(
            [
                "Đoàn vào" if number % 3 else "Đoàn ra",
                f"Đoàn khách số {number} thăm Thành phố Hồ Chí Minh",
                "Lãnh đạo địa phương" if number % 5 else "Bộ trưởng",
                ("Nhật Bản", "Hàn Quốc", "Lào", "Pháp", "Hoa Kỳ")[number % 5],
                first_day + datetime.timedelta(days=number % 3000),
                "Đã thực hiện",
            ]
        )
    workbook.save(path)
    return path


def measure_import(resource_class, path, **kwargs) -> dict:
    """Import a file and report seconds and peak Python memory (tracemalloc):
    `measure_import(DelegationResource, "10000.xlsx")`."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        summary = import_file(resource_class, path, **kwargs)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "rows": summary.rows,
        "new": summary.new,
        "errors": len(summary.errors),
        "seconds": round(time.perf_counter() - started, 2),
        "peak_mib": round(peak / 2**20, 1),
    }


def measure(rows: int, folder: Path) -> dict:
    """Import `rows` delegations into the benchmark database, then roll back."""
    folder.mkdir(parents=True, exist_ok=True)
    path = write_sample_delegations(folder / f"delegations-{rows}.xlsx", rows)
    before = rss_mib()
    started = time.perf_counter()
    with transaction.atomic():
        summary = import_file(DelegationResource, path)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)  # leave the benchmark database as it was
    return {
        "rows": rows,
        "new": summary.new,
        "errors": len(summary.errors),
        "seconds": round(seconds, 2),
        "peak_rss_mib": round(rss_mib(), 1),
        "peak_rss_increase_mib": round(rss_mib() - before, 1),
        "via": "foreignaffairs.core.spreadsheets.large_files.import_file (DelegationResource)",
    }
