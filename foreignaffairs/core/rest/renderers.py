"""CSV and Excel exports of the API lists: `?format=csv` and `?format=xlsx`.

The columns are the fields of the list's serializer, in its order, so an export always has
the same columns as the JSON. `&headers=vi` makes a file for people: the Vietnamese field names
in the header row and Vietnamese values (choice labels and country names instead of codes,
"Có"/"Không", a Vietnamese sheet name). Otherwise values stay as in the JSON (choice codes, ISO
dates in CSV, lists joined with "; "). In Excel, dates are real date cells shown dd/mm/yyyy.

The views hand these renderers an iterator of rows (every matching record, fetched in
chunks), never a page, and send the file as it is written: see
`foreignaffairs.core.rest.views.RecordViewSet.list`.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.text import capfirst
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from rest_framework import renderers, serializers

from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE, formula_safe
from foreignaffairs.core.spreadsheets.formats import CSV_ENCODING, csv_pieces, workbook_pieces
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
    """Common part of the two exports: columns, header row, file name.

    A list is streamed (`streaming_response`): rows are read in chunks as the file is written,
    so memory stays bounded whatever the number of records. One record (`/delegations/1/`) goes
    through `render`, as DRF renders any answer."""

    charset = None  # binary (xlsx), or a charset set explicitly (csv)

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        rows: Iterable[Mapping] = [data] if isinstance(data, Mapping) else data
        response = renderer_context["response"]
        header, columns, rows = self.table(
            renderer_context["view"], renderer_context["request"], rows
        )
        response["Content-Disposition"] = self.content_disposition(renderer_context["view"])
        return b"".join(self.stream(header, columns, rows))

    def streaming_response(self, view, request, rows: Iterable[Mapping]) -> StreamingHttpResponse:
        header, columns, rows = self.table(view, request, rows)
        content_type = (
            f"{self.media_type}; charset={self.charset}" if self.charset else self.media_type
        )
        response = StreamingHttpResponse(
            self.stream(header, columns, rows), content_type=content_type
        )
        response["Content-Disposition"] = self.content_disposition(view)
        return response

    def table(self, view, request, rows: Iterable[Mapping]):
        """The header row, the columns and the rows, in Vietnamese for `headers=vi`."""
        columns = export_columns(view.get_serializer())
        vietnamese = request.query_params.get("headers") == "vi"
        header = [column.label if vietnamese else column.name for column in columns]
        if vietnamese:
            rows = (
                {column.name: in_vietnamese(column, row.get(column.name)) for column in columns}
                for row in rows
            )
        self.sheet_title = sheet_title(view) if vietnamese else "data"
        return header, columns, rows

    def content_disposition(self, view) -> str:
        filename = f"{view.basename}-{timezone.localdate():%Y-%m-%d}.{self.format}"
        return f'attachment; filename="{filename}"'

    def stream(self, header: list[str], columns: list[Column], rows: Iterable[Mapping]):
        """The file, as an iterator of bytes."""
        raise NotImplementedError


class CSVRenderer(TabularRenderer):
    """UTF-8 with a byte-order mark, which Excel needs to read Vietnamese letters."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def stream(self, header, columns, rows):
        values = ([csv_text(row.get(column.name)) for column in columns] for row in rows)
        return csv_pieces(header, values, CSV_ENCODING)


class XLSXRenderer(TabularRenderer):
    media_type = XLSX_CONTENT_TYPE
    format = "xlsx"
    render_style = "binary"

    def stream(self, header, columns, rows):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(self.sheet_title)
        sheet.append(header)
        for row in rows:
            sheet.append([self.cell(sheet, column, row.get(column.name)) for column in columns])
        yield from workbook_pieces(workbook)

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
