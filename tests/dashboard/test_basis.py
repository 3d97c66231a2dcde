"""The dashboard and the period page on two bases (issue 20): the merged city (every origin,
the default) or one former province (`?origin=`), said on the page and passed to every
figure, link and download."""

import re
from io import BytesIO

import pytest
from django.core.cache import cache
from django.utils import timezone
from openpyxl import load_workbook

from foreignaffairs.core.origins import Origin
from tests.dashboard.conftest import day
from tests.factories import (
    DelegationFactory,
    ReportedFigureFactory,
)

pytestmark = pytest.mark.django_db

URL = "/dashboard/"
PERIOD_URL = "/dashboard/period/"
BD = Origin.BINH_DUONG


def visible_text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def cards(response) -> dict[str, int]:
    return {card["key"]: card["value"] for card in response.context["cards"]}


def test_the_dashboard_counts_the_merged_city_by_default_and_says_so(leader_client, merged_years):
    response = leader_client.get(URL, {"year": 2024})
    assert cards(response)["incoming_delegations"] == 3
    assert cards(response)["agreements_signed"] == 2
    assert cards(response)["partner_localities_total"] == 2  # the shared partner once
    text = visible_text(response)
    assert "Cơ sở tính: Toàn thành phố (sau hợp nhất)" in text
    assert "tính một lần" in text


def test_the_former_city_basis_leaves_out_the_former_provinces_records(leader_client, merged_years):
    response = leader_client.get(URL, {"year": 2024, "origin": "hcmc"})
    assert response.status_code == 200
    values = cards(response)
    assert values["incoming_delegations"] == 2
    assert values["agreements_signed"] == 1
    assert values["partner_localities_total"] == 1
    assert "Cơ sở tính: TP. Hồ Chí Minh (cũ)" in visible_text(response)


def test_a_former_province_basis_counts_its_records_and_shared_partners(
    leader_client, merged_years
):
    response = leader_client.get(URL, {"year": 2024, "origin": BD})
    values = cards(response)
    assert values["incoming_delegations"] == 1
    assert values["agreements_signed"] == 1
    assert values["partner_localities_total"] == 2
    assert "Cơ sở tính: Bình Dương" in visible_text(response)
    # The paragraph speaks of the province, not of the city.
    assert "tỉnh Bình Dương (cũ) đã đón 1 đoàn khách quốc tế" in response.context["summary"]


def test_the_five_year_table_and_the_charts_follow_the_basis(leader_client, merged_years):
    response = leader_client.get(URL, {"year": 2025, "origin": "hcmc"})
    five = {row["key"]: row["values"] for row in response.context["five_years"]["rows"]}
    years = response.context["five_years"]["years"]
    assert five["incoming_delegations"][years.index(2024)] == 2
    incoming = next(c for c in response.context["charts"]["charts"] if c["key"] == "incoming")
    by_year = dict(zip(incoming["labels"], incoming["series"][0]["values"], strict=True))
    assert by_year[2024] == 2
    country = next(c for c in response.context["charts"]["charts"] if c["key"] == "country")
    assert country["labels"] == ["Nhật Bản"]  # the three Taiwanese visits are Bình Dương's


def test_the_running_year_compares_the_same_days_on_the_same_basis(leader_client):
    today = timezone.localdate()
    this_year, last_year = day(today.year, 1, 1), day(today.year - 1, 1, 1)
    DelegationFactory(start_date=this_year, origin=BD)
    DelegationFactory(start_date=this_year)  # the city's
    DelegationFactory(start_date=last_year, origin=BD)
    DelegationFactory(start_date=last_year, origin=BD)
    response = leader_client.get(URL, {"year": today.year, "origin": BD})
    card = next(c for c in response.context["cards"] if c["key"] == "incoming_delegations")
    assert (card["value"], card["previous"]) == (1, 2)


def test_every_link_carries_the_basis(leader_client, merged_years):
    response = leader_client.get(URL, {"year": 2025, "origin": BD})
    html = response.content.decode()
    card = next(c for c in response.context["cards"] if c["key"] == "incoming_delegations")
    assert card["url"] == "/admin/delegations/delegation/?received_in=2025&origin=binh_duong"
    assert card["previous_url"] == (
        "/admin/delegations/delegation/?received_in=2024&origin=binh_duong"
    )
    assert "/dashboard/xlsx/?year=2025&amp;origin=binh_duong" in html
    # The period picker keeps the basis, in its presets and its form.
    assert re.search(r"/dashboard/period/\?from=[\d-]+&amp;to=[\d-]+&amp;origin=binh_duong", html)
    assert '<input type="hidden" name="origin" value="binh_duong">' in html


