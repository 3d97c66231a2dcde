import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from agreements.models import DORMANT_AFTER_MONTHS, EXPIRING_WITHIN_DAYS
from delegations.scheduling import UPCOMING_WITHIN_DAYS
from foreignaffairs.reports import stats
from foreignaffairs.reports.attention import ATTENTION_LISTS, ATTENTION_SHOWN
from partners.models import DORMANT_AFTER_YEARS
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
    ReportedFigureFactory,
)

pytestmark = pytest.mark.django_db

EXPECTED_2017 = {
    "incoming_delegations": 3,
    "high_level_delegations": 2,
    "outgoing_delegations": 1,
    "hosted_events": 2,
    "agreements_signed": 3,
    "new_relationship_agreements": 1,
    "partner_localities_total": 2,
    "new_partner_localities": 1,
}
EXPECTED_2016 = {
    "incoming_delegations": 2,
    "high_level_delegations": 0,
    "outgoing_delegations": 0,
    "hosted_events": 0,
    "agreements_signed": 0,
    "new_relationship_agreements": 0,
    "partner_localities_total": 3,
    "new_partner_localities": 0,
}
URL = "/dashboard/"


def card_values(response) -> dict[str, int]:
    return {card["key"]: card["value"] for card in response.context["cards"]}


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def card_html(response, key: str) -> str:
    html = response.content.decode()
    start = html.index(f'data-figure="{key}"')
    return html[start : html.index("</article>", start)]


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/dashboard/"


def test_a_leader_without_any_admin_permission_sees_the_dashboard(leader_client):
    response = leader_client.get(URL)
    assert response.status_code == 200
    assert "Tổng quan hoạt động đối ngoại năm" in response.content.decode()


def test_the_home_page_leads_to_the_dashboard(leader_client):
    response = leader_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_each_card_shows_the_figure_by_the_counting_rules(leader_client, small_dataset):
    response = leader_client.get(URL, {"year": 2017})
    assert card_values(response) == EXPECTED_2017


def test_the_previous_year_is_counted_by_the_same_rules(leader_client, small_dataset):
    response = leader_client.get(URL, {"year": 2016})
    assert card_values(response) == EXPECTED_2016


def test_the_dashboard_gives_the_same_numbers_as_the_statistics_module(
    leader_client, small_dataset
):
    for year in (2016, 2017):
        response = leader_client.get(URL, {"year": year})
        assert card_values(response) == stats.year_figures(year)


def test_a_card_shows_the_change_against_last_year_in_number_and_percent(
    leader_client, small_dataset
):
    response = leader_client.get(URL, {"year": 2017})
    incoming = card_html(response, "incoming_delegations")
    assert "+1" in incoming
    assert "(+50%)" in incoming
    partners = card_html(response, "partner_localities_total")
    assert "▼ -1" in partners
    assert "(-33,3%)" in partners


def test_a_card_up_from_zero_shows_the_difference_without_a_percent(leader_client, small_dataset):
    outgoing = card_html(leader_client.get(URL, {"year": 2017}), "outgoing_delegations")
    assert "+1" in outgoing
    assert "%" not in outgoing


def test_the_first_year_with_data_has_nothing_to_compare(leader_client):
    DelegationFactory(start_date=datetime.date(2017, 3, 1))
    response = leader_client.get(URL, {"year": 2017})
    incoming = card_html(response, "incoming_delegations")
    assert "—" in incoming
    assert "năm 2016" not in incoming


def test_every_card_number_links_to_the_admin_list_behind_it(leader_client, small_dataset):
    response = leader_client.get(URL, {"year": 2017})
    expected_links = {
        "incoming_delegations": "/admin/delegations/delegation/?received_in=2017",
        "high_level_delegations": (
            "/admin/delegations/delegation/?received_in=2017&amp;high_level=yes"
        ),
        "outgoing_delegations": "/admin/delegations/delegation/?sent_in=2017",
        "hosted_events": "/admin/delegations/event/?hosted_in=2017",
        "agreements_signed": "/admin/agreements/agreement/?signed_in=2017",
        "new_relationship_agreements": (
            "/admin/agreements/agreement/?signed_in=2017&amp;establishes_relationship__exact=1"
        ),
        "partner_localities_total": "/admin/partners/partnerlocality/?active_at_end_of=2017",
        "new_partner_localities": "/admin/partners/partnerlocality/?established_in=2017",
    }
    for key, link in expected_links.items():
        html = card_html(response, key)
        assert f'<a href="{link}" data-value="{EXPECTED_2017[key]}">' in html
        # Last year's number links to last year's list.
        assert link.replace("2017", "2016") in html


