import csv
import datetime
import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from delegations.models import Pillar
from foreignaffairs.core import daily_counts
from foreignaffairs.core.rest.views import RecordViewSet
from foreignaffairs.core.spreadsheets import formats
from tests.excel.conftest import file_bytes
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, file_bytes(response)
    text = file_bytes(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200, file_bytes(response)
    sheet = load_workbook(io.BytesIO(file_bytes(response))).active
    return list(sheet.iter_rows(values_only=True))


@pytest.fixture
def visits(db):
    osaka = PartnerLocalityFactory(name="Ô-xa-ca", country="JP")
    return [
        DelegationFactory(title="Đoàn Thống đốc Ô-xa-ca", partner=osaka, member_count=12),
        DelegationFactory(
            title="Đoàn Thủ tướng Pháp", country="FR", level="head_of_government", member_count=30
        ),
        DelegationFactory(title="Đoàn ra Hàn Quốc", direction="outgoing", country="KR"),
    ]


def test_csv_is_utf8_with_bom_and_has_the_json_columns(token_client, visits):
    response = token_client.get("/api/v1/delegations/?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="delegations-')
    rows = csv_rows(response)
    json_row = token_client.get(f"/api/v1/delegations/{visits[0].pk}/").json()
    assert rows[0] == list(json_row)
    exported = next(row for row in rows[1:] if row[0] == str(visits[0].pk))
    columns = dict(zip(rows[0], exported, strict=True))
    assert columns["title"] == "Đoàn Thống đốc Ô-xa-ca"
    assert columns["country_name"] == "Nhật Bản"
    assert columns["partner"] == str(visits[0].partner_id)
    assert (columns["start_date"], columns["end_date"]) == ("2017-03-10", "")
    assert (columns["high_level"], columns["member_count"]) == ("false", "12")


def test_csv_headers_in_vietnamese_on_request(token_client, visits):
    rows = csv_rows(token_client.get("/api/v1/delegations/?format=csv&headers=vi"))
    assert rows[0][:5] == ["ID", "Tên đoàn", "Chiều đoàn", "Cấp đoàn", "Đoàn cấp cao"]
    assert "Tên quốc gia" in rows[0]


def test_exports_honour_the_filters(token_client, visits):
    rows = csv_rows(token_client.get("/api/v1/delegations/?format=csv&high_level=true"))
    assert [row[1] for row in rows[1:]] == ["Đoàn Thủ tướng Pháp"]
    rows = xlsx_rows(token_client.get("/api/v1/delegations/?format=xlsx&direction=outgoing"))
    assert [row[1] for row in rows[1:]] == ["Đoàn ra Hàn Quốc"]


def test_exports_have_every_matching_row_not_one_page(token_client, db):
    for _ in range(7):
        PartnerLocalityFactory()
    rows = csv_rows(token_client.get("/api/v1/partners/?format=csv&page_size=2&page=2"))
    assert len(rows) == 1 + 7


def test_xlsx_has_real_dates_numbers_and_vietnamese_headers(token_client, visits):
    response = token_client.get("/api/v1/delegations/?format=xlsx&headers=vi&ordering=id")
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].endswith('.xlsx"')
    header, first, *_rest = xlsx_rows(response)
    columns = dict(zip(header, first, strict=True))
    assert columns["Tên đoàn"] == "Đoàn Thống đốc Ô-xa-ca"
    assert columns["Ngày bắt đầu"] == datetime.datetime(2017, 3, 10)
    assert columns["Số thành viên"] == 12
    assert columns["Tên quốc gia"] == "Nhật Bản"


def test_a_file_for_people_has_vietnamese_values_not_codes(token_client, visits):
    response = token_client.get("/api/v1/delegations/?format=xlsx&headers=vi&ordering=id")

    workbook = load_workbook(io.BytesIO(file_bytes(response)))
    header, first, *_rest = workbook.active.iter_rows(values_only=True)
    columns = dict(zip(header, first, strict=True))
    assert workbook.active.title == "Đoàn vào, đoàn ra"
    assert columns["Chiều đoàn"] == "Đoàn vào"
    assert columns["Tình trạng"] == "Đã thực hiện"
    assert columns["Đoàn cấp cao"] == "Không"
    assert columns["Quốc gia"] == "Nhật Bản"
    csv_columns = csv_rows(token_client.get("/api/v1/delegations/?format=csv&headers=vi"))
    direction = csv_columns[0].index("Chiều đoàn")
    assert {row[direction] for row in csv_columns[1:]} == {"Đoàn vào", "Đoàn ra"}


def test_lists_are_joined_in_one_cell(token_client, db):
    partners = [PartnerLocalityFactory(), PartnerLocalityFactory()]
    AgreementFactory(partners=partners)
    rows = csv_rows(token_client.get("/api/v1/agreements/?format=csv"))
    column = rows[0].index("partners")
    assert rows[1][column] == f"{partners[0].pk}; {partners[1].pk}"


def test_text_that_looks_like_a_formula_is_not_run_by_the_spreadsheet(token_client, db):
    DelegationFactory(title='=HYPERLINK("http://example.invalid")')
    csv_title = csv_rows(token_client.get("/api/v1/delegations/?format=csv"))[1][1]
    assert csv_title == '\'=HYPERLINK("http://example.invalid")'
    response = token_client.get("/api/v1/delegations/?format=xlsx")
    cell = load_workbook(io.BytesIO(file_bytes(response))).active["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://example.invalid")', "s")


def test_an_export_with_an_invalid_filter_answers_400_in_json(token_client, db):
    response = token_client.get("/api/v1/delegations/?format=csv&status=done")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "status" in response.json()


def test_an_unknown_header_option_is_400(token_client, db):
    response = token_client.get("/api/v1/partners/?format=xlsx&headers=fr")
    assert response.status_code == 400
    assert "headers" in response.json()


def test_exports_need_a_key_too(anonymous_client, db):
    response = anonymous_client.get("/api/v1/partners/?format=csv")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("resource", ["partners", "delegations", "events", "agreements"])
def test_every_list_exports_both_formats(token_client, db, resource):
    assert csv_rows(token_client.get(f"/api/v1/{resource}/?format=csv"))[0][0] == "id"
    assert xlsx_rows(token_client.get(f"/api/v1/{resource}/?format=xlsx"))[0][0] == "id"


def test_export_queries_grow_with_chunks_not_rows(token_client, db, django_assert_max_num_queries):
    for _ in range(30):
        AgreementFactory(partners=[PartnerLocalityFactory()])
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    # key, last use, whether a recount is due, rows, partners, fields: one chunk of 500 rows
    with django_assert_max_num_queries(6):
        rows = csv_rows(token_client.get("/api/v1/agreements/?format=csv"))
    assert len(rows) == 31


def visit_with_a_pillar():
    pillar, _ = Pillar.objects.get_or_create(code="economy", defaults={"name": "Kinh tế"})
    DelegationFactory().pillars.set([pillar])


def event_with_a_partner():
    EventFactory().partners.set([PartnerLocalityFactory()])


@pytest.mark.parametrize(
    "resource, create",
    [("delegations", visit_with_a_pillar), ("events", event_with_a_partner)],
)
def test_on_postgresql_an_export_reads_its_links_with_its_rows(
    token_client, db, monkeypatch, django_assert_num_queries, resource, create
):
    """Visits' pillars and events' partners come in the rows' own query there: an export
    of a million rows costs the queries of one."""
    if connection.vendor != "postgresql":
        pytest.skip("the links are read as arrays on PostgreSQL; elsewhere one query a chunk")
    monkeypatch.setattr(RecordViewSet, "export_chunk_size", 2)
    url = f"/api/v1/{resource}/?format=csv"
    create()
    token_client.get(url)  # the key's last use is written once a minute: not measured
    with django_assert_num_queries(2):  # the key, the rows with their links
        assert len(csv_rows(token_client.get(url))) == 2
    for _ in range(6):
        create()
    with django_assert_num_queries(2):  # four chunks
        rows = csv_rows(token_client.get(url))
    links = rows[0].index("pillars" if resource == "delegations" else "partners")
    assert len(rows) == 8
    assert all(row[links] for row in rows[1:])


def test_a_large_export_is_sent_as_it_is_written(token_client, db, monkeypatch):
    DelegationFactory.create_batch(12)
    monkeypatch.setattr(formats, "CSV_ROWS_PER_PIECE", 5)

    response = token_client.get("/api/v1/delegations/?format=csv")

    # Header and 12 rows sent in pieces of 5 rows: the file is never held whole in memory.
    pieces = list(response.streaming_content)
    assert len(pieces) == 3
    text = b"".join(pieces).decode("utf-8").removeprefix("\ufeff")
    assert len(list(csv.reader(io.StringIO(text)))) == 13


def test_a_single_record_exports_as_one_row(token_client, visits):
    rows = csv_rows(token_client.get(f"/api/v1/delegations/{visits[1].pk}/?format=csv"))
    assert [row[1] for row in rows] == ["title", "Đoàn Thủ tướng Pháp"]
