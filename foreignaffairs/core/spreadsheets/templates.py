"""The downloadable XLSX template of each resource (its columns, an example row, a sheet of
allowed values) and the help text the import page shows."""

import datetime
import io

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from openpyxl import Workbook
from openpyxl.styles import Font

from foreignaffairs.core.spreadsheets.widgets import (
    ChoiceWidget,
    DateWidget,
    ManyLookupWidget,
    YesNoWidget,
)

IMPORT_HELP = gettext_lazy(
    "Tiêu đề cột ghi bằng tiếng Việt (như trong tệp mẫu), tiếng Anh hoặc mã trường. Ngày ghi "
    "ngày/tháng/năm; quốc gia ghi tên hoặc mã ISO; nhiều giá trị trong một ô cách nhau bởi "
    "dấu chấm phẩy. Nếu có dòng lỗi, không dòng nào được ghi."
)


def example_cell(value):
    """A template example value as openpyxl accepts it (lazy labels become text)."""
    return str(value) if isinstance(value, Promise) else value


def template_workbook(resource_class) -> bytes:
    """An XLSX template: the columns, one example row, and a sheet of allowed values."""
    resource = resource_class()
    columns = [(name, resource.fields[name]) for name in resource.get_export_order()]
    workbook = Workbook()
    data = workbook.active
    data.title = _("Dữ liệu")
    data.append([str(f.column_name) for _name, f in columns])
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.append([example_cell(resource_class.example.get(name, "")) for name, _f in columns])
    for position, (name, _f) in enumerate(columns, start=1):
        if isinstance(resource_class.example.get(name), datetime.date):
            data.cell(row=2, column=position).number_format = "DD/MM/YYYY"
        data.column_dimensions[data.cell(row=1, column=position).column_letter].width = 22

    allowed = workbook.create_sheet(_("Giá trị hợp lệ"))
    allowed.append([_("Cột"), _("Giá trị"), _("Mã")])
    for cell in allowed[1]:
        cell.font = Font(bold=True)
    for _name, resource_field in columns:
        widget = resource_field.widget
        column = str(resource_field.column_name)
        if isinstance(widget, ChoiceWidget):
            for code, label in widget.choices:
                allowed.append([column, str(label), code])
        elif isinstance(widget, DateWidget):
            allowed.append([column, _("ngày/tháng/năm, ví dụ 25/12/2024, hoặc ô ngày của Excel")])
        elif isinstance(widget, YesNoWidget):
            allowed.append([column, _("Có"), ""])
            allowed.append([column, _("Không"), ""])
        elif isinstance(widget, ManyLookupWidget):
            allowed.append([column, _("nhiều giá trị cách nhau bởi dấu chấm phẩy (;)")])
    for code, name in countries:
        allowed.append([_("Quốc gia"), str(name), code])
    for letter in "ABC":
        allowed.column_dimensions[letter].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
