"""What staff read about an import: the preview's cells, and the problems met (never a
traceback)."""

import logging

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError
from django.utils.encoding import force_str
from django.utils.html import format_html
from django.utils.translation import gettext as _
from import_export import resources, results

from foreignaffairs.core.integrity import constraint_message


class ChangesDiff(resources.Diff):
    """The preview's cells. A new row shows its values; an updated record shows each cell
    that changes as “old → new”, and the others as they are (an empty cell changes nothing)."""

    def as_html(self):
        cells = []
        for old, new in zip(self.left, self.right, strict=False):
            old, new = force_str(old if old is not None else ""), force_str(new or "")
            if self.new or old == new:
                cells.append(new)
            else:
                cells.append(
                    format_html(
                        '<span class="import-change"><del>{}</del> → <ins>{}</ins></span>',
                        old or _("(trống)"),
                        new or _("(trống)"),
                    )
                )
        return cells


logger = logging.getLogger(__name__)


def problem_message(error) -> str:
    """What staff read for an exception met while importing: never a traceback."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, ValueError):
        return str(error)
    if isinstance(error, IntegrityError) and (message := constraint_message(error)):
        return message
    logger.error("Import failed", exc_info=error)
    if isinstance(error, DatabaseError):
        return _(
            "Cơ sở dữ liệu báo lỗi khi xử lý tệp; không có dòng nào được ghi. Hãy thử lại sau "
            "ít phút; nếu vẫn lỗi, báo quản trị hệ thống (chi tiết đã ghi vào nhật ký)."
        )
    return _(
        "Có lỗi không lường trước khi xử lý tệp; không có dòng nào được ghi. Hãy báo quản trị "
        "hệ thống (chi tiết đã ghi vào nhật ký)."
    )


class ImportProblem(results.Error):
    """An exception met while importing, as a message for staff (`problem_message`)."""

    def __init__(self, error, row=None, number=None):
        super().__init__(error, row=row, number=number)
        self.exception = error
        self.error = problem_message(error)

    @property
    def traceback(self):
        return ""


class ImportResult(results.Result):
    """import-export's result, but a column the file does not have shows as an empty cell in
    the table of rows with errors, not as "---"."""

    def append_invalid_row(self, number, row, validation_error):
        values = tuple(row.get(column, "") for column in self.diff_headers)
        self.invalid_rows.append(
            results.InvalidRow(number=number, validation_error=validation_error, values=values)
        )
