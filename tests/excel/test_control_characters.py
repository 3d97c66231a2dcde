"""Control characters: refused on input, never written into an export."""

import pytest

from delegations.models import Delegation
from delegations.resources import DelegationResource
from tests.api.test_exports import xlsx_rows
from tests.excel.conftest import DELEGATION_HEADERS, csv_dataset
from tests.excel.rows import CHILE
from tests.excel.test_admin import CSV_FORMAT, export, read_xlsx
from tests.excel.test_import import problems
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


def test_an_imported_cell_with_a_control_character_is_a_row_error():
    row = [*CHILE]
    row[1] = "Đoàn A\x0bB"

    # A CSV file: openpyxl will not even write such a cell into a workbook.
    result = DelegationResource().import_data(csv_dataset(DELEGATION_HEADERS, [row]))

    assert "Có ký tự điều khiển không hợp lệ (U+000B)" in problems(result)[2]
    assert Delegation.objects.count() == 0


def test_the_admin_form_refuses_a_control_character(admin_client):
    response = admin_client.post(
        "/admin/delegations/delegation/add/",
        {
            "direction": "incoming",
            "title": "Đoàn A\x0bB",
            "level": "other",
            "country": "JP",
            "start_date": "10/03/2024",
            "status": "completed",
            "date_precision": "day",
            "host_role": "lead",
        },
    )

    assert response.status_code == 200
    assert "Có ký tự điều khiển không hợp lệ (U+000B)" in response.text
    assert Delegation.objects.count() == 0


@pytest.fixture
def stored_with_control_characters(db):
    visit = DelegationFactory()
    # Stored before input refused them (not NUL: PostgreSQL's text cannot hold it).
    Delegation.objects.filter(pk=visit.pk).update(title="Đoàn A\x0bB\x01", purpose="x\x1fy")
    return visit


def test_the_admin_exports_strip_stored_control_characters(
    admin_client, stored_with_control_characters
):
    header, row = read_xlsx(export(admin_client, ""))
    csv_text = export(admin_client, "", CSV_FORMAT).decode("utf-8-sig")

    assert row[header.index("Tên đoàn")] == "Đoàn AB"
    assert "Đoàn AB" in csv_text and "\x0b" not in csv_text


def test_the_api_xlsx_export_strips_stored_control_characters(
    token_client,
    stored_with_control_characters,
):
    header, row = xlsx_rows(token_client.get("/api/v1/delegations/?format=xlsx"))

    assert row[header.index("title")] == "Đoàn AB"
