"""A staff member's weekly work in the admin, in a real browser."""

import datetime

import pytest
from django.contrib.auth.models import Group

from delegations.models import Delegation
from foreignaffairs.core.roles import STAFF, setup_roles
from tests.browser.conftest import log_in
from tests.factories import DelegationFactory, PartnerLocalityFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff_member(transactional_db):
    setup_roles()
    user = UserFactory(username="chuyenvien", is_staff=True)
    user.groups.add(Group.objects.get(name=STAFF))
    return user


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
