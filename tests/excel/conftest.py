import csv
import io

import pytest
from import_export.formats.base_formats import CSV, XLSX
from openpyxl import Workbook

from tests.factories import UserFactory
from tests.security.conftest import leader_user, roles, staff_user  # noqa: F401 - fixtures

DELEGATION_HEADERS = [
    "Chiều đoàn",
    "Tên đoàn",
    "Cấp đoàn",
    "Quốc gia",
    "Ngày bắt đầu",
    "Tình trạng",
]


def file_bytes(response) -> bytes:
    """The file an export sends: streamed for a list (admin and API), whole for one record."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def xlsx_bytes(headers, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(headers, rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue()


def xlsx_dataset(headers, rows):
    """A dataset read the way the admin reads an uploaded XLSX file."""
    return XLSX().create_dataset(xlsx_bytes(headers, rows))


def csv_dataset(headers, rows):
    return CSV().create_dataset(csv_text(headers, rows))


@pytest.fixture
def importer(db):
    return UserFactory(username="chuyenvien-nhap")
