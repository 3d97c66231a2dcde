"""The file formats of the admin's import and export pages (django-import-export's, with
what Vietnamese staff need in Excel).

- `XLSX`: written row by row (openpyxl's write-only mode: memory does not grow with the
  cells), the sheet named after the records ("Đoàn vào, đoàn ra", never "Tablib Dataset"),
  dates as real date cells shown dd/mm/yyyy, text always as text (never a formula);
- CSV is import-export's, encoded with `CSV_ENCODING` (a UTF-8 byte order mark, so Excel
  reads "Chiều đoàn", not "Chiá»u Ä‘oÃ n"): `DomainAdmin.to_encoding`.
"""

import codecs
import csv
import datetime
import io
import re
import tempfile
from collections.abc import Iterable, Iterator

from import_export.formats import base_formats
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from foreignaffairs.core.text import ascii_slug

DATE_CELL_FORMAT = "DD/MM/YYYY"
# Excel refuses these in a sheet name, and names longer than 31 characters.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31
# Excel (Windows) opens a UTF-8 CSV file as UTF-8 only if it starts with a byte order mark.
CSV_ENCODING = "utf-8-sig"
# A streamed file is sent in pieces of this many CSV rows, or of this many bytes of XLSX.
CSV_ROWS_PER_PIECE = 500
FILE_BYTES_PER_PIECE = 64 * 1024


def sheet_name(title: str) -> str:
    return _SHEET_NAME_FORBIDDEN.sub("-", str(title)).strip()[:SHEET_NAME_LENGTH] or "Sheet1"


def file_name(title: str, suffix: str = "") -> str:
    """'Đoàn vào, đoàn ra' -> 'doan-vao-doan-ra' (Đ becomes D, never dropped)."""
    return ascii_slug(title) + suffix


def workbook_pieces(workbook: Workbook) -> Iterator[bytes]:
    """A write-only workbook's file, in pieces: an XLSX file is a zip, complete only at its
    end, so it is written to a temporary file (no cell kept in memory), then read back."""
    with tempfile.TemporaryFile() as output:
        workbook.save(output)
        output.seek(0)
        while piece := output.read(FILE_BYTES_PER_PIECE):
            yield piece


def csv_pieces(header: list, rows: Iterable[list], encoding: str = CSV_ENCODING):
    """A CSV file in pieces of CSV_ROWS_PER_PIECE rows (the byte order mark of `encoding`
    once, at the start)."""
    encoder = codecs.getincrementalencoder(encoding)()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for number, row in enumerate(rows, start=1):
        writer.writerow(row)
        if number % CSV_ROWS_PER_PIECE == 0:
            yield encoder.encode(buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()
    yield encoder.encode(buffer.getvalue(), final=True)


class XLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        return b"".join(self.stream(dataset.title or "", dataset.headers or [], dataset))

    def stream(self, title: str, headers: list, rows: Iterable[list]) -> Iterator[bytes]:
        """The file of `rows` under `headers` (bold), on a sheet named `title`, in pieces."""
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(sheet_name(title))
        bold = Font(bold=True)
        header = []
        for text in headers:
            cell = WriteOnlyCell(sheet, value=str(text))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows:
            sheet.append([self.cell(sheet, value) for value in row])
        yield from workbook_pieces(workbook)

    @staticmethod
    def cell(sheet, value) -> WriteOnlyCell:
        if isinstance(value, datetime.date):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = DATE_CELL_FORMAT
            return cell
        if value is None or isinstance(value, bool | int | float):
            return WriteOnlyCell(sheet, value=value)
        cell = WriteOnlyCell(sheet, value=str(value))
        cell.data_type = "s"  # text, even when it starts with "=": never a formula
        return cell