def test_the_merged_basis_adds_nothing_to_the_links(leader_client, merged_years):
    html = leader_client.get(URL, {"year": 2024}).content.decode()
    assert "origin=" not in html.replace('name="origin"', "")


def test_the_choice_is_offered_from_the_year_of_the_merger(leader_client, merged_years):
    response = leader_client.get(URL, {"year": 2025})
    html = response.content.decode()
    assert '<select name="origin" id="id_origin">' in html
    options = re.findall(r'<option value="([a-z_]*)"(?: selected)?>([^<]+)</option>', html)
    assert options[-4:] == [
        ("", "Toàn thành phố (sau hợp nhất)"),
        ("hcmc", "TP. Hồ Chí Minh (cũ)"),
        ("binh_duong", "Bình Dương"),
        ("ba_ria_vung_tau", "Bà Rịa – Vũng Tàu"),
    ]
    assert '<option value="" selected>' in html  # the merged city by default


def test_no_choice_when_every_year_shown_is_before_the_merger(leader_client):
    DelegationFactory(start_date=day(2017, 3, 1))
    response = leader_client.get(URL, {"year": 2017})
    assert 'name="origin"' not in response.content.decode()
    assert "Cơ sở tính: Toàn thành phố (sau hợp nhất)" in visible_text(response)
    # A basis asked for is still honoured, and the choice shown so that it can be undone.
    response = leader_client.get(URL, {"year": 2017, "origin": "hcmc"})
    assert '<select name="origin" id="id_origin">' in response.content.decode()


@pytest.mark.parametrize("path", [URL, "/dashboard/xlsx/"])
def test_an_unknown_basis_is_a_400_with_a_vietnamese_message(leader_client, merged_years, path):
    response = leader_client.get(path, {"year": 2024, "origin": "da_nang"})
    assert response.status_code == 400
    assert "Không có cơ sở tính “da_nang”" in response.content.decode()


def test_the_unknown_basis_page_links_to_each_basis(leader_client, merged_years):
    html = leader_client.get(URL, {"year": 2024, "origin": "x"}).content.decode()
    assert 'href="/dashboard/?year=2024&amp;origin=binh_duong"' in html
    assert 'href="/dashboard/?year=2024&amp;origin="' in html


def test_the_published_figures_stay_the_former_citys_on_every_basis(leader_client):
    DelegationFactory(start_date=day(2017, 3, 1))
    DelegationFactory(start_date=day(2017, 4, 1), origin=BD)
    ReportedFigureFactory(metric="incoming_delegations", value=1, source="Báo cáo năm 2017")
    for origin in ("", "hcmc", BD):
        response = leader_client.get(URL, {"year": 2017, "origin": origin})
        (row,) = response.context["reported"]
        assert row["recorded"] == 1  # the former city's records only
    merged = leader_client.get(URL, {"year": 2017})
    card = next(c for c in merged.context["cards"] if c["key"] == "incoming_delegations")
    assert card["value"] == 2 and card["reported"]
    province = leader_client.get(URL, {"year": 2017, "origin": BD})
    card = next(c for c in province.context["cards"] if c["key"] == "incoming_delegations")
    assert card["value"] == 1 and not card["reported"]  # not beside Bình Dương's count
    incoming = next(c for c in province.context["charts"]["charts"] if c["key"] == "incoming")
    assert not any(series.get("published") for series in incoming["series"])


def test_each_basis_is_cached_on_its_own(leader_client, merged_years, settings):
    settings.STATS_CACHE_SECONDS = 300
    cache.clear()
    merged = cards(leader_client.get(URL, {"year": 2024}))
    former_city = cards(leader_client.get(URL, {"year": 2024, "origin": "hcmc"}))
    assert merged["incoming_delegations"] == 3
    assert former_city["incoming_delegations"] == 2
    assert cards(leader_client.get(URL, {"year": 2024}))["incoming_delegations"] == 3


# The Excel file ---------------------------------------------------------------------------


