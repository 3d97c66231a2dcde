""" "Việc cần làm": each person's open and overdue deadlines, the count in the admin header,
and the office's count on the dashboard for managers."""

import datetime

import pytest
from django.utils import timezone

from foreignaffairs.deadlines.models import Deadline, Rule
from foreignaffairs.deadlines.services import sync_deadlines_for
from tests.admin_pages import messages_of
from tests.factories import AgreementFactory, DelegationFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TODO = "/admin/viec-can-lam/"


def deadline_for(user, due_on, code="agreement_report", title="Biên bản ghi nhớ"):
    agreement = AgreementFactory(title=title, signed_on=due_on - datetime.timedelta(days=15))
    return Deadline.objects.create(
        rule=Rule.objects.get(code=code),
        source=f"agreement:{agreement.pk}",
        agreement=agreement,
        trigger_on=min(agreement.signed_on, TODAY),
        due_on=due_on,
        assignee=user,
    )


@pytest.fixture
def my_deadlines(officer):
    return [
        deadline_for(officer, TODAY - datetime.timedelta(days=2), title="MOU với Osaka"),
        deadline_for(officer, TODAY + datetime.timedelta(days=5), title="MOU với Busan"),
    ]


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_the_page_lists_my_overdue_and_upcoming_deadlines_not_others(officer_client, my_deadlines):
    deadline_for(UserFactory(username="nguoi-khac"), TODAY, title="MOU của người khác")
    done = deadline_for(my_deadlines[0].assignee, TODAY, title="MOU đã xong")
    Deadline.objects.filter(pk=done.pk).update(done_on=TODAY)

    response = officer_client.get(TODO)

    assert [d.agreement.title for d in response.context["overdue"]] == ["MOU với Osaka"]
    assert [d.agreement.title for d in response.context["upcoming"]] == ["MOU với Busan"]
    page = response.content.decode()
    assert "Luật Thỏa thuận quốc tế 2020 (70/2020/QH14), Điều 19" in page
    assert (TODAY - datetime.timedelta(days=2)).strftime("%d/%m/%Y") in page
    assert "MOU của người khác" not in page


def test_the_page_runs_a_fixed_number_of_queries(
    officer, officer_client, django_assert_max_num_queries
):
    for n in range(30):
        deadline_for(officer, TODAY + datetime.timedelta(days=n), title=f"MOU {n}")

    # Session, user, deadlines, calendar feed, the admin menu's 2 permission reads, the header.
    with django_assert_max_num_queries(7):
        response = officer_client.get(TODO)

    assert len(response.context["upcoming"]) == 30


def test_marking_done_from_the_page(officer_client, my_deadlines):
    deadline = my_deadlines[0]

    response = officer_client.post(
        f"{TODO}{deadline.pk}/xong/", {"done_on": TODAY.strftime("%d/%m/%Y")}, follow=True
    )

    deadline.refresh_from_db()
    assert deadline.done_on == TODAY
    assert response.context["overdue"] == []


def test_a_done_date_before_the_trigger_is_refused_on_the_page(officer_client, my_deadlines):
    deadline = my_deadlines[0]
    too_early = deadline.trigger_on - datetime.timedelta(days=1)

    response = officer_client.post(
        f"{TODO}{deadline.pk}/xong/", {"done_on": too_early.strftime("%d/%m/%Y")}, follow=True
    )

    expected = deadline.trigger_on.strftime("%d/%m/%Y")
    assert messages_of(response) == [
        f"Ngày hoàn thành không được trước ngày phát sinh ({expected})."
    ]
    deadline.refresh_from_db()
    assert deadline.done_on is None


def test_nobody_marks_someone_elses_deadline(client, my_deadlines):
    client.force_login(UserFactory(username="nguoi-khac"))

    response = client.post(f"{TODO}{my_deadlines[0].pk}/xong/", {"done_on": "01/01/2026"})

    assert response.status_code == 404


def test_the_admin_header_counts_my_open_and_overdue_deadlines(officer_client, my_deadlines):
    page = officer_client.get("/admin/").content.decode()

    assert "Việc cần làm (2, 1 quá hạn)" in page
    assert f'href="{TODO}"' in page


def test_the_header_count_is_cached_and_follows_marking_done(
    officer_client, my_deadlines, django_assert_max_num_queries
):
    officer_client.get("/admin/")
    # Session, user, the admin menu's 2 permission reads, recent actions: no count.
    with django_assert_max_num_queries(5):
        assert "Việc cần làm (2, 1 quá hạn)" in officer_client.get("/admin/").content.decode()

    officer_client.post(
        f"{TODO}{my_deadlines[0].pk}/xong/", {"done_on": TODAY.strftime("%d/%m/%Y")}
    )

    assert "Việc cần làm (1)" in officer_client.get("/admin/").content.decode()


def test_the_dashboard_shows_managers_the_office_count(client, manager_user, my_deadlines):
    client.force_login(manager_user)

    page = client.get("/dashboard/").content.decode()

    assert "Việc cần làm của phòng" in page
    assert "2 thời hạn chưa hoàn thành, trong đó 1 quá hạn." in page
    assert "Nguyễn Lan" in page


def test_the_dashboard_panel_is_for_managers_only(client, leader_user, my_deadlines):
    client.force_login(leader_user)

    assert "Việc cần làm của phòng" not in client.get("/dashboard/").content.decode()


def test_a_planned_visit_left_open_shows_on_the_page_of_who_entered_it(officer, officer_client):
    delegation = DelegationFactory(
        status="planned",
        start_date=TODAY - datetime.timedelta(days=10),
        end_date=TODAY - datetime.timedelta(days=8),
        created_by=officer,
    )
    sync_deadlines_for(delegation)

    response = officer_client.get(TODO)

    assert [d.delegation for d in response.context["overdue"]] == [delegation]
