"""The year's programme on the leaders' dashboard."""

import datetime

import pytest

from tests.factories import AnnualPlanFactory, DelegationFactory, PlanItemFactory

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_the_programmes_progress_and_what_was_outside_it(leader_client):
    plan = AnnualPlanFactory(year=2017, decision_number="4321/QĐ-UBND")
    PlanItemFactory(plan=plan, delegations=[DelegationFactory(status="completed")])
    PlanItemFactory(plan=plan, quarter=1)  # not started: late after March
    DelegationFactory(status="completed", start_date=datetime.date(2017, 8, 8))  # unplanned

    page = leader_client.get("/dashboard/", {"year": 2017}).content.decode()

    assert "Chương trình đối ngoại năm 2017" in page
    assert "4321/QĐ-UBND" in page
    assert 'data-state="done">Đã thực hiện: <a' in page
    assert "Quá hạn, chưa thực hiện" in page
    assert 'data-kind="incoming">Đón đoàn vào: 1<' in page


def test_a_programme_approved_late_is_flagged_on_the_dashboard(leader_client):
    AnnualPlanFactory(year=2017, approved_on=datetime.date(2017, 2, 10))
    PlanItemFactory(delegations=[DelegationFactory(status="completed")])

    page = leader_client.get("/dashboard/", {"year": 2017}).content.decode()

    assert "Chương trình được phê duyệt sau hạn 31/12/2016." in page


def test_the_roles_let_staff_enter_the_programme_and_leaders_read_it(leader_user, staff_user):
    assert staff_user.has_perm("plans.add_planitem")
    assert staff_user.has_perm("plans.change_annualplan")
    assert not staff_user.has_perm("plans.delete_planitem")
    assert leader_user.has_perm("plans.view_planitem")
    assert not leader_user.has_perm("plans.change_planitem")
