"""An XLSX import of N delegations into the benchmark database, timed, with its peak memory,
and rolled back (the database is left as it was).

Uses the app's Excel import (`foreignaffairs.core.spreadsheets`, django-import-export) when
it is there; otherwise a plain django-import-export `ModelResource` over the same columns, with the
same natural key (direction, title, start date) and bulk writes.
"""

import datetime
import resource
import time
from pathlib import Path

import tablib
from django.db import transaction
from import_export import resources
from openpyxl import Workbook

from delegations.models import Delegation

COUNTRIES = ("JP", "KR", "LA", "FR", "US")


def rss_mib() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class BenchDelegationResource(resources.ModelResource):
    class Meta:
        model = Delegation
        fields = ("direction", "title", "level", "country", "start_date", "status")
        import_id_fields = ("direction", "title", "start_date")
        use_bulk = True
        batch_size = 1000


def write_codes_sample(path: Path, rows: int) -> Path:
    """Rows of distinct, valid delegations written with field codes (the fallback's format)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(BenchDelegationResource._meta.fields))
    first_day = datetime.date(2015, 1, 1)
    for number in range(rows):
        sheet.append(
            [
                "incoming" if number % 3 else "outgoing",
                f"Đoàn khách số {number} thăm Thành phố Hồ Chí Minh",
                "local_leader" if number % 5 else "minister",
                COUNTRIES[number % len(COUNTRIES)],
                first_day + datetime.timedelta(days=number % 3000),
                "completed",
            ]
        )
    workbook.save(path)
    return path


def app_importer():
    """The app's import path, or None on a branch without it."""
    try:
        from delegations.resources import DelegationResource
        from foreignaffairs.core.spreadsheets.importing import import_file, write_sample_delegations
    except ImportError:
        return None
    return DelegationResource, import_file, write_sample_delegations


def measure(rows: int, folder: Path) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    app = app_importer()
    path = folder / f"delegations-{rows}.xlsx"
    if app:
        resource_class, import_file, write_sample = app
        write_sample(path, rows)
        via = "foreignaffairs.core.spreadsheets.importing.import_file (DelegationResource)"
    else:
        write_codes_sample(path, rows)
        via = "django-import-export ModelResource (bench fallback: no app import on this branch)"
    before = rss_mib()
    started = time.perf_counter()
    with transaction.atomic():
        if app:
            summary = import_file(resource_class, path)
            new, errors = summary.new, len(summary.errors)
        else:
            with path.open("rb") as stream:
                dataset = tablib.Dataset().load(stream.read(), format="xlsx")
            result = BenchDelegationResource().import_data(dataset, dry_run=False)
            new, errors = result.totals["new"], len(result.row_errors())
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)  # leave the benchmark database as it was
    return {
        "rows": rows,
        "new": new,
        "errors": errors,
        "seconds": round(seconds, 2),
        "peak_rss_mib": round(rss_mib(), 1),
        "peak_rss_increase_mib": round(rss_mib() - before, 1),
        "via": via,
    }
