"""A staff member's Excel work in a real browser, in Vietnamese and English: importing a file
through its preview (a bad row shown in the row, then the corrected file's new and changed rows,
confirmed), and exporting the list being looked at, opened as Excel would."""

import datetime

import pytest
from openpyxl import load_workbook

from delegations.models import Delegation, Status
from tests.browser.conftest import WIDTHS, log_in, page_width, staff_tab
from tests.excel.conftest import DELEGATION_HEADERS, xlsx_bytes
from tests.factories import DelegationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMPORT = "/admin/delegations/delegation/import/"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHILE = ["Đoàn vào", "Đoàn Tổng thống Chile", "Nguyên thủ quốc gia", "Chilê", "25/11/2023"]
OSAKA = ["Đoàn ra", "Đoàn Thành phố thăm Osaka", "Lãnh đạo địa phương", "Nhật Bản"]

# What the staff member reads on the way, in each language.
TEXTS = {
    "vi": {
        "upload": "Tải lên và xem trước",
        "bad rows": "Một số dòng có lỗi",
        "bad date": "“31/02/2026” không phải ngày hợp lệ",
        "preview": "Xem trước",
        "new": "Mới",
        "update": "Cập nhật",
        "planned": "Dự kiến",
        "completed": "Đã thực hiện",
        "confirm": "Xác nhận nhập",
        "done": "Đã nhập xong: 1 mới, 1 cập nhật",
        "export link": "Xuất ra tệp",
        "export button": "Xuất tệp",
        "count": "Tệp sẽ có 3 bản ghi",
        "headers": ["Chiều đoàn", "Tên đoàn", "Ngày bắt đầu", "Tình trạng"],
        "incoming": "Đoàn vào",
    },
    "en": {
        "upload": "Upload and preview",
        "bad rows": "Some rows have errors",
        "bad date": "“31/02/2026” is not a valid date",
        "preview": "Preview",
        "new": "New",
        "update": "Update",
        "planned": "Planned",
        "completed": "Completed",
        "confirm": "Confirm import",
        "done": "Import finished: 1 new, 1 updated",
        "export link": "Export",
        "export button": "Export file",
        "count": "The file will hold 3 records",
        "headers": ["Direction", "Delegation name", "Start date", "Status"],
        "incoming": "Incoming",
    },
}


