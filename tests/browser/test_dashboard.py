"""The leaders' pages in a real browser: their login, the dashboard's figures and charts, the
year switch, printing to A4 in both languages, and pages that fit a desktop and a phone."""

import datetime
import shutil
import subprocess

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from agreements.models import Agreement
from delegations.models import Delegation, Event
from foreignaffairs.core.roles import LEADER, setup_roles
from foreignaffairs.core.text import fold
from partners.models import PartnerLocality
from tests.browser.conftest import PASSWORD
from tests.factories import ReportedFigureFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COUNTRIES = ["JP", "KR", "CN", "US", "FR", "DE", "AU", "SG", "TH", "MM", "LA", "KH", "RU", "ZA"]
LEVELS = ["minister", "local_leader", "diplomatic", "business", "international_organization"]
# year: incoming, high-level, outgoing, events, agreements, founding agreements, new partners
YEARS = {
    2014: (96, 4, 15, 18, 6, 1, 1),
    2015: (110, 6, 17, 22, 8, 2, 2),
    2016: (124, 7, 18, 26, 9, 2, 2),
    2017: (150, 9, 21, 30, 12, 4, 4),
}
PARTNERS_BEFORE_2014 = 39  # 39 + 1 + 2 + 2 + 4 = 48 partner localities at the end of 2017


def build_years():
    """Records whose 2017 figures are close to the published ones (150 recorded / 155)."""
    delegations, events, agreements, partners = [], [], [], []
    for n in range(PARTNERS_BEFORE_2014):
        partners.append((f"Đối tác {n}", datetime.date(1995 + n % 18, 1 + n % 12, 1)))
    for year, (incoming, high, outgoing, hosted, signed, founding, new) in YEARS.items():
        for n in range(incoming):
            delegations.append(
                Delegation(
                    title=f"Đoàn khách {year}-{n}",
                    # 11 countries, unevenly: a top ten with one left out
                    country=COUNTRIES[(n * n + year) % 29 % len(COUNTRIES)],
                    level="head_of_state" if n < high else LEVELS[n % len(LEVELS)],
                    status="completed",
                    start_date=datetime.date(year, 1 + (n * 5) % 12, 1 + n % 28),
                )
            )
        for n in range(outgoing):
            delegations.append(
                Delegation(
                    title=f"Đoàn Thành phố {year}-{n}",
                    direction="outgoing",
                    country=COUNTRIES[n % len(COUNTRIES)],
                    status="completed",
                    start_date=datetime.date(year, 1 + n % 12, 10),
                )
            )
        for n in range(hosted):
            events.append(
                Event(
                    title=f"Sự kiện {year}-{n}",
                    status="held",
                    start_date=datetime.date(year, 1 + n % 12, 12),
                )
            )
        for n in range(signed):
            agreements.append(
                Agreement(
                    title=f"Văn bản hợp tác {year}-{n}",
                    signed_on=datetime.date(year, 1 + n % 12, 15),
                    establishes_relationship=n < founding,
                )
            )
        for n in range(new):
            partners.append((f"Đối tác mới {year}-{n}", datetime.date(year, 3 + n, 20)))
    # Something to look at in the attention lists.
    delegations.append(
        Delegation(
            title="Đoàn Thị trưởng Osaka",
            country="JP",
            level="local_leader",
            status="confirmed",
            start_date=datetime.date.today() + datetime.timedelta(days=20),
        )
    )
    delegations.append(
        Delegation(
            title="Đoàn Bộ trưởng Thương mại Úc",
            country="AU",
            level="minister",
            status="planned",
            start_date=datetime.date(2017, 11, 5),
        )
    )
    Delegation.objects.bulk_create(delegations)
    Event.objects.bulk_create(events)
    Agreement.objects.bulk_create(agreements)
    PartnerLocality.objects.bulk_create(
        PartnerLocality(
            name=name,
            name_key=fold(name),
            country=COUNTRIES[index % len(COUNTRIES)],
            established_on=established,
        )
        for index, (name, established) in enumerate(partners)
    )
    for metric, value in [
        ("incoming_delegations", 155),
        ("outgoing_leader_delegations", 21),
        ("agreements_signed", 12),
        ("new_relationship_agreements", 4),
    ]:
        ReportedFigureFactory(metric=metric, value=value, source="001_e37889e8850a963b.txt")
    ReportedFigureFactory(
        metric="partner_localities_total",
        period_start=None,
        value=48,
        source="001_e37889e8850a963b.txt",
    )


