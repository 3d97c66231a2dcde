import datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from foreignaffairs.reports import stats
from tests.factories import DelegationFactory, ReportedFigureFactory

pytestmark = pytest.mark.django_db


def download(client, year):
    response = client.get("/dashboard/xlsx/", {"year": year})
    assert response.status_code == 200
    return response, load_workbook(BytesIO(response.content))


def figure_rows(workbook) -> dict[str, tuple]:
    """Rows of the first sheet under the header row, keyed by the figure's label."""
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    header = rows.index(next(row for row in rows if row and row[0] == "Chỉ tiêu"))
    return {row[0]: row for row in rows[header + 1 :] if row and row[0]}


def test_the_excel_file_is_a_download_named_after_the_year(leader_client, small_dataset):
    response, _ = download(leader_client, 2017)
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="so-lieu-doi-ngoai-2017.xlsx"' in response["Content-Disposition"]


def test_the_excel_file_has_vietnamese_headers(leader_client, small_dataset):
    _, workbook = download(leader_client, 2017)
    sheet = workbook.worksheets[0]
    assert sheet.title == "Số liệu năm 2017"
    rows = list(sheet.iter_rows(values_only=True))
    assert (
        "Chỉ tiêu",
        "Năm 2017",
        "Năm 2016",
        "Tăng/giảm",
        "Tăng/giảm (%)",
        "Số liệu công bố",
        "Nguồn",
    ) in rows


def test_the_excel_file_gives_the_same_numbers_as_the_statistics_module(
    leader_client, small_dataset
):
    _, workbook = download(leader_client, 2017)
    rows = figure_rows(workbook)
    this_year, last_year = stats.year_figures(2017), stats.year_figures(2016)
    for figure in stats.FIGURES:
        row = rows[str(figure.label)]
        assert row[1] == this_year[figure.key]
        assert row[2] == last_year[figure.key]
        change = stats.change(this_year[figure.key], last_year[figure.key])
        assert row[3] == change["difference"]
        assert row[4] == change["percent"]


def test_the_excel_file_puts_the_published_figure_and_its_source_beside_the_count(
    leader_client, small_dataset
):
    ReportedFigureFactory(metric="incoming_delegations", value=155, source="Báo cáo 2017")
    ReportedFigureFactory(metric="outgoing_leader_delegations", value=21, source="Báo cáo 2017")
    _, workbook = download(leader_client, 2017)
    rows = figure_rows(workbook)
    incoming = rows["Đoàn quốc tế đến Thành phố"]
    assert incoming[1] == 3  # the recorded count, the published one is not added
    assert incoming[5:] == ("155", "Báo cáo 2017")
    outgoing = rows["Đoàn Thành phố đi nước ngoài"]
    assert outgoing[5] == "21 (Đoàn lãnh đạo Thành phố đi nước ngoài: định nghĩa khác)"

    published = workbook["Số liệu công bố"]
    lines = list(published.iter_rows(values_only=True))
    assert lines[0][:5] == (
        "Chỉ tiêu công bố",
        "Kỳ",
        "Giá trị công bố",
        "Mức chính xác",
        "Ghi nhận cùng kỳ",
    )
    incoming_line = next(line for line in lines if line[0] == "Đoàn quốc tế đến Thành phố")
    assert incoming_line[2] == 155
    assert incoming_line[4] == 3
    assert incoming_line[5] == 2  # completeness percent


def test_the_first_year_with_data_has_empty_comparison_cells(leader_client):
    DelegationFactory()
    _, workbook = download(leader_client, 2017)
    incoming = figure_rows(workbook)["Đoàn quốc tế đến Thành phố"]
    assert incoming[1:5] == (1, None, None, None)


def test_the_excel_file_requires_login(client):
    response = client.get("/dashboard/xlsx/", {"year": 2017})
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_the_excel_file_carries_the_summary_paragraph(leader_client, small_dataset):
    _, workbook = download(leader_client, 2017)
    texts = [row[0] for row in workbook.worksheets[0].iter_rows(values_only=True) if row[0]]
    assert any(
        str(text).startswith("Năm 2017, Thành phố đã đón 3 đoàn khách quốc tế") for text in texts
    )


def test_a_source_typed_as_a_formula_is_written_as_text(leader_client, small_dataset):
    ReportedFigureFactory(
        metric="incoming_delegations", value=155, source='=HYPERLINK("http://x","Báo cáo")'
    )
    _, workbook = download(leader_client, 2017)
    incoming = figure_rows(workbook)["Đoàn quốc tế đến Thành phố"]
    # The leading apostrophe keeps Excel and LibreOffice from running it.
    assert incoming[6] == '\'=HYPERLINK("http://x","Báo cáo")'


def test_a_published_figure_over_part_of_the_year_carries_its_period_and_its_own_count(
    leader_client,
):
    DelegationFactory(start_date=datetime.date(2012, 3, 1))
    DelegationFactory(start_date=datetime.date(2012, 9, 1))
    ReportedFigureFactory(
        metric="incoming_delegations",
        period_start=datetime.date(2012, 1, 1),
        period_end=datetime.date(2012, 6, 30),
        value=47,
        source="004_217977520d7b61e9.txt — “Sở Ngoại vụ Tp. Hồ Chí Minh” (đăng ngày 29/08/2012)",
    )
    _, workbook = download(leader_client, 2012)
    incoming = figure_rows(workbook)["Đoàn quốc tế đến Thành phố"]
    assert incoming[1] == 2  # the whole year
    assert incoming[5] == "47 (01/01/2012 – 30/06/2012; ghi nhận cùng kỳ 1)"
    assert "004_217977520d7b61e9.txt" not in incoming[6]
    assert incoming[6] == (
        "“Sở Ngoại vụ Tp. Hồ Chí Minh: Chuyển biến tích cực từ nhận thức đến hành động”, "
        "TG&VN, 29/08/2012"
    )
    published = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert not any("004_217977520d7b61e9.txt" in str(cell) for row in published for cell in row)
