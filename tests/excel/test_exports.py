"""The admin's exports as Excel shows them to Vietnamese staff."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from foreignaffairs.core.spreadsheets import formats
from tests.excel.conftest import file_bytes
from tests.excel.test_admin import CSV_FORMAT, EXPORT_URL, XLSX_FORMAT
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


def export_response(client, file_format):
    form = client.get(EXPORT_URL).context["form"]
    data = {name: "on" for name in form.fields if name.startswith("delegationresource_")}
    return client.post(EXPORT_URL, {**data, "format": file_format})


def test_the_csv_export_starts_with_a_utf8_byte_order_mark(admin_client):
    DelegationFactory(title="Đoàn Hà Nội")

    content = file_bytes(export_response(admin_client, CSV_FORMAT))

    assert content.startswith("\ufeff".encode())
    assert "Chiều đoàn" in content.decode("utf-8-sig")


def test_the_xlsx_export_has_a_vietnamese_sheet_and_dates_shown_day_first(admin_client):
    DelegationFactory(title="Đoàn Hà Nội", start_date=datetime.date(2024, 4, 3))

    response = export_response(admin_client, XLSX_FORMAT)

    sheet = load_workbook(io.BytesIO(file_bytes(response))).active
    header = [cell.value for cell in sheet[1]]
    date_cell = sheet.cell(row=2, column=header.index("Ngày bắt đầu") + 1)
    assert sheet.title == "Đoàn vào, đoàn ra"
    assert date_cell.value == datetime.datetime(2024, 4, 3)
    assert date_cell.number_format == "DD/MM/YYYY"


def test_file_names_keep_the_letter_d(admin_client):
    export = export_response(admin_client, XLSX_FORMAT)
    template = admin_client.get(reverse("admin:delegations_delegation_import_template"))

    today = datetime.date.today().isoformat()
    assert f'filename="doan-vao-doan-ra-{today}.xlsx"' in export["Content-Disposition"]
    assert 'filename="mau-doan-vao-doan-ra.xlsx"' in template["Content-Disposition"]


def test_the_admin_export_is_sent_as_it_is_written(admin_client, monkeypatch):
    DelegationFactory.create_batch(12)
    monkeypatch.setattr(formats, "CSV_ROWS_PER_PIECE", 5)

    response = export_response(admin_client, CSV_FORMAT)

    # Header and 12 rows sent in pieces of 5 rows: the file is never held whole in memory.
    pieces = list(response.streaming_content)
    assert len(pieces) == 3
    assert b"".join(pieces).decode("utf-8-sig").count("\r\n") == 13


@pytest.mark.parametrize("file_format", [XLSX_FORMAT, CSV_FORMAT])
def test_the_admin_export_reads_in_chunks_not_per_record(
    admin_client, file_format, django_assert_max_num_queries
):
    DelegationFactory.create_batch(40)
    form = admin_client.get(EXPORT_URL).context["form"]
    data = {name: "on" for name in form.fields if name.startswith("delegationresource_")}

    # Session, user, the chunk of records and of each relation the columns show.
    with django_assert_max_num_queries(12):
        response = admin_client.post(EXPORT_URL, {**data, "format": file_format})
        content = file_bytes(response)

    assert content