CHARTS = 7
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
A4_WIDTH = {"width": 794, "height": 1123}  # CSS pixels at 96 dpi


@pytest.fixture
def leader(transactional_db):
    """A leader as deployed: in the leaders' group, not admin staff."""
    setup_roles()
    user = UserFactory(username="lanhdao", is_staff=False, is_superuser=False)
    user.groups.add(Group.objects.get(name=LEADER))
    return user


def log_in_as_leader(page, username: str = "lanhdao"):
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_load_state()


def open_dashboard(page, year: int, language: str = "vi"):
    """Log in from the dashboard's address, as a leader following a link would, in the
    language the leader picks on the login page."""
    page.goto(f"/dashboard/?year={year}")
    if language != "vi":
        page.click(f".language-switch button[value={language}]")
        page.wait_for_load_state()
    log_in_as_leader(page)
    assert page.url.endswith(f"/dashboard/?year={year}")
    wait_for_charts(page)


def wait_for_charts(page):
    page.wait_for_function(f"document.documentElement.dataset.chartsReady === '{CHARTS}'")


def card_value(page, key: str) -> str:
    return page.locator(f'article.card[data-figure="{key}"] .card-value').inner_text().strip()


def blank_canvases(page) -> list[str]:
    """Names of the charts whose canvas has (almost) no drawn pixel."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('canvas[data-chart]')).filter(canvas => {
            const { width, height } = canvas;
            if (!width || !height) return true;
            const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
            let drawn = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn++;
            return drawn < 500;
        }).map(canvas => canvas.dataset.chart)"""
    )