def test_the_default_year_is_the_latest_year_with_data(leader_client, small_dataset):
    # small_dataset's latest record is a partner established in 2018.
    assert leader_client.get(URL).context["year"] == 2018


def test_the_default_year_is_never_after_the_current_year(leader_client):
    today = datetime.date.today()
    # A record dated next year (entered by mistake) does not move the page into the future.
    DelegationFactory(start_date=datetime.date(today.year + 1, 2, 1))
    DelegationFactory(start_date=datetime.date(today.year - 1, 2, 1))
    response = leader_client.get(URL)
    assert response.context["year"] == today.year
    offered = re.findall(r'<option value="(\d+)"', response.content.decode())
    assert offered[0] == str(today.year)
    assert str(today.year + 1) not in offered


def test_with_no_records_the_page_shows_the_current_year_with_zeros(leader_client):
    response = leader_client.get(URL)
    assert response.context["year"] == datetime.date.today().year
    assert set(card_values(response).values()) == {0}


def test_the_year_selector_offers_every_year_with_data_and_selects_the_shown_one(
    leader_client, small_dataset
):
    html = leader_client.get(URL, {"year": 2016}).content.decode()
    options = re.findall(r'<option value="(\d+)"( selected)?>', html)
    years = [int(year) for year, _ in options]
    assert years[-1] == 2005  # the earliest partner relationship
    assert years[0] == datetime.date.today().year
    assert [year for year, selected in options if selected] == ["2016"]


def test_an_invalid_year_falls_back_to_the_default_year(leader_client, small_dataset):
    for asked in ("abc", "1800", "3000"):
        assert leader_client.get(URL, {"year": asked}).context["year"] == 2018


def test_published_figures_are_shown_beside_the_recorded_counts_never_added(
    leader_client, small_dataset
):
    ReportedFigureFactory(metric="incoming_delegations", value=155, source="Báo cáo 2017")
    ReportedFigureFactory(
        metric="partner_localities_total", period_start=None, value=48, source="Báo Thế giới"
    )
    response = leader_client.get(URL, {"year": 2017})
    assert card_values(response) == EXPECTED_2017
    incoming = card_html(response, "incoming_delegations")
    text = visible_text(incoming)
    assert re.search(r"ghi nhận 3 / công bố 155 · đầy đủ 2%", text)
    assert "nguồn: Báo cáo 2017" in text
    partners = visible_text(card_html(response, "partner_localities_total"))
    assert re.search(r"ghi nhận 2 / công bố 48 · đầy đủ 4%", partners)


def test_a_published_figure_links_to_its_record_and_the_recorded_count_to_its_list(
    leader_client, small_dataset
):
    figure = ReportedFigureFactory(metric="agreements_signed", value=12)
    html = card_html(leader_client.get(URL, {"year": 2017}), "agreements_signed")
    assert f'href="/admin/foreignaffairs/reportedfigure/{figure.pk}/change/"' in html
    assert 'href="/admin/agreements/agreement/?signed_in=2017">3</a>' in html


def test_a_published_figure_for_part_of_the_year_states_its_period(leader_client, small_dataset):
    ReportedFigureFactory(
        metric="incoming_delegations",
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 6, 30),
        value=47,
    )
    response = leader_client.get(URL, {"year": 2017})
    text = visible_text(card_html(response, "incoming_delegations"))
    # Only the visits of 10 March and 1 June fall in the first half of 2017.
    assert "ghi nhận 2 / công bố 47 (01/01/2017 – 30/06/2017)" in text


def test_the_published_figures_table_lists_figures_without_a_recorded_twin(
    leader_client, small_dataset
):
    ReportedFigureFactory(
        metric="receptions_and_events", value=260, qualifier="at_least", source="Báo cáo 2017"
    )
    response = leader_client.get(URL, {"year": 2017})
    html = response.content.decode()
    row = html[html.index('data-metric="receptions_and_events"') :]
    row = row[: row.index("</tr>")]
    assert "hơn 260" in row
    assert "Cuộc tiếp khách quốc tế và sự kiện" in row


def test_the_summary_paragraph_is_on_the_page(leader_client, small_dataset):
    html = leader_client.get(URL, {"year": 2017}).content.decode()
    assert (
        "Năm 2017, Thành phố đã đón 3 đoàn khách quốc tế (tăng 50% so với năm 2016), "
        "trong đó có 2 đoàn cấp cao;" in html
    )


