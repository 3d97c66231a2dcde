"""Excel import and export through the admin pages staff use."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from delegations.models import Delegation
from foreignaffairs.core.rest.renderers import csv_text as api_csv_text
from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE
from partners.models import PartnerLocality
from tests.excel.conftest import DELEGATION_HEADERS, csv_text, file_bytes, xlsx_bytes
from tests.excel.rows import CHILE, JAPAN
from tests.factories import DelegationFactory, PartnerLocalityFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:delegations_delegation_import")
PROCESS_URL = reverse("admin:delegations_delegation_process_import")
EXPORT_URL = reverse("admin:delegations_delegation_export")
XLSX_FORMAT, CSV_FORMAT = "0", "1"  # DomainAdmin.formats


def upload(client, rows, headers=DELEGATION_HEADERS):
    """The first step: upload, dry run, preview."""
    content = xlsx_bytes(headers, rows)
    file = SimpleUploadedFile("doan.xlsx", content, content_type=XLSX_CONTENT_TYPE)
    return client.post(IMPORT_URL, {"import_file": file, "format": XLSX_FORMAT})


def confirm(client, preview):
    return client.post(PROCESS_URL, preview.context["confirm_form"].initial)


def test_import_shows_a_preview_and_writes_only_after_confirmation(admin_client, superuser):
    preview = upload(admin_client, [CHILE, JAPAN])

    assert preview.status_code == 200
    assert "Xác nhận nhập" in preview.text
    assert "Đoàn Tổng thống Chile" in preview.text
    assert Delegation.objects.count() == 0

    response = confirm(admin_client, preview)

    assert response.status_code == 302
    assert Delegation.objects.count() == 2
    assert set(Delegation.objects.values_list("created_by", flat=True)) == {superuser.pk}
    assert {h.history_user for h in Delegation.history.all()} == {superuser}


def test_mixed_file_shows_every_bad_row_in_vietnamese_and_cannot_be_confirmed(admin_client):
    bad_date = ["Đoàn vào", "Đoàn A", "Khác", "Lào", "31/02/2024", "Đã thực hiện"]
    bad_level = ["Đoàn vào", "Đoàn B", "Vua", "Lào", "01/02/2024", "Đã thực hiện"]

    preview = upload(admin_client, [CHILE, bad_date, JAPAN, bad_level])

    assert "confirm_form" not in preview.context
    assert "Một số dòng có lỗi" in preview.text
    assert [row.number for row in preview.context["result"].invalid_rows] == [3, 5]
    assert "“31/02/2024” không phải ngày hợp lệ" in preview.text
    assert "“Vua” không phải giá trị hợp lệ" in preview.text
    # The columns the file does not have are empty cells, not import-export's "---".
    assert "<td>---</td>" not in preview.text
    assert Delegation.objects.count() == 0


def test_confirming_a_file_that_became_invalid_writes_nothing(admin_client):
    PartnerLocalityFactory(name="Yangon", country="MM")
    headers = [*DELEGATION_HEADERS, "Địa phương đối tác"]
    rows = [
        [*CHILE, ""],
        [
            "Đoàn vào",
            "Đoàn Yangon",
            "Lãnh đạo địa phương",
            "Myanmar",
            "01/02/2024",
            "Đã thực hiện",
            "Yangon",
        ],
    ]
    preview = upload(admin_client, rows, headers)
    PartnerLocality.objects.all().delete()  # someone deletes the partner before confirmation

    confirm(admin_client, preview)

    assert Delegation.objects.count() == 0


def test_reimporting_through_the_admin_leaves_one_copy(admin_client):
    confirm(admin_client, upload(admin_client, [CHILE, JAPAN]))

    confirm(admin_client, upload(admin_client, [CHILE, JAPAN]))

    assert Delegation.objects.count() == 2


def test_csv_files_are_imported_too(admin_client):
    file = SimpleUploadedFile("doan.csv", csv_text(DELEGATION_HEADERS, [CHILE]).encode())
    preview = admin_client.post(IMPORT_URL, {"import_file": file, "format": CSV_FORMAT})

    confirm(admin_client, preview)

    assert Delegation.objects.get().country.code == "CL"


def test_import_page_explains_the_columns_and_links_the_template(admin_client):
    response = admin_client.get(IMPORT_URL)

    assert "Tên đoàn" in response.text
    assert reverse("admin:delegations_delegation_import_template") in response.text
    assert "Nếu có dòng lỗi, không dòng nào được ghi." in response.text


def test_change_list_offers_import_template_and_export(admin_client):
    response = admin_client.get(reverse("admin:delegations_delegation_changelist"))

    assert IMPORT_URL in response.text
    assert EXPORT_URL in response.text
    assert reverse("admin:delegations_delegation_import_template") in response.text


def test_every_domain_list_has_import_and_export(admin_client):
    for model in ["partners/partnerlocality", "delegations/event", "agreements/agreement"]:
        response = admin_client.get(f"/admin/{model}/")

        assert f"/admin/{model}/import/" in response.text
        assert f"/admin/{model}/export/" in response.text


def read_xlsx(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def export(client, query: str, file_format=XLSX_FORMAT) -> bytes:
    """Export from the list, with the list's filters and search in the query string."""
    form = client.get(f"{EXPORT_URL}?{query}").context["form"]
    data = {name: "on" for name in form.fields if name.startswith("delegationresource_")}
    response = client.post(f"{EXPORT_URL}?{query}", {**data, "format": file_format})
    assert response.status_code == 200
    return file_bytes(response)


