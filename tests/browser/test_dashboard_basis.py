"""The dashboard's choice of basis in a real browser (issue 20): offered for the merger year,
said under the title, switched with the select, and fitting a desktop and a phone."""

import datetime

import pytest

from agreements.models import Agreement
from delegations.models import Delegation, Event
from foreignaffairs.core.origins import Origin
from partners.models import PartnerLocality, PartnerOrigin
from tests.browser.test_dashboard import (
    DESKTOP,
    PHONE,
    assert_fits,
    blank_canvases,
    card_value,
    leader,  # noqa: F401 - fixture
    log_in_as_leader,
    wait_for_charts,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BD, BRVT = Origin.BINH_DUONG, Origin.BA_RIA_VUNG_TAU
COUNTRIES = ["JP", "KR", "CN", "SG", "US", "FR", "AU", "TH"]
# Incoming visits a year by origin (the provinces' records stop at the merger).
INCOMING = {"hcmc": 40, BD: 16, BRVT: 8}
YEARS = range(2021, 2026)


def day_in(year: int, n: int, origin: str) -> datetime.date:
    last_month = 6 if origin != Origin.HCMC and year == 2025 else 12
    return datetime.date(year, 1 + n % last_month, 1 + n % 27)


def build_merged_years():
    """The city and the two former provinces, 2021-2025, with one shared partner."""
    delegations, events, agreements = [], [], []
    for year in YEARS:
        for origin, incoming in INCOMING.items():
            count = incoming // 3 if year == 2021 else incoming  # the pandemic's tail
            for n in range(count):
                delegations.append(
                    Delegation(
                        title=f"Đoàn khách {origin} {year}-{n}",
                        country=COUNTRIES[(n + year) % len(COUNTRIES)],
                        level="business" if n % 3 else "local_leader",
                        status="completed",
                        start_date=day_in(year, n, origin),
                        origin=origin,
                    )
                )
            for n in range(count // 6):
                delegations.append(
                    Delegation(
                        title=f"Đoàn đi {origin} {year}-{n}",
                        direction="outgoing",
                        country=COUNTRIES[n % len(COUNTRIES)],
                        status="completed",
                        start_date=day_in(year, n * 5, origin),
                        origin=origin,
                    )
                )
                events.append(
                    Event(
                        title=f"Sự kiện {origin} {year}-{n}",
                        status="held",
                        role="host",
                        start_date=day_in(year, n * 7, origin),
                        origin=origin,
                    )
                )
                agreements.append(
                    Agreement(
                        title=f"Văn bản {origin} {year}-{n}",
                        status="in_force",
                        signed_on=day_in(year, n * 11, origin),
                        origin=origin,
                    )
                )
    Delegation.objects.bulk_create(delegations)
    Event.objects.bulk_create(events)
    Agreement.objects.bulk_create(agreements)
    partners = []
    for origin, count in (("hcmc", 30), (BD, 12), (BRVT, 6)):
        for n in range(count):
            name = f"Địa phương {origin} {n}"
            partners.append(
                PartnerLocality(
                    name=name,
                    country=COUNTRIES[n % len(COUNTRIES)],
                    established_on=datetime.date(2000 + n % 25, 1 + n % 12, 1),
                    origin=origin,
                )
            )
    PartnerLocality.objects.bulk_create(partners)
    shared = partners[0]
    PartnerOrigin.objects.bulk_create(
        [
            PartnerOrigin(partner=shared, origin="hcmc", established_on=shared.established_on),
            PartnerOrigin(partner=shared, origin=BD, established_on=datetime.date(2012, 5, 1)),
        ]
    )


def basis_line(page) -> str:
    return " ".join(page.locator("p.basis").inner_text().split())


def test_a_leader_switches_the_basis_of_the_merger_year(leader, page, artifacts):  # noqa: F811
    build_merged_years()
    page.set_viewport_size(DESKTOP)
    page.goto("/dashboard/?year=2025")
    log_in_as_leader(page)
    wait_for_charts(page)

    # The merged city by default, and said so under the title.
    assert page.locator("#id_origin").input_value() == ""
    assert basis_line(page).startswith("Cơ sở tính: Toàn thành phố (sau hợp nhất)")
    assert card_value(page, "incoming_delegations") == "64"
    assert [option.strip() for option in page.locator("#id_origin option").all_inner_texts()] == [
        "Toàn thành phố (sau hợp nhất)",
        "TP. Hồ Chí Minh (cũ)",
        "Bình Dương",
        "Bà Rịa – Vũng Tàu",
    ]
    assert blank_canvases(page) == []
    assert_fits(page, DESKTOP["width"])
    page.screenshot(path=artifacts / "dashboard-basis-2025-1366.png", full_page=True)

    # Choosing Bình Dương reloads the page on its basis; the Excel link follows.
    page.select_option("#id_origin", BD)
    page.wait_for_url("**/dashboard/?year=2025&origin=binh_duong")
    wait_for_charts(page)
    assert basis_line(page).startswith("Cơ sở tính: Bình Dương")
    assert card_value(page, "incoming_delegations") == "16"
    excel = page.locator("a[download]", has_text="Tải Excel").get_attribute("href")
    assert excel == "/dashboard/xlsx/?year=2025&origin=binh_duong"
    assert blank_canvases(page) == []
    page.screenshot(path=artifacts / "dashboard-basis-2025-binh-duong-1366.png", full_page=True)

    # Another year keeps the basis.
    page.select_option("#id_year", "2024")
    page.wait_for_url("**/dashboard/?year=2024&origin=binh_duong")
    assert card_value(page, "incoming_delegations") == "16"

    # On a phone: the selector and the basis line fit the screen.
    page.goto("/dashboard/?year=2025&origin=hcmc")
    page.set_viewport_size(PHONE)
    wait_for_charts(page)
    assert basis_line(page).startswith("Cơ sở tính: TP. Hồ Chí Minh (cũ)")
    assert card_value(page, "incoming_delegations") == "40"
    assert page.locator("#id_origin").is_visible()
    assert_fits(page, PHONE["width"])
    page.screenshot(path=artifacts / "dashboard-basis-2025-hcmc-390.png", full_page=True)

    # On paper the basis is named beside the printing date.
    page.emulate_media(media="print")
    assert "Cơ sở tính: TP. Hồ Chí Minh (cũ)" in page.locator(".print-date").inner_text()
