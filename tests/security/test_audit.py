import pytest

from delegations.models import Delegation
from tests.factories import DelegationFactory

DELEGATION_ADMIN = "/admin/delegations/delegation/"


def _delete_through_admin(client, delegation):
    response = client.post(f"{DELEGATION_ADMIN}{delegation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302


def _revert_url(delegation_id):
    record = Delegation.history.filter(id=delegation_id, history_type="~").first() or (
        Delegation.history.filter(id=delegation_id, history_type="+").first()
    )
    return f"{DELEGATION_ADMIN}{delegation_id}/history/{record.history_id}/"


def test_admin_edit_is_recorded_with_user_and_field_difference(client, manager_user):
    delegation = DelegationFactory(title="Đoàn Thị trưởng Osaka", member_count=5)
    client.force_login(manager_user)
    page = client.get(f"{DELEGATION_ADMIN}{delegation.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update({"member_count": 12, "start_date": "10/03/2017", "title": "Đoàn Thị trưởng Osaka"})
    data["pillars"] = []
    for prefix_formset in page.context["inline_admin_formsets"]:
        formset = prefix_formset.formset
        data[f"{formset.prefix}-TOTAL_FORMS"] = 0
        data[f"{formset.prefix}-INITIAL_FORMS"] = 0
    data = {k: v for k, v in data.items() if k != "pillars"}
    response = client.post(f"{DELEGATION_ADMIN}{delegation.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest, previous = delegation.history.all()[:2]
    assert latest.history_user == manager_user
    delta = latest.diff_against(previous)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("member_count", 5, 12)]


def test_manager_restores_a_deleted_record_from_its_history(client, manager_user):
    delegation = DelegationFactory(title="Đoàn Tổng thống Chile")
    pk = delegation.pk
    client.force_login(manager_user)
    _delete_through_admin(client, delegation)
    history = client.get(f"{DELEGATION_ADMIN}{pk}/history/")
    assert history.status_code == 200
    assert "Đoàn Tổng thống Chile" in history.content.decode()

    version = Delegation.history.filter(id=pk, history_type="+").get()
    form_page = client.get(f"{DELEGATION_ADMIN}{pk}/history/{version.history_id}/")
    assert form_page.status_code == 200
    form = form_page.context["adminform"].form
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() not in (None, []) and name != "pillars"
    }
    data["start_date"] = "10/03/2017"
    for inline in form_page.context.get("inline_admin_formsets", []) or []:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = 0
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = 0
    response = client.post(f"{DELEGATION_ADMIN}{pk}/history/{version.history_id}/", data)
    assert response.status_code == 302
    assert Delegation.objects.get(pk=pk).title == "Đoàn Tổng thống Chile"


def test_staff_cannot_restore_a_deleted_record(client, staff_user, manager_user):
    delegation = DelegationFactory(title="Đoàn Thái tử Bỉ")
    pk = delegation.pk
    client.force_login(manager_user)
    _delete_through_admin(client, delegation)
    version = Delegation.history.filter(id=pk, history_type="+").get()
    client.force_login(staff_user)
    response = client.post(
        f"{DELEGATION_ADMIN}{pk}/history/{version.history_id}/", {"title": "Đoàn Thái tử Bỉ"}
    )
    assert response.status_code == 403
    assert not Delegation.objects.filter(pk=pk).exists()


@pytest.mark.django_db
def test_recent_changes_lists_changes_filterable_by_user(client, manager_user, staff_user):
    mine = DelegationFactory(title="Đoàn của trưởng phòng")
    mine.history.update(history_user=manager_user)
    theirs = DelegationFactory(title="Đoàn của chuyên viên")
    theirs.history.update(history_user=staff_user)
    client.force_login(manager_user)

    everything = client.get("/admin/recent-changes/").content.decode()
    assert "Đoàn của trưởng phòng" in everything and "Đoàn của chuyên viên" in everything

    only_staff = client.get(f"/admin/recent-changes/?user={staff_user.pk}").content.decode()
    assert "Đoàn của chuyên viên" in only_staff
    assert "Đoàn của trưởng phòng" not in only_staff


def test_recent_changes_runs_a_fixed_number_of_queries(
    client, manager_user, django_assert_max_num_queries
):
    client.force_login(manager_user)
    DelegationFactory.create_batch(3)
    with django_assert_max_num_queries(15):
        small = client.get("/admin/recent-changes/")
    DelegationFactory.create_batch(60)
    with django_assert_max_num_queries(15):
        large = client.get("/admin/recent-changes/")
    assert small.status_code == large.status_code == 200