def test_export_honours_the_lists_filters_and_search(admin_client):
    DelegationFactory(title="Đoàn thành phố Đà Nẵng", direction="incoming")
    DelegationFactory(title="Đoàn Hồ Chí Minh đi Đà Nẵng", direction="outgoing")
    DelegationFactory(title="Đoàn Yangon", direction="incoming")

    rows = read_xlsx(export(admin_client, "direction__exact=incoming&q=da+nang"))

    titles = [row[rows[0].index("Tên đoàn")] for row in rows[1:]]
    assert titles == ["Đoàn thành phố Đà Nẵng"]


def test_export_has_vietnamese_headers_labels_and_date_cells(admin_client):
    DelegationFactory(
        title="Đoàn Tổng thống Chile",
        level="head_of_state",
        country="CL",
        start_date=datetime.date(2023, 11, 25),
    )

    header, row = read_xlsx(export(admin_client, ""))

    values = dict(zip(header, row, strict=True))
    assert header[:4] == ["Chiều đoàn", "Tên đoàn", "Cấp đoàn", "Quốc gia"]
    assert values["Cấp đoàn"] == "Nguyên thủ quốc gia"
    assert values["Quốc gia"] == "Chile"
    assert values["Tình trạng"] == "Đã thực hiện"
    assert values["Ngày bắt đầu"].date() == datetime.date(2023, 11, 25)


def test_csv_export_writes_dates_day_first(admin_client):
    DelegationFactory(start_date=datetime.date(2024, 4, 3))

    content = export(admin_client, "", CSV_FORMAT).decode("utf-8-sig")

    assert "03/04/2024" in content


def test_exported_file_reimports_without_duplicates(admin_client):
    DelegationFactory(title="Đoàn Tổng thống Chile", country="CL")
    content = export(admin_client, "")
    file = SimpleUploadedFile("xuat.xlsx", content, content_type=XLSX_CONTENT_TYPE)

    preview = admin_client.post(IMPORT_URL, {"import_file": file, "format": XLSX_FORMAT})
    confirm(admin_client, preview)

    assert preview.context["result"].totals["skip"] == 1
    assert Delegation.objects.count() == 1


def test_template_download_has_headers_example_and_allowed_values(admin_client):
    response = admin_client.get(reverse("admin:delegations_delegation_import_template"))

    workbook = load_workbook(io.BytesIO(response.content))
    data, allowed = workbook.worksheets
    header = [cell.value for cell in data[1]]
    assert header[:3] == ["Chiều đoàn", "Tên đoàn", "Cấp đoàn"]
    assert [cell.value for cell in data[2]][:2] == [
        "Đoàn vào",
        "Đoàn mẫu — Thị trưởng Thành phố Ví Dụ",
    ]
    allowed_rows = [tuple(row) for row in allowed.iter_rows(values_only=True)]
    assert ("Cấp đoàn", "Nguyên thủ quốc gia", "head_of_state") in allowed_rows
    assert ("Quốc gia", "Ai-xơ-len", "IS") in allowed_rows


def test_leaders_export_but_cannot_import(client, leader_user):
    client.force_login(leader_user)

    assert client.get(EXPORT_URL).status_code == 200
    assert client.get(IMPORT_URL).status_code == 403
    assert client.get(reverse("admin:delegations_delegation_import_template")).status_code == 403


def test_staff_can_import(client, staff_user):
    client.force_login(staff_user)

    confirm(client, upload(client, [CHILE]))

    assert Delegation.objects.get().created_by == staff_user


def test_import_page_in_english(admin_client):
    admin_client.cookies["django_language"] = "en"

    response = admin_client.get(IMPORT_URL, HTTP_ACCEPT_LANGUAGE="en")

    assert "Delegation name" in response.text
    assert "File to import" in response.text
    assert "up to 5,000 rows" in response.text  # thousands grouped the English way


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_the_admin_export_escapes_formulas_like_the_api(admin_client, start):
    title = f"{start}1+1 Đoàn"
    # Saving trims the text; a title starting with a tab or CR can still come from elsewhere.
    Delegation.objects.filter(pk=DelegationFactory().pk).update(title=title)

    header, row = read_xlsx(export(admin_client, ""))
    csv_header, csv_row = csv.reader(io.StringIO(export(admin_client, "", CSV_FORMAT).decode()))

    assert api_csv_text(title) == "'" + title
    assert csv_row[csv_header.index("Tên đoàn")] == "'" + title
    # XLSX keeps a carriage return, or turns it into a line feed (openpyxl without lxml).
    assert row[header.index("Tên đoàn")] in {"'" + title, "'" + title.replace("\r", "\n")}


def test_a_partner_name_that_looks_like_a_formula_is_exported_inert(admin_client):
    partner = PartnerLocalityFactory(name="=Osaka", country="JP")
    DelegationFactory(partner=partner, country="JP")

    header, row = read_xlsx(export(admin_client, ""))

    assert row[header.index("Địa phương đối tác")] == "'=Osaka"


def test_text_that_looks_like_a_formula_is_exported_inert_and_reimported_intact(admin_client):
    DelegationFactory(title='=HYPERLINK("http://example.invalid","bấm")')

    header, row = read_xlsx(export(admin_client, ""))

    assert row[header.index("Tên đoàn")] == '\'=HYPERLINK("http://example.invalid","bấm")'
    file = SimpleUploadedFile("xuat.xlsx", export(admin_client, ""), content_type=XLSX_CONTENT_TYPE)
    preview = admin_client.post(IMPORT_URL, {"import_file": file, "format": XLSX_FORMAT})
    assert preview.context["result"].totals["skip"] == 1
