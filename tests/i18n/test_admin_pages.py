"""The admin as staff see it in Vietnamese: the home lists their work first, lists are titled
with what they show, filters are chips, the language switch is in the header."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from delegations.models import Direction, Pillar, Status
from foreignaffairs.core.roles import STAFF, setup_roles
from tests.admin_pages import inline_management
from tests.agreements.test_admin import agreement_form
from tests.factories import DelegationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    setup_roles()
    user = UserFactory(username="chuyenvien", is_staff=True)
    user.groups.add(Group.objects.get(name=STAFF))
    client.force_login(user)
    return client


def received(count: int, year: int):
    for day in range(1, count + 1):
        DelegationFactory(
            direction=Direction.INCOMING,
            status=Status.COMPLETED,
            start_date=datetime.date(year, 3, day),
        )


def test_admin_home_lists_delegations_and_events_first(staff_client):
    page = staff_client.get(reverse("admin:index")).text

    assert page.index("Đoàn và sự kiện") < page.index("Văn bản hợp tác")
    assert page.index("Văn bản hợp tác") < page.index("Số liệu và báo cáo")


def test_staff_do_not_see_the_login_lockout_section(staff_client):
    page = staff_client.get(reverse("admin:index")).text

    assert "axes" not in page.lower()
    assert "Khóa đăng nhập" not in page


def test_administrators_see_the_login_lockout_section_in_vietnamese(admin_client):
    page = admin_client.get(reverse("admin:index")).text

    assert "Khóa đăng nhập (đăng nhập sai nhiều lần)" in page
    assert ">Axes<" not in page


def test_drill_down_list_is_titled_with_what_it_shows(staff_client):
    received(3, 2017)
    DelegationFactory(direction=Direction.INCOMING, start_date=datetime.date(2018, 1, 5))

    response = staff_client.get(
        reverse("admin:delegations_delegation_changelist"), {"received_in": "2017"}
    )

    assert "<h1>Đoàn vào năm 2017 — 3 đoàn</h1>" in response.text
    assert "Chọn đoàn để sửa" not in response.text


def test_active_filters_show_as_chips_that_remove_them(staff_client):
    received(2, 2017)
    url = reverse("admin:delegations_delegation_changelist")

    response = staff_client.get(url, {"received_in": "2017", "direction__exact": "incoming"})

    chips = response.context["cl"].active_filters
    assert [chip.label for chip in chips] == [
        "Chiều đoàn: Đoàn vào",
        "Đoàn vào đã đón trong năm: 2017",
    ]
    assert chips[0].remove_url == "?received_in=2017"
    assert 'class="active-filters"' in response.text


def test_unfiltered_list_names_the_records_and_counts_them_once(staff_client):
    received(2, 2017)

    response = staff_client.get(reverse("admin:delegations_delegation_changelist"))

    assert "<h1>Đoàn vào, đoàn ra (2)</h1>" in response.text
    assert "<title>Đoàn vào, đoàn ra (2) |" in response.text


def test_a_searched_list_is_named_by_its_records(staff_client):
    DelegationFactory(title="Đoàn Thủ tướng Singapore")
    DelegationFactory(title="Đoàn Tổng thống Chile")

    response = staff_client.get(
        reverse("admin:delegations_delegation_changelist"), {"q": "singapore"}
    )

    assert "<h1>Đoàn vào, đoàn ra (1)</h1>" in response.text


def test_every_list_is_titled_by_its_records_not_chon_de_sua(admin_client):
    pillars = Pillar.objects.count()  # the six pillars the migrations write

    page = admin_client.get(reverse("admin:delegations_pillar_changelist")).text
    users = admin_client.get(reverse("admin:auth_user_changelist")).text

    assert f"<h1>Trụ cột đối ngoại ({pillars})</h1>" in page
    assert "<h1>Người dùng (1)</h1>" in users
    assert "Chọn" not in page.split("<h1>")[1].split("</h1>")[0]


def test_unfiltered_list_title_in_english(staff_client):
    received(2, 2017)
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = staff_client.get(reverse("admin:delegations_delegation_changelist"))

    assert "<h1>Incoming and outgoing delegations (2)</h1>" in response.text


def test_english_drill_down_title_counts_without_repeating_the_name(staff_client):
    received(2, 2017)
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = staff_client.get(
        reverse("admin:delegations_delegation_changelist"), {"received_in": "2017"}
    )

    assert "<h1>Incoming delegations in 2017 — 2</h1>" in response.text


def test_language_switch_is_in_the_admin_header(staff_client):
    page = staff_client.get(reverse("admin:index")).text

    header = page.split('<header id="header">')[1].split("</header>")[0]
    assert 'action="/i18n/setlang/"' in header
    assert 'value="en"' in header


def test_history_shows_local_time_and_no_none(admin_client):
    delegation = DelegationFactory()
    delegation.title += " (sửa)"
    delegation.save()
    changed_at = timezone.localtime(delegation.history.first().history_date)

    page = admin_client.get(
        reverse("admin:delegations_delegation_history", args=[delegation.pk])
    ).text

    assert changed_at.strftime("%d/%m/%Y %H:%M") in page
    assert "+00:00" not in page
    assert "None" not in page


def test_recent_changes_name_the_record_not_its_history_row(admin_client):
    DelegationFactory(title="Đoàn Thủ tướng Singapore")

    page = admin_client.get(reverse("recent_changes")).text

    assert "Đoàn Thủ tướng Singapore" in page
    assert " as of " not in page


def test_date_fields_show_the_format_with_an_example(staff_client):
    page = staff_client.get(reverse("admin:delegations_delegation_add")).text

    assert "Ví dụ: 27/03/2026 (ngày/tháng/năm)." in page


def test_refused_form_lists_its_errors_at_the_top_linking_to_each_field(staff_client):
    response = staff_client.post(
        reverse("admin:delegations_delegation_add"),
        {"title": "", "start_date": "31/02/2026", "direction": "incoming"},
    )

    summary = response.text.split('class="error-summary"')[1].split("</nav>")[0]
    assert '<a href="#id_start_date">Ngày bắt đầu</a>' in summary
    assert "ngày/tháng/năm" in summary
    assert '<a href="#id_title">' in summary


def test_the_error_summary_links_to_a_field_in_an_inline_row(staff_client):
    data = {
        "direction": "incoming",
        "title": "Đoàn Thị trưởng Osaka",
        "country": "JP",
        "start_date": "03/04/2026",
        **inline_management("members", total=2),
        "members-0-order": "1",
        "members-0-name": "Yokoyama Hideyuki",
        "members-1-order": "2",
        "members-1-name": "",
        "members-1-title": "Phó Thị trưởng",
    }

    response = staff_client.post(reverse("admin:delegations_delegation_add"), data)

    summary = response.text.split('class="error-summary"')[1].split("</nav>")[0]
    assert (
        '<a href="#id_members-1-name">Thành viên đoàn, dòng 2 — Họ tên</a>: '
        "Trường này là bắt buộc." in summary
    )
    assert 'id="id_members-1-name"' in response.text


def test_the_error_summary_lists_an_agreements_activity_row_in_english(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = agreement_form(
        **inline_management("activities", total=1),
        **{
            "activities-0-date": "3/4/26",
            "activities-0-kind": "meeting",
            "activities-0-description": "Họp rà soát kế hoạch",
        },
    )

    response = admin_client.post(reverse("admin:agreements_agreement_add"), data)

    summary = response.text.split('class="error-summary"')[1].split("</nav>")[0]
    assert '<a href="#id_activities-0-date">Implementation activity, row 1 — Date</a>' in summary
    assert "Enter the date as day/month/year, for example 27/03/2026." in summary


def test_login_lockout_records_are_named_in_vietnamese_with_local_time(admin_client):
    attempt = AccessAttempt.objects.create(
        username="truongphong",
        ip_address="10.0.0.9",
        user_agent="Firefox",
        get_data="",
        post_data="",
        http_accept="text/html",
        path_info="/login/",
        failures_since_start=5,
    )
    local = timezone.localtime(attempt.attempt_time)

    page = admin_client.get(reverse("admin:axes_accessattempt_change", args=[attempt.pk])).text

    assert f"truongphong từ 10.0.0.9: 5 lần đăng nhập sai, lần cuối {local:%d/%m/%Y %H:%M}" in page
    assert "Attempted Access" not in page