def assert_fits(page, width: int):
    """Nothing makes the page scroll sideways (Chart.js resizes its canvases a moment after
    the viewport changes: wait for the layout to settle; the wait fails if it never fits)."""
    page.wait_for_function(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth",
        timeout=5000,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def skipped_labels(page) -> dict[str, list[str]]:
    """For each chart, the categories Chart.js left unnamed on its axis (it drops every other
    label when it thinks they do not fit)."""
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('canvas[data-chart]'))
            .map(canvas => {
                const chart = Chart.getChart(canvas);
                const axis = chart.scales[chart.options.indexAxis === 'y' ? 'y' : 'x'];
                const drawn = axis.ticks.map(tick => tick.value);
                const missing = chart.data.labels.filter((label, index) => !drawn.includes(index));
                return [canvas.dataset.chart, missing];
            }).filter(([key, missing]) => missing.length))"""
    )


def pdf_text(path) -> list[str]:
    """The text of each page of a PDF (poppler's pdftotext, installed with Chromium in CI)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def test_a_leader_logs_in_on_the_site_and_lands_on_the_dashboard(leader, page, artifacts):
    page.set_viewport_size(PHONE)
    page.goto("/")
    assert "/login/?next=/dashboard/" in page.url
    assert page.title() == "Đăng nhập · Sở Ngoại vụ TP. Hồ Chí Minh"
    assert_fits(page, PHONE["width"])
    page.screenshot(path=artifacts / "leader-login-390.png", full_page=True)

    # A wrong password says so in Vietnamese, on the same page.
    page.fill("#id_username", leader.username)
    page.fill("#id_password", "sai-mật-khẩu")
    page.click("#login-form [type=submit]")
    assert "/login/" in page.url
    assert "mật khẩu" in page.locator(".error-summary").inner_text()

    log_in_as_leader(page)
    assert page.url.endswith("/dashboard/")
    assert page.title().startswith("Tổng quan năm ")
    assert page.locator(".site-nav").get_by_text("Nhập liệu").count() == 0  # not staff

    # Logging out brings the leader back to the login page.
    page.set_viewport_size(DESKTOP)
    page.click(".site-nav >> text=Đăng xuất")
    page.wait_for_load_state()
    assert "/login/" in page.url
    page.goto("/dashboard/")
    assert "/login/" in page.url


def test_a_leader_reads_the_year_switches_it_and_prints_it(leader, page, artifacts):
    build_years()
    page.set_viewport_size(DESKTOP)
    open_dashboard(page, 2017)
    assert page.title() == "Tổng quan năm 2017 · Sở Ngoại vụ TP. Hồ Chí Minh"
    assert page.locator("h1").inner_text() == "Tổng quan hoạt động đối ngoại năm 2017"

    # The cards, as the counting rules give them.
    assert card_value(page, "incoming_delegations") == "150"
    assert card_value(page, "high_level_delegations") == "9"
    assert card_value(page, "outgoing_delegations") == "21"
    assert card_value(page, "agreements_signed") == "12"
    assert card_value(page, "new_relationship_agreements") == "4"
    assert card_value(page, "partner_localities_total") == "48"
    incoming = page.locator('article.card[data-figure="incoming_delegations"]').inner_text()
    assert "+26 (+21%)" in incoming
    assert "ghi nhận 150 / công bố 155" in incoming
    # A citation of the article, not the name of the stored file.
    assert "nguồn: Bài về Hội nghị tổng kết công tác đối ngoại năm 2017" in incoming
    assert ".txt" not in incoming
    assert "Năm 2017, Thành phố đã đón 150 đoàn khách quốc tế (tăng 21% so với năm 2016)" in (
        page.locator(".summary").inner_text()
    )

    # Every chart drew something, names every category, and has its table behind it.
    assert blank_canvases(page) == []
    assert skipped_labels(page) == {}
    page.locator('[data-chart-figure="country"] summary').click()
    country_rows = page.locator('[data-chart-table="country"] tbody tr')
    assert country_rows.count() == 10  # of the 11 countries that sent delegations in 2017
    assert_fits(page, DESKTOP["width"])
    page.screenshot(path=artifacts / "dashboard-2017-1366.png", full_page=True)

    # Choosing another year reloads the page for it.
    page.select_option("#id_year", "2016")
    page.wait_for_url("**/dashboard/?year=2016")
    assert page.title() == "Tổng quan năm 2016 · Sở Ngoại vụ TP. Hồ Chí Minh"
    assert card_value(page, "incoming_delegations") == "124"
    wait_for_charts(page)
    assert blank_canvases(page) == []

    # On a phone the page fits the screen; the published figures scroll inside their box.
    page.goto("/dashboard/?year=2017")
    page.set_viewport_size(PHONE)
    wait_for_charts(page)
    assert_fits(page, PHONE["width"])
    box = page.locator(".reported .table-scroll")
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")
    page.screenshot(path=artifacts / "dashboard-2017-390.png", full_page=True)

    # Printed on A4: nothing sticks out sideways, every label is drawn, and the PDF is
    # numbered and dated on every page.
    page.set_viewport_size(A4_WIDTH)
    page.emulate_media(media="print")
    wait_for_charts(page)
    assert_fits(page, A4_WIDTH["width"])
    assert page.locator(".toolbar").is_hidden()
    assert page.locator(".site-nav").is_hidden()
    assert blank_canvases(page) == []
    assert skipped_labels(page) == {}
    page.screenshot(path=artifacts / "dashboard-2017-print.png", full_page=True)
    pdf_path = artifacts / "dashboard-2017-vi.pdf"
    page.pdf(path=pdf_path, format="A4", print_background=True)
    pages = pdf_text(pdf_path)
    assert 2 <= len(pages) <= 4
    today = timezone.localdate().strftime("%d/%m/%Y")
    for number, text in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in text
        assert f"Tổng quan hoạt động đối ngoại năm 2017 · in ngày {today}" in text


def test_the_dashboard_reads_and_prints_in_english(leader, page, artifacts):
    build_years()
    page.set_viewport_size(DESKTOP)
    open_dashboard(page, 2017, language="en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.title() == "Overview of 2017 · Department of Foreign Affairs of Ho Chi Minh City"
    assert page.locator("h1").inner_text() == "Foreign-affairs overview of 2017"
    assert_fits(page, DESKTOP["width"])
    page.screenshot(path=artifacts / "dashboard-2017-en-1366.png", full_page=True)

    page.set_viewport_size(PHONE)
    assert_fits(page, PHONE["width"])

    page.emulate_media(media="print")
    page.set_viewport_size(A4_WIDTH)
    wait_for_charts(page)
    assert_fits(page, A4_WIDTH["width"])
    pdf_path = artifacts / "dashboard-2017-en.pdf"
    page.pdf(path=pdf_path, format="A4", print_background=True)
    pages = pdf_text(pdf_path)
    today = timezone.localdate().strftime("%d/%m/%Y")
    for number, text in enumerate(pages, start=1):
        assert f"Page {number}/{len(pages)}" in text
        assert f"Foreign-affairs overview of 2017 · printed on {today}" in text
    assert "Tổng quan" not in "".join(pages)


def test_the_print_button_and_the_excel_link_are_there(leader, page):
    build_years()
    open_dashboard(page, 2017)
    with page.expect_download() as download:
        page.click("text=Tải Excel")
    assert download.value.suggested_filename == "so-lieu-doi-ngoai-2017.xlsx"
    assert page.locator("[data-action=print]").is_visible()