def chart_spec(response, key: str) -> dict:
    return next(spec for spec in response.context["charts"]["charts"] if spec["key"] == key)


def series_by_label(spec: dict) -> dict[str, dict]:
    return {
        series["label"]: dict(zip(spec["labels"], series["values"], strict=True))
        for series in spec["series"]
    }


def test_the_trend_chart_marks_the_published_figures(leader_client, small_dataset):
    ReportedFigureFactory(metric="incoming_delegations", value=155)
    response = leader_client.get(URL, {"year": 2017})
    series = series_by_label(chart_spec(response, "incoming"))
    recorded = series["Đoàn quốc tế đến Thành phố"]
    published = series["Đoàn quốc tế đến Thành phố (công bố)"]
    assert recorded[2016] == 2 and recorded[2017] == 3
    assert published[2017] == 155 and published[2016] is None


def test_small_yearly_series_get_their_own_chart_or_axis(leader_client, small_dataset):
    """Tens of outgoing delegations and agreements beside 150 incoming ones would lie flat at
    the bottom of one chart; new partners beside all partners likewise."""
    response = leader_client.get(URL, {"year": 2017})
    incoming = chart_spec(response, "incoming")
    smaller = chart_spec(response, "outgoing_agreements")
    partners = chart_spec(response, "partners")
    assert [series["key"] for series in incoming["series"]] == ["incoming_delegations"]
    assert [series["key"] for series in smaller["series"]] == [
        "outgoing_delegations",
        "agreements_signed",
    ]
    axes = {series["key"]: series["axis"] for series in partners["series"]}
    assert axes == {"partner_localities_total": "y", "new_partner_localities": "y2"}


def test_the_breakdowns_cover_the_selected_year(leader_client, small_dataset):
    response = leader_client.get(URL, {"year": 2017})
    label = "Đoàn quốc tế đến Thành phố"
    continents = series_by_label(chart_spec(response, "continent"))[label]
    assert continents == {"châu Á": 1, "châu Mỹ": 1, "châu Âu": 1}
    months = series_by_label(chart_spec(response, "month"))[label]
    assert months["Tháng 3"] == 1 and months["Tháng 6"] == 1 and months["Tháng 8"] == 1
    assert sum(months.values()) == 3


def test_every_chart_has_a_table_of_its_numbers(leader_client, small_dataset):
    ReportedFigureFactory(metric="incoming_delegations", value=155)
    response = leader_client.get(URL, {"year": 2017})
    html = response.content.decode()
    keys = [spec["key"] for spec in response.context["charts"]["charts"]]
    assert keys == [
        "incoming",
        "outgoing_agreements",
        "partners",
        "continent",
        "country",
        "month",
        "level",
    ]
    for key in keys:
        assert f'<canvas data-chart="{key}"' in html
        assert f'<table data-chart-table="{key}">' in html
    start = html.index('<table data-chart-table="incoming">')
    table = visible_text(html[start : html.index("</table>", start)])
    assert "Năm Đoàn quốc tế đến Thành phố Đoàn quốc tế đến Thành phố (công bố)" in table
    assert "2016 2 —" in table and "2017 3 155" in table


def test_chart_titles_name_the_year_and_the_top_countries(leader_client, small_dataset):
    response = leader_client.get(URL, {"year": 2017})
    assert chart_spec(response, "country")["title"] == (
        "Đoàn vào năm 2017: 10 quốc gia nhiều đoàn nhất"
    )
    with translation.override("en"):
        response = leader_client.get(URL, {"year": 2017}, HTTP_ACCEPT_LANGUAGE="en")
    assert "2017" in chart_spec(response, "level")["title"]


def test_the_printed_report_carries_its_year_date_and_page_numbers(leader_client, small_dataset):
    html = leader_client.get(URL, {"year": 2017}).content.decode()
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f'content: "Tổng quan hoạt động đối ngoại năm 2017 · in ngày {today}";' in html
    assert 'content: "Trang " counter(page) "/" counter(pages);' in html


def test_the_page_title_names_the_page_and_the_year(leader_client, small_dataset):
    html = leader_client.get(URL, {"year": 2016}).content.decode()
    assert "<title>Tổng quan năm 2016 · Sở Ngoại vụ TP. Hồ Chí Minh</title>" in html
    assert 'rel="icon"' in html


def test_chart_data_reaches_the_script_as_json_not_inline_code(leader_client, small_dataset):
    html = leader_client.get(URL, {"year": 2017}).content.decode()
    assert '<script id="dashboard-data" type="application/json">' in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    for attributes, body in scripts:
        assert 'type="application/json"' in attributes or (
            body.strip() == "" and "src=" in attributes
        )
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers
    assert "style=" not in html


