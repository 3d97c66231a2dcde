"""The report to send (DOCX, XLSX) on a basis (issue 20): its heading states the basis, and its
figures, breakdowns and lists count only that basis's records."""

import shutil
import subprocess
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tests.dashboard.test_period_report import docx_text

pytestmark = pytest.mark.django_db

YEAR_2024 = {"from": "2024-01-01", "to": "2024-12-31"}
LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


def download(client, extension, **query):
    response = client.get(f"/reports/period.{extension}", {**YEAR_2024, **query})
    assert response.status_code == 200
    return response


def xlsx_rows(content: bytes) -> list[tuple]:
    return list(load_workbook(BytesIO(content)).active.iter_rows(values_only=True))


def test_the_docx_report_of_the_merged_city_states_its_basis(leader_client, merged_years):
    text = docx_text(download(leader_client, "docx").content)
    assert "Kết quả công tác đối ngoại năm 2024\n" in text
    assert "(Kỳ báo cáo: 01/01/2024 – 31/12/2024; cơ sở tính: Toàn thành phố (sau hợp nhất))" in (
        text
    )
    assert "Thành phố đã đón 3 đoàn khách quốc tế" in text


def test_the_docx_report_of_a_former_province_names_it_and_counts_its_records(
    leader_client, merged_years
):
    response = download(leader_client, "docx", origin="binh_duong")
    text = docx_text(response.content)
    assert "Kết quả công tác đối ngoại năm 2024 của tỉnh Bình Dương (cũ)" in text
    assert "cơ sở tính: Bình Dương)" in text
    assert "tỉnh Bình Dương (cũ) đã đón 1 đoàn khách quốc tế" in text
    # The lists are the province's own.
    assert "Biên bản ghi nhớ giữa Bình Dương và Gyeonggi" in text
    assert "Thỏa thuận hợp tác với Osaka" not in text
    assert "Đoàn Tổng thống Hàn Quốc thăm Bình Dương" in text
    assert "Đoàn Thủ tướng Nhật Bản" not in text
    assert (
        'filename="bao-cao-doi-ngoai-20240101-20241231-binh-duong.docx"'
        in (response["Content-Disposition"])
    )


def test_the_xlsx_report_states_its_basis_and_counts_on_it(leader_client, merged_years):
    rows = xlsx_rows(download(leader_client, "xlsx", origin="hcmc").content)
    assert rows[3][0] == "Kết quả công tác đối ngoại năm 2024 của TP. Hồ Chí Minh (cũ)"
    assert rows[4][0] == "Kỳ báo cáo: 01/01/2024 – 31/12/2024; cơ sở tính: TP. Hồ Chí Minh (cũ)"
    incoming = next(row for row in rows if row[0] == "Đoàn quốc tế đến Thành phố")
    assert incoming[1] == "2"
    titles = {row[1] for row in rows if row[0] and row[0][:2].isdigit()}
    assert "Thỏa thuận hợp tác với Osaka" in titles
    assert "Biên bản ghi nhớ giữa Bình Dương và Gyeonggi" not in titles


@pytest.mark.parametrize("extension", ["docx", "xlsx"])
def test_a_report_on_an_unknown_basis_is_a_400(leader_client, merged_years, extension):
    response = leader_client.get(f"/reports/period.{extension}", {**YEAR_2024, "origin": "hue"})
    assert response.status_code == 400
    assert "Không có cơ sở tính “hue”" in response.content.decode()


@pytest.mark.skipif(not (LIBREOFFICE and PDFTOTEXT), reason="LibreOffice or pdftotext missing")
def test_libreoffice_prints_both_reports_with_their_basis(leader_client, merged_years, tmp_path):
    sources = []
    for extension in ("docx", "xlsx"):
        source = tmp_path / f"bao-cao-{extension}.{extension}"
        source.write_bytes(download(leader_client, extension, origin="binh_duong").content)
        sources.append(source)
    subprocess.run(
        [
            LIBREOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for source in sources:
        pdf = source.with_suffix(".pdf")
        text = subprocess.run(
            [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        assert "cơ sở tính: Bình Dương" in " ".join(text.split()), source.name
