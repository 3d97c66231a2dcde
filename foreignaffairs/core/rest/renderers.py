"""CSV and Excel exports of the API lists: `?format=csv` and `?format=xlsx`.

The columns are the fields of the list's serializer, in its order, so an export always has
the same columns as the JSON. `&headers=vi` makes a file for people: the Vietnamese field names
in the header row and Vietnamese values (choice labels and country names instead of codes,
"Có"/"Không", a Vietnamese sheet name). Otherwise values stay as in the JSON (choice codes, ISO
dates in CSV, lists joined with "; "). In Excel, dates are real date cells shown dd/mm/yyyy.

The views hand these renderers an iterator of rows (every matching record, fetched in
chunks), never a page: see `foreignaffairs.core.rest.views.RecordViewSet.list`.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.text import capfirst
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from rest_framework import renderers, serializers

from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE, formula_safe
from foreignaffairs.core.text import without_control_characters

EXPORT_FORMATS = ("csv", "xlsx")
HEADER_CHOICES = ("code", "vi")  # field codes as in the JSON, or Vietnamese field names
LIST_SEPARATOR = "; "
YES, NO = "Có", "Không"


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    is_date: bool
    # Code -> Vietnamese label, for a choice (or a list of choices); empty for other fields.
    choices: dict = field(default_factory=dict)


def choice_labels(serializer_field) -> dict:
    if isinstance(serializer_field, serializers.ListField):
        serializer_field = serializer_field.child
    if isinstance(serializer_field, serializers.ChoiceField):
        return {code: str(label) for code, label in serializer_field.choices.items()}
    return {}


def export_columns(serializer: serializers.Serializer) -> list[Column]:
    with translation.override("vi"):
        return [
            Column(
                name=name,
                label=capfirst(str(serializer_field.label or name)),
                is_date=isinstance(serializer_field, serializers.DateField),
                choices=choice_labels(serializer_field),
            )
            for name, serializer_field in serializer.fields.items()
            if not serializer_field.write_only
        ]


def in_vietnamese(column: Column, value):
    """A value as people read it: the label of a code, "Có"/"Không" for a yes/no."""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list | tuple):
        return [in_vietnamese(column, item) for item in value]
    if isinstance(value, str) and value in column.choices:
        return column.choices[value]
    return value


def sheet_title(view) -> str:
    """The model's Vietnamese plural, within Excel's 31 characters and allowed letters."""
    with translation.override("vi"):
        title = capfirst(str(view.get_queryset().model._meta.verbose_name_plural))
    return "".join(" " if letter in "[]:*?/\\" else letter for letter in title)[:31]


def as_text(value) -> str:
    """A JSON value as spreadsheet text: lists joined, booleans and null as in JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(as_text(item) for item in value)
    return str(value)


def csv_text(value) -> str:
    """A value as CSV text that a spreadsheet will not run as a formula."""
    return formula_safe(as_text(value))


class TabularRenderer(renderers.BaseRenderer):
    """Common part of the two exports: columns, header row, file name."""

    charset = None  # binary (xlsx), or a charset set explicitly (csv)

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        view = renderer_context["view"]
        request = renderer_context["request"]
        response = renderer_context["response"]
        columns = export_columns(view.get_serializer())
        vietnamese = request.query_params.get("headers") == "vi"
        header = [column.label if vietnamese else column.name for column in columns]
        rows: Iterable[Mapping] = [data] if isinstance(data, Mapping) else data
        if vietnamese:
            rows = (
                {column.name: in_vietnamese(column, row.get(column.name)) for column in columns}
                for row in rows
            )
        self.sheet_title = sheet_title(view) if vietnamese else "data"
        filename = f"{view.basename}-{timezone.localdate():%Y-%m-%d}.{self.format}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return self.write(header, columns, rows)

    def write(self, header: list[str], columns: list[Column], rows: Iterable[Mapping]) -> bytes:
        raise NotImplementedError


class CSVRenderer(TabularRenderer):
    """UTF-8 with a byte-order mark, which Excel needs to read Vietnamese letters."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def write(self, header, columns, rows):
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_text(row.get(column.name)) for column in columns])
        return buffer.getvalue().encode("utf-8")


class XLSXRenderer(TabularRenderer):
    media_type = XLSX_CONTENT_TYPE
    format = "xlsx"
    render_style = "binary"

    def write(self, header, columns, rows):
        # Write-only mode streams rows to a temporary file instead of keeping cells in memory.
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(self.sheet_title)
        sheet.append(header)
        for row in rows:
            sheet.append([self.cell(sheet, column, row.get(column.name)) for column in columns])
        output = io.BytesIO()
        workbook.save(output)
        return output.getvalue()

    @staticmethod
    def cell(sheet, column: Column, value) -> WriteOnlyCell:
        if value is None:
            return WriteOnlyCell(sheet, value=None)
        if column.is_date:
            cell = WriteOnlyCell(sheet, value=datetime.date.fromisoformat(value))
            cell.number_format = "DD/MM/YYYY"
            return cell
        if isinstance(value, bool | int | float):
            return WriteOnlyCell(sheet, value=value)
        # Control characters stored before input refused them: an XLSX file cannot hold them.
        cell = WriteOnlyCell(sheet, value=without_control_characters(as_text(value)))
        cell.data_type = "s"  # text, even when it starts with "=": never a formula
        return cell