def test_user_text_is_escaped_everywhere(leader_client):
    DelegationFactory(
        title="<script>alert('x')</script>", status="planned", start_date=datetime.date(2020, 1, 1)
    )
    ReportedFigureFactory(
        source="<b>nguồn</b>",
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31),
    )
    html = leader_client.get(URL, {"year": 2020}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>nguồn</b>" not in html


def attention_section(response, key: str) -> dict:
    return next(section for section in response.context["attention"] if section["key"] == key)


def test_past_visits_not_closed_out_are_listed_with_links_to_their_change_pages(
    leader_client, small_dataset
):
    response = leader_client.get(URL)
    section = attention_section(response, "needs_update")
    assert section["count"] == 2
    assert section["url"] == "/admin/delegations/delegation/?needs_update=yes"
    first = section["items"][0]
    assert first["title"] == "Đoàn chưa cập nhật (01/05/2017)"
    assert re.fullmatch(r"/admin/delegations/delegation/\d+/change/", first["url"])
    assert f'<a href="{first["url"]}">Đoàn chưa cập nhật (01/05/2017)</a>' in (
        response.content.decode()
    )


def test_upcoming_visits_of_the_next_60_days_are_listed(leader_client):
    today = datetime.date.today()
    DelegationFactory(
        title="Đoàn sắp đến", status="confirmed", start_date=today + datetime.timedelta(days=10)
    )
    DelegationFactory(
        title="Đoàn còn xa", status="planned", start_date=today + datetime.timedelta(days=90)
    )
    section = attention_section(leader_client.get(URL), "upcoming")
    assert section["count"] == 1
    assert section["items"][0]["title"].startswith("Đoàn sắp đến")
    assert section["url"] == "/admin/delegations/delegation/?upcoming=yes"


def test_dormant_and_expiring_agreements_and_dormant_partners_are_counted(
    leader_client, small_dataset
):
    today = datetime.date.today()
    AgreementFactory(
        title="Sắp hết hạn",
        signed_on=today - datetime.timedelta(days=30),
        expires_on=today + datetime.timedelta(days=30),
    )
    response = leader_client.get(URL)
    dormant = attention_section(response, "dormant_agreements")
    # In force with no activity for 12 months; the terminated one is not dormant.
    assert dormant["count"] == 2
    assert dormant["url"] == "/admin/agreements/agreement/?dormant=yes"
    assert "chưa có hoạt động triển khai" in dormant["items"][0]["detail"]
    expiring = attention_section(response, "expiring_agreements")
    assert [item["title"] for item in expiring["items"]] == ["Sắp hết hạn"]
    assert expiring["url"] == "/admin/agreements/agreement/?expiring=yes"
    partners = attention_section(response, "dormant_partners")
    # Osaka, Yangon and the partner of 2018 have had no exchange for 3 years; ended ones are
    # not dormant, they are over.
    assert partners["count"] == 3
    assert partners["url"] == "/admin/partners/partnerlocality/?dormant=yes"


@pytest.mark.parametrize(
    ("records", "link_to_all"), [(ATTENTION_SHOWN, False), (ATTENTION_SHOWN + 1, True)]
)
def test_an_attention_list_shows_its_first_records_and_links_to_all(
    leader_client, records, link_to_all
):
    for offset in range(records):
        DelegationFactory(
            status="planned", start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=offset)
        )
    response = leader_client.get(URL)
    section = attention_section(response, "needs_update")
    assert section["count"] == records
    assert len(section["items"]) == ATTENTION_SHOWN
    assert (f"Xem tất cả {records}" in response.content.decode()) is link_to_all


