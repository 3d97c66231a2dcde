"""The admin's import page refuses files larger than it imports, before reading them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from delegations.models import Delegation
from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE
from tests.excel.conftest import DELEGATION_HEADERS, csv_text
from tests.excel.rows import CHILE, JAPAN
from tests.excel.test_admin import CSV_FORMAT, IMPORT_URL, XLSX_FORMAT, upload

pytestmark = pytest.mark.django_db


def form_errors(response) -> str:
    return " ".join(response.context["form"].errors.get("import_file", []))


def test_more_rows_than_the_admin_takes_points_to_the_command(admin_client, settings):
    settings.IMPORT_ADMIN_MAX_ROWS = settings.IMPORT_BACKGROUND_MAX_ROWS = 1

    response = upload(admin_client, [CHILE, JAPAN])

    assert "Tệp có 2 dòng, quá 1 dòng nhập được trên trang này" in form_errors(response)
    assert "manage.py import_excel" in form_errors(response)
    assert "result" not in response.context
    assert Delegation.objects.count() == 0


def test_a_small_file_declaring_a_million_rows_is_refused_unread(admin_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(DELEGATION_HEADERS)
    sheet.cell(row=1_000_000, column=1, value="Đoàn vào")
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert len(buffer.getvalue()) < 20_000
    file = SimpleUploadedFile("lon.xlsx", buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)

    response = admin_client.post(IMPORT_URL, {"import_file": file, "format": XLSX_FORMAT})

    assert "Tệp có 999.999 dòng" in form_errors(response)


def test_a_csv_file_is_counted_too(admin_client, settings):
    settings.IMPORT_ADMIN_MAX_ROWS = settings.IMPORT_BACKGROUND_MAX_ROWS = 1
    content = csv_text(DELEGATION_HEADERS, [CHILE, JAPAN]).encode()
    file = SimpleUploadedFile("doan.csv", content, content_type="text/csv")

    response = admin_client.post(IMPORT_URL, {"import_file": file, "format": CSV_FORMAT})

    assert "Tệp có 2 dòng" in form_errors(response)


def test_a_file_heavier_than_the_limit_is_refused(admin_client, settings):
    settings.IMPORT_MAX_FILE_MB = 0

    response = upload(admin_client, [CHILE])

    assert "quá 0 MB nhập được trên trang này" in form_errors(response)


def test_a_file_within_the_limits_imports(admin_client, settings):
    settings.IMPORT_ADMIN_MAX_ROWS = 2

    response = upload(admin_client, [CHILE, JAPAN])

    assert response.context["result"].totals["new"] == 2
