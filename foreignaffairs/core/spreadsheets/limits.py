"""How large a file the admin's import page takes, checked before the file is read.

A spreadsheet is checked by what it declares, cheaply: its size on disk, the uncompressed size
of its parts (an XLSX is a zip: a 1 MB file can unpack to gigabytes) and the rows its sheet
declares (`<dimension ref="A1:F1000000">`, read without reading the rows). A CSV file's rows are
counted by streaming it. Larger files go through `python manage.py import_excel`, which streams
them in chunks with bounded memory (`large_files.import_file`).
"""

import itertools
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from foreignaffairs.core.text import number_text

# An XLSX file's parts, uncompressed, at most this many times the largest file accepted.
MAX_UNPACK_RATIO = 20
# A sheet that declares no dimension is counted up to this many rows (then it is too large).
MAX_COUNTED_ROWS = 1_000_000
COMMAND_HINT = "python manage.py import_excel <model> <file> --user <username>"


def max_bytes() -> int:
    return settings.IMPORT_MAX_FILE_MB * 1024 * 1024


def check_upload(file, name: str, max_rows: int | None = None) -> int:
    """The data rows the uploaded `file` (a file object) declares; ValueError with a message
    for staff if it is larger than the admin imports: in bytes, unpacked bytes, or rows (the
    header excepted)."""
    max_rows = settings.IMPORT_ADMIN_MAX_ROWS if max_rows is None else max_rows
    size = file.size if hasattr(file, "size") else len(file.read())
    if size > max_bytes():
        raise ValueError(
            _(
                "Tệp nặng %(size)s MB, quá %(max)s MB nhập được trên trang này. Hãy chia nhỏ "
                "tệp, hoặc nhờ quản trị hệ thống nhập bằng lệnh: %(command)s"
            )
            % {
                "size": number_text(round(size / 1024 / 1024)),
                "max": settings.IMPORT_MAX_FILE_MB,
                "command": COMMAND_HINT,
            }
        )
    file.seek(0)
    rows = declared_rows(file, name)
    file.seek(0)
    if rows > max_rows:
        raise ValueError(
            _(
                "Tệp có %(rows)s dòng, quá %(max)s dòng nhập được trên trang này. Hãy chia nhỏ "
                "tệp, hoặc nhờ quản trị hệ thống nhập bằng lệnh: %(command)s"
            )
            % {"rows": number_text(rows), "max": number_text(max_rows), "command": COMMAND_HINT}
        )
    return rows


def declared_rows(file, name: str) -> int:
    """The data rows a file declares, without reading them into memory."""
    if name.lower().endswith(".xlsx"):
        return xlsx_declared_rows(file)
    return max(sum(1 for _line in file) - 1, 0)


def xlsx_declared_rows(file) -> int:
    try:
        with zipfile.ZipFile(file) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return 0  # not a workbook: the import's reader says so
    if unpacked > MAX_UNPACK_RATIO * max_bytes():
        raise ValueError(
            _("Tệp Excel này giải nén ra quá lớn (%(size)s MB) để nhập trên trang này.")
            % {"size": number_text(round(unpacked / 1024 / 1024))}
        )
    file.seek(0)
    workbook = load_workbook(file, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        # Read-only mode takes max_row from the sheet's <dimension>, not from its rows.
        if sheet.max_row is not None:
            return max(sheet.max_row - 1, 0)
        # No dimension declared: count the rows, streamed, up to one past the cap.
        rows = sheet.iter_rows(values_only=True)
        return max(sum(1 for _ in itertools.islice(rows, MAX_COUNTED_ROWS)) - 1, 0)
    finally:
        workbook.close()
