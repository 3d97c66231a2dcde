import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from delegations.models import Delegation
from foreignaffairs.core.roles import LEADER, MANAGER, ROLE_PERMISSIONS, STAFF
from tests.factories import DelegationFactory, ReportedFigureFactory

DELEGATION_ADMIN = "/admin/delegations/delegation/"


def test_setup_roles_is_idempotent_and_exact(db):
    call_command("setup_roles", verbosity=0)
    staff = Group.objects.get(name=STAFF)
    staff.permissions.clear()  # someone tampered with the group
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)
    assert Group.objects.filter(name__in=[STAFF, MANAGER, LEADER]).count() == 3
    for name, specs in ROLE_PERMISSIONS.items():
        assert Group.objects.get(name=name).permissions.count() == len(specs)


@pytest.mark.parametrize(
    ("role", "perm", "allowed"),
    [
        ("staff_user", "delegations.add_delegation", True),
        ("staff_user", "agreements.change_agreement", True),
        ("staff_user", "partners.delete_partnerlocality", False),
        ("staff_user", "foreignaffairs.change_reportedfigure", False),
        ("manager_user", "delegations.delete_delegation", True),
        ("manager_user", "foreignaffairs.change_reportedfigure", True),
        ("leader_user", "delegations.view_delegation", True),
        ("leader_user", "delegations.change_delegation", False),
        ("leader_user", "agreements.add_agreement", False),
    ],
)
def test_role_permissions(request, role, perm, allowed):
    user = request.getfixturevalue(role)
    assert user.has_perm(perm) is allowed


def test_staff_can_delete_what_they_created_today(client, staff_user):
    delegation = DelegationFactory(created_by=staff_user)
    client.force_login(staff_user)
    response = client.post(f"{DELEGATION_ADMIN}{delegation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Delegation.objects.filter(pk=delegation.pk).exists()


def test_staff_cannot_delete_what_someone_else_created(client, staff_user, manager_user):
    delegation = DelegationFactory(created_by=manager_user)
    client.force_login(staff_user)
    response = client.post(f"{DELEGATION_ADMIN}{delegation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Delegation.objects.filter(pk=delegation.pk).exists()


def test_staff_cannot_delete_their_own_record_after_24_hours(client, staff_user):
    delegation = DelegationFactory(created_by=staff_user)
    Delegation.objects.filter(pk=delegation.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=25)
    )
    client.force_login(staff_user)
    response = client.post(f"{DELEGATION_ADMIN}{delegation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Delegation.objects.filter(pk=delegation.pk).exists()


def test_staff_has_no_bulk_delete_action(client, staff_user):
    DelegationFactory(created_by=staff_user)
    client.force_login(staff_user)
    response = client.get(DELEGATION_ADMIN)
    assert response.status_code == 200
    assert b'value="delete_selected"' not in response.content


def test_manager_deletes_any_record(client, manager_user, staff_user):
    delegation = DelegationFactory(created_by=staff_user)
    client.force_login(manager_user)
    response = client.post(f"{DELEGATION_ADMIN}{delegation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Delegation.objects.filter(pk=delegation.pk).exists()


def test_leader_sees_records_read_only(client, leader_user):
    delegation = DelegationFactory(title="Đoàn Thị trưởng Busan")
    client.force_login(leader_user)
    listing = client.get(DELEGATION_ADMIN)
    assert listing.status_code == 200
    assert "Đoàn Thị trưởng Busan" in listing.content.decode()
    page = client.get(f"{DELEGATION_ADMIN}{delegation.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    response = client.post(f"{DELEGATION_ADMIN}{delegation.pk}/change/", {"title": "Sửa"})
    assert response.status_code == 403
    assert client.get(f"{DELEGATION_ADMIN}add/").status_code == 403


def test_only_managers_edit_reported_figures(client, staff_user, manager_user):
    figure = ReportedFigureFactory()
    url = f"/admin/foreignaffairs/reportedfigure/{figure.pk}/change/"
    client.force_login(staff_user)
    assert b'name="_save"' not in client.get(url).content
    client.force_login(manager_user)
    assert b'name="_save"' in client.get(url).content
