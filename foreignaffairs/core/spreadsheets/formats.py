"""The file formats of the admin's import and export pages (django-import-export's, with
what Vietnamese staff need in Excel).

- `XLSX`: written row by row (openpyxl's write-only mode: memory does not grow with the
  cells), the sheet named after the records ("Đoàn vào, đoàn ra", never "Tablib Dataset"),
  dates as real date cells shown dd/mm/yyyy, text always as text (never a formula);
- CSV is import-export's, encoded with `CSV_ENCODING` (a UTF-8 byte order mark, so Excel
  reads "Chiều đoàn", not "Chiá»u Ä‘oÃ n"): `DomainAdmin.to_encoding`.
"""

import datetime
import io
import re

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


def sheet_name(title: str) -> str:
    return _SHEET_NAME_FORBIDDEN.sub("-", str(title)).strip()[:SHEET_NAME_LENGTH] or "Sheet1"


def file_name(title: str, suffix: str = "") -> str:
    """'Đoàn vào, đoàn ra' -> 'doan-vao-doan-ra' (Đ becomes D, never dropped)."""
    return ascii_slug(title) + suffix


class XLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(sheet_name(dataset.title or ""))
        bold = Font(bold=True)
        header = []
        for text in dataset.headers or []:
            cell = WriteOnlyCell(sheet, value=str(text))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in dataset:
            sheet.append([self.cell(sheet, value) for value in row])
        output = io.BytesIO()
        workbook.save(output)
        return output.getvalue()

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
