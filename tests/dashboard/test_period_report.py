"""The report to send (DOCX, XLSX) and the period figures, over the demo's real periods: the
first half of 2012 (47 incoming delegations published) and the year 2017 (155)."""

import re
import shutil
import subprocess
from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from foreignaffairs.api.models import ApiClient
from foreignaffairs.core import daily_counts
from foreignaffairs.reports.period_report import MOTTO, NATIONAL_TITLE
from tests.dashboard.conftest import day

# The fixtures and the demo, seeded once for this module (tests use it with `demo`).
from tests.data.conftest import seeded  # noqa: F401
from tests.factories import DelegationFactory, UserFactory

FIRST_HALF_2012 = {"from": "2012-01-01", "to": "2012-06-30"}
YEAR_2017 = {"from": "2017-01-01", "to": "2017-12-31"}
LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


demo = pytest.mark.usefixtures("seeded", "db")


def docx_text(content: bytes) -> str:
    document = Document(BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@demo
def test_the_demo_shows_47_incoming_delegations_in_the_first_half_of_2012(client):
    _department, key = ApiClient.issue("Sở Kế hoạch và Đầu tư")
    body = client.get(
        "/api/v1/stats/period/", FIRST_HALF_2012, HTTP_AUTHORIZATION=f"Token {key}"
    ).json()
    assert body["figures"]["incoming_delegations"] == 47
    published = next(row for row in body["reported"] if row["metric"] == "incoming_delegations")
    assert (published["value"], published["recorded"], published["completeness"]) == (47, 47, 100)
    assert published["period"]["to"] == "2012-06-30"
    assert body["previous"] is None  # 2011 is before the records begin


@pytest.mark.parametrize(
    ("period", "incoming", "title"),
    [
        (FIRST_HALF_2012, 47, "Kết quả công tác đối ngoại 6 tháng đầu năm 2012"),
        (YEAR_2017, 155, "Kết quả công tác đối ngoại năm 2017"),
    ],
)
@demo
def test_the_docx_report_states_the_published_counts(leader_client, period, incoming, title):
    response = leader_client.get("/reports/period.docx", period)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    text = docx_text(response.content)
    assert NATIONAL_TITLE in text and MOTTO in text
    assert "SỞ NGOẠI VỤ" in text
    assert "Số:" in text and "ngày     tháng     năm" in text  # left for the clerk
    assert title in text
    assert f"đã đón {incoming} đoàn khách quốc tế" in text
    assert "Theo châu lục" in text and "Theo cấp đoàn" in text
    assert "VĂN BẢN HỢP TÁC ĐÃ KÝ KẾT" in text


@demo
def test_the_report_is_vietnamese_from_an_english_page_too(leader_client):
    response = leader_client.get("/reports/period.docx", YEAR_2017, HTTP_ACCEPT_LANGUAGE="en")
    text = docx_text(response.content)
    assert "Đoàn quốc tế đến Thành phố" in text  # not "Foreign delegations received"
    assert "đã đón 155 đoàn khách quốc tế" in text
    decimals = re.findall(r"\d[.,]\d%", text)  # "9,2%", never "9.2%"
    assert decimals and all("," in percent for percent in decimals)


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")
@demo
def test_libreoffice_opens_the_docx_report(leader_client, tmp_path):
    response = leader_client.get("/reports/period.docx", FIRST_HALF_2012)
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(response.content)
    subprocess.run(
        [
            LIBREOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = (tmp_path / "bao-cao.txt").read_text(encoding="utf-8-sig")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Kết quả công tác đối ngoại 6 tháng đầu năm 2012" in text
    assert "đã đón 47 đoàn khách quốc tế" in text


@pytest.mark.parametrize(("period", "incoming"), [(FIRST_HALF_2012, "47"), (YEAR_2017, "155")])
@demo
def test_the_xlsx_report_states_the_counts_and_prints_on_a4(leader_client, period, incoming):
    response = leader_client.get("/reports/period.xlsx", period)
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    incoming_row = next(row for row in rows if row[0] == "Đoàn quốc tế đến Thành phố")
    assert incoming_row[1] == incoming
    assert any(row[0] == NATIONAL_TITLE + " — " + MOTTO for row in rows)
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2012-07-01", "to": "2012-06-30"}, "Ngày cuối kỳ không được trước ngày đầu kỳ."),
        ({"from": "1990-01-01", "to": "2012-06-30"}, "Một kỳ dài tối đa 20 năm."),
        ({"from": "2012-02-30", "to": "2012-06-30"}, "Nhập ngày"),
        ({"to": "2012-06-30"}, "Trường này là bắt buộc."),
    ],
)
@pytest.mark.parametrize("extension", ["docx", "xlsx"])
def test_a_bad_period_is_400_with_a_vietnamese_message(
    leader_client, db, extension, query, message
):
    response = leader_client.get(f"/reports/period.{extension}", query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_reports_ask_anonymous_visitors_to_log_in(client, db):
    response = client.get("/reports/period.docx", FIRST_HALF_2012)
    assert response.status_code == 302
    assert "/login/" in response.url


@pytest.mark.parametrize(
    "url", ["/reports/period.docx", "/reports/period.xlsx", "/dashboard/period/"]
)
def test_an_account_without_a_role_may_not_read_the_reports(client, db, url):
    client.force_login(UserFactory(username="khongvaitro", is_staff=True))
    assert client.get(url, FIRST_HALF_2012).status_code == 403


def test_the_report_runs_a_fixed_number_of_queries(
    leader_client, db, django_assert_max_num_queries
):
    for start in range(20):
        DelegationFactory(start_date=day(2012, 1 + start % 6, 1), level="head_of_state")
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    # Session, user, 3 activity years, 8 figures (two periods), 2 breakdowns, published
    # figures (1 + up to 4 recorded), agreements and their partners, notable visits.
    with django_assert_max_num_queries(24):
        assert leader_client.get("/reports/period.docx", FIRST_HALF_2012).status_code == 200
