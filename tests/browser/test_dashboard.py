"""The dashboard in a real browser: figures, charts drawn, year switch, print layout."""

import datetime
import re

import pytest

from agreements.models import Agreement
from delegations.models import Delegation, Event
from foreignaffairs.core.text import fold
from partners.models import PartnerLocality
from tests.browser.conftest import log_in
from tests.factories import ReportedFigureFactory

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
                    country=COUNTRIES[(n * n + year) % len(COUNTRIES)],
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


def card_value(page, key: str) -> str:
    return page.locator(f'[data-figure="{key}"] .card-value').inner_text().strip()


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


def test_a_leader_reads_the_year_switches_it_and_prints_it(leader, page, artifacts):
    build_years()
    log_in(page, leader.username, "/dashboard/?year=2017")
    assert page.url.endswith("/dashboard/?year=2017")
    assert page.locator("h1").inner_text() == "Tổng quan hoạt động đối ngoại năm 2017"

    # The cards, as the counting rules give them.
    assert card_value(page, "incoming_delegations") == "150"
    assert card_value(page, "high_level_delegations") == "9"
    assert card_value(page, "outgoing_delegations") == "21"
    assert card_value(page, "agreements_signed") == "12"
    assert card_value(page, "new_relationship_agreements") == "4"
    assert card_value(page, "partner_localities_total") == "48"
    incoming = page.locator('[data-figure="incoming_delegations"]').inner_text()
    assert "+26 (+21%)" in incoming
    assert "ghi nhận 150 / công bố 155" in incoming
    assert "nguồn: 001_e37889e8850a963b.txt" in incoming
    assert "Năm 2017, Thành phố đã đón 150 đoàn khách quốc tế (tăng 21% so với năm 2016)" in (
        page.locator(".summary").inner_text()
    )

    # The charts drew something, and the page passed its data without inline script.
    page.wait_for_function("document.documentElement.dataset.chartsReady === '6'")
    assert blank_canvases(page) == []
    page.screenshot(path=artifacts / "dashboard-2017.png", full_page=True)
    for part in ("cards", "charts", "attention"):
        page.locator(f".{part}").first.screenshot(path=artifacts / f"dashboard-2017-{part}.png")

    # Choosing another year reloads the page for it.
    page.select_option("#id_year", "2016")
    page.wait_for_url("**/dashboard/?year=2016")
    assert page.locator("h1").inner_text() == "Tổng quan hoạt động đối ngoại năm 2016"
    assert card_value(page, "incoming_delegations") == "124"
    page.wait_for_function("document.documentElement.dataset.chartsReady === '6'")
    assert blank_canvases(page) == []

    # Printed on A4 (794 CSS pixels wide at 96 dpi): nothing sticks out sideways.
    page.goto("/dashboard/?year=2017")
    page.set_viewport_size({"width": 794, "height": 1123})
    page.emulate_media(media="print")
    page.wait_for_function("document.documentElement.dataset.chartsReady === '6'")
    # Chart.js resizes its canvases asynchronously after the viewport changes: wait for the
    # layout to settle; the wait fails the test if the page never fits.
    page.wait_for_function(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth",
        timeout=5000,
    )
    assert page.locator(".toolbar").is_hidden()
    assert page.locator(".site-nav").is_hidden()
    assert blank_canvases(page) == []
    page.screenshot(path=artifacts / "dashboard-2017-print.png", full_page=True)
    for part in ("cards", "charts", "attention"):
        page.locator(f".{part}").first.screenshot(
            path=artifacts / f"dashboard-2017-print-{part}.png"
        )
    pdf = page.pdf(path=artifacts / "dashboard-2017.pdf", format="A4", print_background=True)
    # Figures on the first page, charts on the second, what needs attention on the third.
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 3


def test_the_print_button_and_the_excel_link_are_there(leader, page):
    build_years()
    log_in(page, leader.username, "/dashboard/?year=2017")
    with page.expect_download() as download:
        page.click("text=Tải Excel")
    assert download.value.suggested_filename == "so-lieu-doi-ngoai-2017.xlsx"
    assert page.locator("[data-action=print]").is_visible()