def upload(tab, texts: dict, rows, name: str):
    """Choose an Excel file of `rows` on the import page and send it for a preview."""
    tab.goto(IMPORT)
    tab.set_input_files(
        "#id_import_file",
        files=[
            {"name": name, "mimeType": XLSX_MIME, "buffer": xlsx_bytes(DELEGATION_HEADERS, rows)}
        ],
    )
    tab.select_option("#id_format", label="xlsx")
    tab.get_by_role("button", name=texts["upload"]).click()
    tab.wait_for_load_state()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_staff_import_a_file_through_its_preview(
    browser, live_server, staff_member, artifacts, language
):
    texts = TEXTS[language]
    planned = DelegationFactory(
        direction="incoming",
        title="Đoàn Tổng thống Chile",
        level="head_of_state",
        country="CL",
        start_date=datetime.date(2023, 11, 25),
        status=Status.PLANNED,
    )
    context, tab = staff_tab(browser, live_server, language, 1366)
    log_in(tab, staff_member.username, next_path=IMPORT)

    # A file with a mistyped date: the problem is shown in its row, nothing can be confirmed.
    upload(
        tab,
        texts,
        [[*CHILE, "Đã thực hiện"], [*OSAKA, "31/02/2026", "Đã thực hiện"]],
        "doan-loi.xlsx",
    )
    assert texts["bad rows"] in tab.locator("#content").inner_text()
    bad_row = tab.locator("table.import-preview tbody tr")
    assert bad_row.count() == 1
    assert bad_row.locator("td").first.inner_text() == "3"  # the spreadsheet's row number
    assert texts["bad date"] in bad_row.locator("td.errors").inner_text()
    assert bad_row.locator(".import-row-errors").is_visible()  # in the row, not on hover
    assert tab.get_by_role("button", name=texts["confirm"]).count() == 0
    tab.screenshot(path=str(artifacts / f"admin-import-errors-{language}-1366.png"), full_page=True)

    # The corrected file: one visit to add, one planned visit now carried out.
    upload(
        tab, texts, [[*CHILE, "Đã thực hiện"], [*OSAKA, "03/04/2026", "Đã thực hiện"]], "doan.xlsx"
    )
    preview = tab.locator("table.import-preview")
    rows = {
        row.locator("td.import-type").inner_text().strip(): row
        for row in preview.locator("tr.new, tr.update").all()
    }
    assert set(rows) == {texts["new"], texts["update"]}
    assert "Đoàn Thành phố thăm Osaka" in rows[texts["new"]].inner_text()
    changed = rows[texts["update"]]
    assert changed.locator("del").all_inner_texts() == [texts["planned"]]
    assert changed.locator("ins").all_inner_texts() == [texts["completed"]]
    assert "None" not in preview.inner_text()
    assert not Delegation.objects.filter(title="Đoàn Thành phố thăm Osaka").exists()
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
        tab.screenshot(
            path=str(artifacts / f"admin-import-preview-{language}-{width}.png"), full_page=True
        )
        assert page_width(tab) <= width

    tab.set_viewport_size({"width": 1366, "height": 900})
    tab.get_by_role("button", name=texts["confirm"]).click()
    tab.wait_for_load_state()

    assert texts["done"] in tab.locator(".messagelist").inner_text()
    assert tab.url.endswith("/admin/delegations/delegation/")
    assert "Đoàn Thành phố thăm Osaka" in tab.locator("#result_list").inner_text()
    planned.refresh_from_db()
    assert planned.status == Status.COMPLETED
    osaka = Delegation.objects.get(title="Đoàn Thành phố thăm Osaka")
    assert (osaka.start_date, osaka.country.code) == (datetime.date(2026, 4, 3), "JP")
    assert osaka.created_by == staff_member
    context.close()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_staff_export_the_list_they_look_at(
    browser, live_server, staff_member, artifacts, tmp_path, language
):
    texts = TEXTS[language]
    for day in (3, 4, 5):
        DelegationFactory(
            direction="incoming",
            status=Status.COMPLETED,
            title=f"Đoàn Thị trưởng Osaka {day}",
            start_date=datetime.date(2017, 4, day),
        )
    DelegationFactory(status=Status.COMPLETED, start_date=datetime.date(2016, 4, 3))
    context, tab = staff_tab(browser, live_server, language, 1366)
    log_in(tab, staff_member.username, next_path="/admin/delegations/delegation/?received_in=2017")

    tab.get_by_role("link", name=texts["export link"]).click()
    tab.wait_for_load_state()

    assert tab.locator("#id_format option:checked").inner_text().lower() == "xlsx"
    assert texts["count"] in tab.locator(".export-count").inner_text()
    button = tab.locator(".submit-row input[type=submit]")
    assert button.get_attribute("value") == texts["export button"]
    # The "select all" box works (its inline handler would be blocked by the CSP).
    columns = tab.locator(".selectable-field-export-row input[type=checkbox]:visible")
    tab.locator("#select-all-toggle").uncheck()
    assert not any(box.is_checked() for box in columns.all())
    tab.locator("#select-all-toggle").check()
    assert all(box.is_checked() for box in columns.all())
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
        tab.screenshot(path=str(artifacts / f"admin-export-{language}-{width}.png"), full_page=True)
        assert page_width(tab) <= width

    with tab.expect_download() as download:
        button.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    context.close()

    assert saved.name.startswith("doan-vao-doan-ra-" if language == "vi" else "incoming")
    sheet = load_workbook(saved).active
    header = [cell.value for cell in sheet[1]]
    assert set(texts["headers"]) <= set(header)
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 3
    start = header.index(texts["headers"][2])
    dates = [row[start] for row in rows]
    assert {cell.value.date() for cell in dates} == {datetime.date(2017, 4, d) for d in (3, 4, 5)}
    assert {cell.number_format for cell in dates} == {"DD/MM/YYYY"}
    direction = header.index(texts["headers"][0])
    assert {row[direction].value for row in rows} == {texts["incoming"]}
