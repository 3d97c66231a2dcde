"""Importing large XLSX and CSV files with bounded memory: streamed, a chunk of rows at a time,
with progress, all or nothing. Used by the `import_excel` command and the benchmark."""

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import tablib
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

CHUNK_ROWS = 1000


def read_rows(path: Path) -> Iterator[list]:
    """The rows of an XLSX (first sheet) or CSV file, streamed: header first."""
    if path.suffix.lower() == ".xlsx":
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            for values in workbook.active.iter_rows(values_only=True):
                yield list(values)
        finally:
            workbook.close()
    elif path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.reader(handle)
    else:
        raise ValueError(_("Chỉ nhập được tệp .xlsx hoặc .csv."))


def chunks(rows: Iterable[list], size: int) -> Iterator[list[list]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass
class ImportSummary:
    rows: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    # (row number as the spreadsheet shows it, header = 1; 0 for the file as a whole,
    # message) for every problem found.
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def row_messages(result) -> list[tuple[int, str]]:
    """Every problem of an import-export result, as (spreadsheet row number, message); the
    resource numbers the rows as the file does (`DomainResource.spreadsheet_row`)."""
    problems = [(0, str(error.error)) for error in result.base_errors]
    for error_row in result.error_rows:
        problems.extend((error_row.number, str(error.error)) for error in error_row.errors)
    for invalid in result.invalid_rows:
        for column, messages in invalid.error_dict.items():
            prefix = "" if column == NON_FIELD_ERRORS else f"{column}: "
            problems.extend((invalid.number, prefix + m) for m in messages)
    return problems


def large_file_variant(resource_class):
    """The same resource without the HTML diff the admin preview shows (memory, time)."""
    meta = type("Meta", (), {"skip_html_diff": True})
    return type(resource_class.__name__, (resource_class,), {"Meta": meta})


def import_file(
    resource_class,
    path,
    *,
    user=None,
    dry_run: bool = False,
    chunk_rows: int = CHUNK_ROWS,
    progress: Callable[[int], None] | None = None,
    origin: str | None = None,
) -> ImportSummary:
    """Import a large XLSX/CSV file with bounded memory: streamed, `chunk_rows` at a time,
    bulk writes with history. All or nothing: every row is checked, and if any has a
    problem nothing is written and every problem is returned."""
    path = Path(path)
    resource = large_file_variant(resource_class)(origin=origin)
    resource.announces_changes = False  # once for the whole file, below
    summary = ImportSummary()
    rows = read_rows(path)
    headers = next(rows, None) or []
    with transaction.atomic():
        for chunk in chunks(rows, chunk_rows):
            dataset = tablib.Dataset(*chunk, headers=headers)
            resource.row_offset = summary.rows
            result = resource.import_data(dataset, dry_run=False, user=user)
            summary.errors.extend(row_messages(result))
            summary.new += result.totals["new"]
            summary.updated += result.totals["update"]
            summary.skipped += result.totals["skip"]
            first_chunk = summary.rows == 0
            summary.rows += len(chunk)  # blank rows included: the file's row numbers
            if progress:
                progress(summary.rows)
            if result.base_errors and first_chunk:
                break  # wrong headers: every chunk would say the same
        if dry_run or summary.errors:
            transaction.set_rollback(True)
        else:
            resource.data_changed()
    return summary
