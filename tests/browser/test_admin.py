"""A staff member's weekly work in the admin, in a real browser."""

import datetime

import pytest
from django.contrib.auth.models import Group

from delegations.models import Delegation
from foreignaffairs.core.roles import MANAGER, setup_roles
from tests.browser.conftest import WIDTHS, log_in, page_width, staff_tab
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_adds_an_incoming_delegation_with_ddmmyyyy_dates(page, staff_member, artifacts):
    PartnerLocalityFactory(name="Yangon", country="MM")
    log_in(page, staff_member.username, next_path="/admin/delegations/delegation/add/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.select_option("#id_direction", "incoming")
    page.fill("#id_title", "Đoàn Thủ hiến vùng Yangon")
    page.select_option("#id_level", "local_leader")
    page.select_option("#id_status", "completed")
    page.select_option("#id_country", "MM")
    page.fill("#id_start_date", "03/04/2024")
    page.fill("#id_end_date", "05/04/2024")
    page.fill("#id_head_name", "U Phyo Min Thein")
    page.screenshot(path=str(artifacts / "admin-delegation-add.png"), full_page=True)
    page.click("input[name=_save]")
    page.wait_for_load_state()

    assert "thành công" in page.locator(".messagelist").inner_text()
    page.screenshot(path=str(artifacts / "admin-delegation-list.png"), full_page=True)
    stored = Delegation.objects.get(title="Đoàn Thủ hiến vùng Yangon")
    assert stored.start_date == datetime.date(2024, 4, 3)
    assert stored.created_by == staff_member


def test_staff_sees_a_clear_message_for_an_end_date_before_the_start(page, staff_member):
    log_in(page, staff_member.username, next_path="/admin/delegations/delegation/add/")
    page.fill("#id_title", "Đoàn Bộ trưởng Thương mại Nhật Bản")
    page.select_option("#id_country", "JP")
    page.fill("#id_start_date", "10/05/2024")
    page.fill("#id_end_date", "08/05/2024")
    page.click("input[name=_save]")
    page.wait_for_load_state()

    assert "Ngày kết thúc không được trước ngày bắt đầu." in page.content()
    assert not Delegation.objects.exists()


def test_search_without_diacritics_finds_the_delegation(page, staff_member, artifacts):
    DelegationFactory(title="Đoàn Thị trưởng Đà Nẵng kết nghĩa", country="VN")
    DelegationFactory(title="Đoàn Thủ tướng Singapore", country="SG")
    log_in(page, staff_member.username, next_path="/admin/delegations/delegation/")
    page.fill("#searchbar", "da nang")
    page.press("#searchbar", "Enter")
    page.wait_for_load_state()
    rows = page.locator("#result_list tbody tr").all_inner_texts()
    page.screenshot(path=str(artifacts / "admin-delegation-search.png"), full_page=True)
    assert len(rows) == 1
    assert "Đà Nẵng" in rows[0]


# The staff pages at a laptop's and a phone's width, in both languages ---------------------


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_staff_pages_fit_the_screen(browser, live_server, staff_member, artifacts, language, width):
    agreement = ImplementationActivityFactory(
        agreement=AgreementFactory(title="Biên bản ghi nhớ hợp tác với thành phố Osaka"),
        description="Khóa đào tạo cho cán bộ Thành phố về quy hoạch và quản lý đô thị",
        responsible_unit="Sở Quy hoạch - Kiến trúc",
    ).agreement
    delegation = DelegationFactory(
        title="Đoàn Chủ tịch Quốc hội Lào", start_date=datetime.date(2017, 12, 31)
    )
    PartnerLocalityFactory(name="Osaka", country="JP")
    pages = {
        "home": "/admin/",
        "delegations-2017": "/admin/delegations/delegation/?received_in=2017",
        "delegation-add": "/admin/delegations/delegation/add/",
        "delegation-history": f"/admin/delegations/delegation/{delegation.pk}/history/",
        "agreements": "/admin/agreements/agreement/",
        "agreement-change": f"/admin/agreements/agreement/{agreement.pk}/change/",
        "partners": "/admin/partners/partnerlocality/",
        "events": "/admin/delegations/event/",
        "import": "/admin/delegations/delegation/import/",
        "export": "/admin/delegations/delegation/export/",
    }
    context, tab = staff_tab(browser, live_server, language, width)
    log_in(tab, staff_member.username, next_path="/admin/")
    too_wide = {}
    for name, path in pages.items():
        tab.goto(path)
        tab.wait_for_load_state()
        assert tab.locator("html").get_attribute("lang") == language
        tab.screenshot(path=str(artifacts / f"admin-{name}-{language}-{width}.png"), full_page=True)
        if page_width(tab) > width:
            too_wide[name] = page_width(tab)
    context.close()

    assert too_wide == {}


# What staff read when a form is refused and when a version is restored, in each language.
FORM_TEXTS = {
    "vi": {
        "hint": "Ví dụ: 27/03/2026",
        "format": "ngày/tháng/năm, ví dụ 27/03/2026",
        "start": "Ngày bắt đầu",
        "saved": "thành công",
        "restored": "đã được khôi phục",
    },
    "en": {
        "hint": "For example: 27/03/2026",
        "format": "day/month/year, for example 27/03/2026",
        "start": "Start date",
        "saved": "successfully",
        "restored": "was restored",
    },
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_staff_fix_a_refused_visit_from_the_error_summary(
    browser, live_server, staff_member, artifacts, language
):
    texts = FORM_TEXTS[language]
    context, tab = staff_tab(browser, live_server, language, 1366)
    log_in(tab, staff_member.username, next_path="/admin/delegations/delegation/add/")
    assert texts["hint"] in tab.locator(".field-start_date").inner_text()
    tab.fill("#id_title", "Đoàn Bộ trưởng Thương mại Nhật Bản")
    tab.select_option("#id_country", "JP")
    tab.fill("#id_start_date", "31/02/2026")
    tab.click("input[name=_save]")
    tab.wait_for_load_state()
    tab.screenshot(
        path=str(artifacts / f"admin-delegation-error-{language}-1366.png"), full_page=True
    )

    summary = tab.locator(".error-summary")
    assert texts["format"] in summary.inner_text()
    assert not tab.locator("p.errornote").is_visible()  # said once, by the summary
    summary.get_by_role("link", name=texts["start"]).click()
    assert tab.evaluate("document.activeElement.id") == "id_start_date"
    tab.fill("#id_start_date", "27/03/2026")
    tab.click("input[name=_save]")
    tab.wait_for_load_state()
    assert texts["saved"] in tab.locator(".messagelist").inner_text()
    assert Delegation.objects.get().start_date == datetime.date(2026, 3, 27)
    context.close()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_manager_restores_an_earlier_version_from_the_history(
    browser, live_server, artifacts, language
):
    setup_roles()
    manager = UserFactory(username="truongphong", is_staff=True)
    manager.groups.add(Group.objects.get(name=MANAGER))
    delegation = DelegationFactory(title="Đoàn Thủ tướng Singapore")
    delegation.title = "Đoàn Thủ tướng Singapore (nhập nhầm)"
    delegation.save()
    first = delegation.history.order_by("history_date").first()
    context, tab = staff_tab(browser, live_server, language, 1366)
    log_in(
        tab, manager.username, next_path=f"/admin/delegations/delegation/{delegation.pk}/history/"
    )
    history = tab.locator("#change-history").inner_text()
    tab.screenshot(path=str(artifacts / f"admin-history-{language}-1366.png"), full_page=True)
    assert "None" not in history and "+00:00" not in history

    tab.goto(f"/admin/delegations/delegation/{delegation.pk}/history/{first.pk}/")
    tab.click("input[name=_save]")
    tab.wait_for_load_state()

    assert FORM_TEXTS[language]["restored"] in tab.locator(".messagelist").inner_text()
    delegation.refresh_from_db()
    assert delegation.title == "Đoàn Thủ tướng Singapore"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_staff_fix_a_member_row_from_the_error_summary(
    browser, live_server, staff_member, artifacts, width
):
    context, tab = staff_tab(browser, live_server, "vi", width)
    log_in(tab, staff_member.username, next_path="/admin/delegations/delegation/add/")
    tab.fill("#id_title", "Đoàn Thị trưởng Osaka")
    tab.select_option("#id_country", "JP")
    tab.fill("#id_start_date", "3/4/26")
    tab.fill("#id_members-0-title", "Phó Thị trưởng")  # the name forgotten
    tab.click("input[name=_save]")
    tab.wait_for_load_state()
    tab.screenshot(path=str(artifacts / f"admin-form-errors-vi-{width}.png"), full_page=True)

    summary = tab.locator(".error-summary")
    assert "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 27/03/2026." in summary.inner_text()
    assert page_width(tab) <= width
    summary.get_by_role("link", name="Thành viên đoàn, dòng 1 — Họ tên").click()
    assert tab.evaluate("document.activeElement.id") == "id_members-0-name"
    tab.fill("#id_members-0-name", "Yokoyama Hideyuki")
    tab.fill("#id_start_date", "03/04/2026")
    tab.click("input[name=_save]")
    tab.wait_for_load_state()
    assert "thành công" in tab.locator(".messagelist").inner_text()
    stored = Delegation.objects.get()
    assert stored.start_date == datetime.date(2026, 4, 3)
    assert [member.name for member in stored.members.all()] == ["Yokoyama Hideyuki"]
    context.close()


@pytest.mark.parametrize(("language", "login_url"), [("vi", "/admin/login/"), ("en", "/login/")])
def test_a_locked_login_says_when_to_try_again(
    browser, live_server, staff_member, artifacts, settings, language, login_url
):
    settings.AXES_FAILURE_LIMIT = 3
    for width in WIDTHS:
        context, tab = staff_tab(browser, live_server, language, width)
        tab.goto(login_url)
        for _attempt in range(3):  # already locked at the second width: one attempt
            if not tab.locator("#id_username").count():
                break
            tab.fill("#id_username", staff_member.username)
            tab.fill("#id_password", "sai mật khẩu")
            tab.click("#login-form [type=submit]")
            tab.wait_for_load_state()
        tab.screenshot(path=str(artifacts / f"lockout-{language}-{width}.png"), full_page=True)

        text = tab.locator("main").inner_text()
        assert tab.locator(".site-header").is_visible()  # the app's own look
        if language == "vi":
            assert "Tạm khóa đăng nhập" in tab.title()
            assert "Có thể đăng nhập lại từ" in text and "(còn khoảng 1 giờ)" in text
        else:
            assert "Login temporarily locked" in tab.title()
            assert "You can log in again from" in text and "(about 1 hour left)" in text
        assert page_width(tab) <= width
        context.close()