def test_an_attention_list_shows_its_first_records_in_its_order(leader_client):
    """Entered latest first: the list still starts with the visit longest overdue."""
    first_day = datetime.date(2020, 1, 1)
    for offset in reversed(range(ATTENTION_SHOWN + 2)):
        DelegationFactory(
            title=f"Đoàn {offset:02d}",
            status="planned",
            start_date=first_day + datetime.timedelta(days=offset),
        )
    section = attention_section(leader_client.get(URL), "needs_update")
    shown = [item["title"].split(" (")[0] for item in section["items"]]
    assert shown == [f"Đoàn {offset:02d}" for offset in range(ATTENTION_SHOWN)]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "vi",
            {
                "upcoming": f"Đoàn sắp diễn ra ({UPCOMING_WITHIN_DAYS} ngày tới)",
                "dormant_agreements": (
                    f"Văn bản ký xong chưa triển khai ({DORMANT_AFTER_MONTHS} tháng)"
                ),
                "expiring_agreements": f"Văn bản sắp hết hạn ({EXPIRING_WITHIN_DAYS} ngày tới)",
                "dormant_partners": f"Quan hệ đối tác ít hoạt động ({DORMANT_AFTER_YEARS} năm)",
            },
        ),
        (
            "en",
            {
                "upcoming": f"Upcoming delegations (next {UPCOMING_WITHIN_DAYS} days)",
                "dormant_agreements": (
                    f"Signed agreements with no implementation ({DORMANT_AFTER_MONTHS} months)"
                ),
                "expiring_agreements": (
                    f"Agreements expiring soon (next {EXPIRING_WITHIN_DAYS} days)"
                ),
                "dormant_partners": f"Inactive partner relationships ({DORMANT_AFTER_YEARS} years)",
            },
        ),
    ],
)
def test_attention_titles_state_the_thresholds_the_lists_apply(language, expected):
    with translation.override(language):
        titles = {spec.key: str(spec.title) for spec in ATTENTION_LISTS}

    assert {key: titles[key] for key in expected} == expected


def test_the_running_year_is_compared_with_the_same_period_of_last_year(leader_client):
    today = timezone.localdate()
    DelegationFactory(start_date=datetime.date(today.year - 1, 1, 1))
    # Last year after today's date: the whole of last year, not the same period.
    later = datetime.date(today.year - 1, 12, 31)
    if later > today.replace(year=today.year - 1):
        DelegationFactory(start_date=later)
    DelegationFactory(start_date=datetime.date(today.year, 1, 1))
    DelegationFactory(start_date=today)
    response = leader_client.get(URL, {"year": today.year})
    html = response.content.decode()
    assert f"Năm {today.year} chưa kết thúc" in html
    assert "so sánh với cùng kỳ năm trước" in html
    assert response.context["summary"].startswith(
        f"Từ đầu năm {today.year} đến ngày {today:%d/%m/%Y}, Thành phố đã đón 2 đoàn khách quốc "
        "tế (tăng 100% so với cùng kỳ năm trước);"
    )
    incoming = visible_text(card_html(response, "incoming_delegations"))
    assert "▲ +1 (+100%) cùng kỳ năm trước: 1" in incoming


def test_a_year_before_the_records_begin_has_no_data(leader_client):
    PartnerLocalityFactory(established_on=datetime.date(1995, 5, 1))
    DelegationFactory(start_date=datetime.date(2012, 3, 1))
    response = leader_client.get(URL, {"year": 1995})
    assert response.context["summary"].startswith("Năm 1995, chưa có số liệu")
    assert "chưa đón" not in response.context["summary"]
    incoming = visible_text(card_html(response, "incoming_delegations"))
    assert "chưa có số liệu" in incoming
    first = leader_client.get(URL, {"year": 2012})
    assert "so với năm 2011" not in first.context["summary"]
    assert first.context["cards"][0]["previous"] is None


def test_the_attention_lists_are_not_printed_with_a_past_year(leader_client):
    DelegationFactory(start_date=datetime.date(2017, 3, 1))
    past = leader_client.get(URL, {"year": 2017}).content.decode()
    assert re.search(r'<section class="attention no-print"', past)


def test_an_event_still_planned_after_its_date_needs_attention(leader_client):
    today = timezone.localdate()
    EventFactory(
        title="Hội nghị chưa cập nhật", status="planned", start_date=today - datetime.timedelta(1)
    )
    EventFactory(title="Hội nghị sắp tới", status="planned", start_date=today)
    section = attention_section(leader_client.get(URL), "events_needs_update")
    assert section["count"] == 1
    assert section["items"][0]["title"].startswith("Hội nghị chưa cập nhật")
    assert "needs_update=yes" in section["url"]


def test_international_organisations_are_not_unknown_in_the_charts(leader_client):
    DelegationFactory(
        start_date=datetime.date(2017, 3, 1), country="", level="international_organization"
    )
    charts = {
        chart["key"]: chart
        for chart in leader_client.get(URL, {"year": 2017}).context["charts"]["charts"]
    }
    assert charts["continent"]["labels"] == ["Tổ chức quốc tế"]
    assert charts["country"]["labels"] == ["Tổ chức quốc tế"]
    assert "Không rõ" not in str(charts)
