"""A staff account with no role (issue 15, item 13) reads nothing: the API needs the model's
view permission, the dashboard, its workbook, the statistics and the change log need a role,
and reverting a record to an older version is for managers."""

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from delegations.models import Delegation
from tests.factories import DelegationFactory, UserFactory

DELEGATION_ADMIN = "/admin/delegations/delegation/"


@pytest.fixture
def roleless(db):
    """Ticked "staff status" and nothing else: no group, no permission."""
    return UserFactory(username="khong-vai-tro", is_staff=True)


@pytest.fixture
def roleless_api(roleless):
    api = APIClient()
    api.force_login(roleless)
    return api


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/delegations/",
        "/api/v1/events/",
        "/api/v1/agreements/",
        "/api/v1/partners/",
        "/api/v1/stats/yearly/",
        "/api/v1/stats/breakdown/?year=2017&by=country",
    ],
)
def test_staff_without_a_role_reads_nothing_through_the_api(roleless_api, path):
    DelegationFactory()
    response = roleless_api.get(path)
    assert response.status_code == 403
    assert "detail" in response.json()


def test_a_record_can_be_read_with_its_view_permission(roleless, roleless_api):
    record = DelegationFactory()
    assert roleless_api.get(f"/api/v1/delegations/{record.pk}/").status_code == 403
    roleless.user_permissions.add(Permission.objects.get(codename="view_delegation"))
    assert roleless_api.get(f"/api/v1/delegations/{record.pk}/").status_code == 200
    assert roleless_api.get("/api/v1/partners/").status_code == 403


@pytest.mark.parametrize("path", ["/dashboard/", "/dashboard/xlsx/", "/admin/recent-changes/"])
def test_staff_without_a_role_gets_no_dashboard_nor_change_log(client, roleless, path):
    client.force_login(roleless)
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/dashboard/", "/dashboard/xlsx/"])
def test_a_leader_reads_the_dashboard(client, leader_user, path):
    client.force_login(leader_user)
    assert client.get(path).status_code == 200


def test_staff_cannot_revert_a_record_to_an_older_version(client, staff_user):
    delegation = DelegationFactory(title="Đoàn Tổng thống Chile")
    first = delegation.history.get(history_type="+")
    delegation.title = "Đoàn Tổng thống Chile (sửa)"
    delegation.save()
    client.force_login(staff_user)
    response = client.post(
        f"{DELEGATION_ADMIN}{delegation.pk}/history/{first.history_id}/",
        {"title": "Đoàn Tổng thống Chile"},
    )
    assert response.status_code == 403
    assert Delegation.objects.get(pk=delegation.pk).title == "Đoàn Tổng thống Chile (sửa)"
