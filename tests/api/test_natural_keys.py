"""A record whose natural key is taken is a 400 in the documented shape, whether validation
finds it or the database refuses it when two requests race (issue 15, item 8)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from agreements.models import Agreement
from delegations.models import Delegation, Event
from tests.api.test_error_shape import assert_field_errors
from tests.factories import AgreementFactory, DelegationFactory, EventFactory, UserFactory

VISIT = {
    "title": "Đoàn Chủ tịch Quốc hội Myanmar",
    "direction": "incoming",
    "level": "parliament_leader",
    "country": "MM",
    "start_date": "2018-03-05",
    "status": "completed",
}
DUPLICATE_VISIT = "Đã có một đoàn cùng chiều, cùng tên đoàn và cùng ngày bắt đầu"


def test_a_visit_already_recorded_under_another_spelling_is_a_400_on_its_name(staff_client):
    assert staff_client.post("/api/v1/delegations/", VISIT).status_code == 201

    response = staff_client.post(
        "/api/v1/delegations/", {**VISIT, "title": "đoàn chủ tịch QUỐC HỘI  Myanmar"}
    )

    body = assert_field_errors(response, "title")
    assert DUPLICATE_VISIT in body["title"][0]
    assert "Bản ghi đã có: “Đoàn Chủ tịch Quốc hội Myanmar (05/03/2018)”" in body["title"][0]
    assert Delegation.objects.count() == 1


def test_renaming_a_visit_onto_another_is_a_400_and_changes_nothing(staff_client):
    DelegationFactory(title="Đoàn A", start_date="2018-03-05")
    other = DelegationFactory(title="Đoàn B", start_date="2018-03-05")

    response = staff_client.patch(f"/api/v1/delegations/{other.pk}/", {"title": "ĐOÀN A"})

    assert_field_errors(response, "title")
    other.refresh_from_db()
    assert other.title == "Đoàn B"


def test_an_event_or_agreement_already_recorded_is_a_400(staff_client):
    EventFactory(title="Diễn đàn Kinh tế", start_date="2024-05-06")
    AgreementFactory(title="Biên bản ghi nhớ", signed_on="2024-05-06")

    event = staff_client.post(
        "/api/v1/events/", {"title": "DIỄN ĐÀN KINH TẾ", "start_date": "2024-05-06"}
    )
    agreement = staff_client.post(
        "/api/v1/agreements/",
        {"title": "bien ban ghi nho", "signed_on": "2024-05-06", "status": "in_force"},
    )

    assert "cùng tên và cùng ngày bắt đầu" in assert_field_errors(event, "title")["title"][0]
    assert "cùng tên và cùng ngày ký" in assert_field_errors(agreement, "title")["title"][0]
    assert (Event.objects.count(), Agreement.objects.count()) == (1, 1)


@pytest.mark.parametrize("path, model", [("delegations", Delegation), ("agreements", Agreement)])
def test_a_duplicate_that_slips_past_validation_is_a_400_with_the_rule(staff_client, path, model):
    """Two simultaneous requests both pass validation; the database refuses the second."""
    first = {**VISIT} if model is Delegation else {"title": "Biên bản", "signed_on": "2024-05-06"}
    assert staff_client.post(f"/api/v1/{path}/", first).status_code == 201
    with mock.patch.object(model, "validate_constraints"):
        response = staff_client.post(f"/api/v1/{path}/", first)

    body = assert_field_errors(response, "non_field_errors")
    assert "cùng tên" in body["non_field_errors"][0]
    assert model.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writes need PostgreSQL")
def test_two_staff_recording_one_visit_at_once_store_it_once(transactional_db):
    user = UserFactory(username="dong-thoi", is_superuser=True)
    titles = ["Đoàn Chủ tịch Quốc hội Myanmar", "ĐOÀN CHỦ TỊCH QUỐC HỘI MYANMAR"] * 4
    barrier = threading.Barrier(len(titles))

    def create(title):
        api = APIClient()
        api.force_login(user)
        barrier.wait()
        try:
            return api.post("/api/v1/delegations/", {**VISIT, "title": title}).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(titles)) as pool:
        statuses = list(pool.map(create, titles))

    assert sorted(statuses) == [201] + [400] * (len(titles) - 1), statuses
    assert Delegation.objects.count() == 1