def workbook(response):
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def test_the_excel_file_states_its_basis_and_counts_on_it(leader_client, merged_years):
    response = leader_client.get("/dashboard/xlsx/", {"year": 2024, "origin": "hcmc"})
    sheet = workbook(response).worksheets[0]
    assert sheet["A1"].value == (
        "Số liệu hoạt động đối ngoại năm 2024 — cơ sở tính: TP. Hồ Chí Minh (cũ)"
    )
    assert "so sánh được với số liệu các năm trước hợp nhất" in sheet["A2"].value
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Đoàn quốc tế đến Thành phố"][1] == 2
    assert rows["Văn bản hợp tác ký kết"][1] == 1
    assert "so-lieu-doi-ngoai-2024-hcmc.xlsx" in response["Content-Disposition"]


def test_the_excel_file_defaults_to_the_merged_city(leader_client, merged_years):
    sheet = workbook(leader_client.get("/dashboard/xlsx/", {"year": 2024})).worksheets[0]
    assert sheet["A1"].value.endswith("cơ sở tính: Toàn thành phố (sau hợp nhất)")
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Đoàn quốc tế đến Thành phố"][1] == 3


# The period page ---------------------------------------------------------------------------


def period_rows(response) -> dict[str, int]:
    return {str(row["label"]): row["value"] for row in response.context["rows"]}


def test_the_period_page_counts_on_the_basis_and_says_so(leader_client, merged_years):
    query = {"from": "2024-01-01", "to": "2024-12-31"}
    merged = leader_client.get(PERIOD_URL, query)
    assert period_rows(merged)["Đoàn quốc tế đến Thành phố"] == 3
    province = leader_client.get(PERIOD_URL, {**query, "origin": BD})
    assert period_rows(province)["Đoàn quốc tế đến Bình Dương"] == 1
    assert [row["label"] for row in province.context["continents"]] == ["châu Á"]
    text = visible_text(province)
    assert "Cơ sở tính: Bình Dương" in text
    html = province.content.decode()
    assert "/reports/period.docx?from=2024-01-01&amp;to=2024-12-31&amp;origin=binh_duong" in html
    assert "/reports/period.xlsx?from=2024-01-01&amp;to=2024-12-31&amp;origin=binh_duong" in html


def test_the_period_page_years_side_by_side_follow_the_basis(leader_client, merged_years):
    response = leader_client.get(
        PERIOD_URL, {"from": "2025-01-01", "to": "2025-06-30", "years": "2024,2025", "origin": BD}
    )
    row = next(r for r in response.context["side_by_side"] if r["key"] == "incoming_delegations")
    assert row["values"] == [1, 3]


def test_the_period_page_refuses_an_unknown_basis(leader_client, merged_years):
    response = leader_client.get(
        PERIOD_URL, {"from": "2024-01-01", "to": "2024-12-31", "origin": "saigon"}
    )
    assert response.status_code == 400
    assert "Không có cơ sở tính “saigon”" in visible_text(response)


def test_a_former_provinces_figures_begin_with_its_own_records(leader_client, merged_years):
    # Bình Dương's records begin in 2024; the city's in 2024 too, but an older city visit
    # makes the merged records begin earlier.
    DelegationFactory(start_date=day(2019, 5, 1))
    province = leader_client.get(URL, {"year": 2023, "origin": BD})
    assert province.context["no_data"]
    assert (
        "chưa có số liệu về hoạt động đối ngoại của tỉnh Bình Dương (cũ)"
        in (province.context["summary"])
    )
    assert not leader_client.get(URL, {"year": 2023}).context["no_data"]


def labels(response) -> dict[str, str]:
    return {card["key"]: str(card["label"]) for card in response.context["cards"]}


def test_a_former_provinces_cards_speak_of_the_province_not_the_city(leader_client, merged_years):
    city = labels(leader_client.get(URL, {"year": 2024}))
    province = labels(leader_client.get(URL, {"year": 2024, "origin": BD}))
    assert city["incoming_delegations"] == "Đoàn quốc tế đến Thành phố"
    assert province["incoming_delegations"] == "Đoàn quốc tế đến Bình Dương"
    assert province["outgoing_delegations"] == "Đoàn Bình Dương đi nước ngoài"
    assert province["high_level_delegations"] == city["high_level_delegations"]
    period = leader_client.get(PERIOD_URL, {"from": "2024-01-01", "to": "2024-12-31", "origin": BD})
    assert "Lượt người đến Bình Dương (thành viên đoàn vào)" in visible_text(period)
    assert "Lượt người đến Thành phố" not in visible_text(period)
