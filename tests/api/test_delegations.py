import datetime

import pytest
from django.utils import timezone

from delegations.models import Delegation, Pillar
from tests.api.conftest import result_ids
from tests.factories import DelegationFactory, PartnerLocalityFactory

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


@pytest.fixture
def pillars(db):
    return [
        Pillar.objects.create(code="politics", name="Chính trị", order=1),
        Pillar.objects.create(code="economy", name="Kinh tế", order=2),
    ]


@pytest.fixture
def delegations(db, pillars):
    yangon = PartnerLocalityFactory(name="Yangon", country="MM")
    chile = DelegationFactory(
        title="Đoàn Tổng thống Chile",
        level="head_of_state",
        country="CL",
        head_name="Michelle Bachelet",
        start_date=datetime.date(2017, 11, 12),
    )
    chile.pillars.set(pillars)
    return {
        "chile": chile,
        "yangon": DelegationFactory(
            title="Đoàn Thủ hiến vùng Yangon",
            level="local_leader",
            country="MM",
            partner=yangon,
            start_date=datetime.date(2017, 12, 30),
            end_date=datetime.date(2018, 1, 2),
        ),
        "to_osaka": DelegationFactory(
            title="Đoàn Thành phố thăm Ô-xa-ca",
            direction="outgoing",
            level="local_leader",
            country="JP",
            start_date=datetime.date(2018, 4, 2),
        ),
        "belgium": DelegationFactory(
            title="Đoàn Thái tử Bỉ",
            level="royalty",
            country="BE",
            status="planned",
            start_date=TOMORROW,
        ),
    }


def test_a_delegation_has_the_contract_fields(token_client, delegations):
    chile = delegations["chile"]
    response = token_client.get(f"/api/v1/delegations/{chile.pk}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": chile.pk,
        "title": "Đoàn Tổng thống Chile",
        "direction": "incoming",
        "level": "head_of_state",
        "high_level": True,
        "country": "CL",
        "country_name": "Chile",
        "partner": None,
        "organization": "",
        "head_name": "Michelle Bachelet",
        "head_title": "",
        "member_count": None,
        "start_date": "2017-11-12",
        "end_date": None,
        "status": "completed",
        "host_role": "lead",
        "pillars": ["politics", "economy"],
        "purpose": "",
        "origin": "hcmc",
    }


def test_related_partner_is_given_by_id(token_client, delegations):
    yangon = delegations["yangon"]
    body = token_client.get(f"/api/v1/delegations/{yangon.pk}/").json()
    assert body["partner"] == yangon.partner_id


@pytest.mark.parametrize(
    "query, expected",
    [
        ("year=2017", ["chile", "yangon"]),  # 30/12/2017 - 02/01/2018 counts in 2017
        ("year=2018", ["to_osaka"]),
        ("start_date_after=2017-12-01", ["yangon", "to_osaka", "belgium"]),
        ("start_date_before=2017-12-31", ["chile", "yangon"]),
        ("direction=outgoing", ["to_osaka"]),
        ("status=planned", ["belgium"]),
        ("status=completed&direction=incoming&year=2017", ["chile", "yangon"]),
        ("level=royalty", ["belgium"]),
        ("high_level=true", ["chile", "belgium"]),
        ("high_level=false", ["yangon", "to_osaka"]),
        ("country=CL", ["chile"]),
        ("continent=europe", ["belgium"]),
        ("continent=americas", ["chile"]),
        ("search=tong thong", ["chile"]),
        ("search=bachelet", ["chile"]),
        ("search=Ô-xa-ca", ["to_osaka"]),
    ],
)
def test_delegation_filters(token_client, delegations, query, expected):
    found = result_ids(token_client.get(f"/api/v1/delegations/?{query}"))
    assert found == {delegations[key].pk for key in expected}


def test_delegations_filter_by_partner_id(token_client, delegations):
    partner_id = delegations["yangon"].partner_id
    found = result_ids(token_client.get(f"/api/v1/delegations/?partner={partner_id}"))
    assert found == {delegations["yangon"].pk}


def test_delegations_are_newest_first_unless_asked(token_client, delegations):
    default = token_client.get("/api/v1/delegations/").json()["results"]
    assert default[0]["id"] == delegations["belgium"].pk
    oldest = token_client.get("/api/v1/delegations/?ordering=start_date").json()["results"]
    assert oldest[0]["id"] == delegations["chile"].pk


@pytest.mark.parametrize(
    "query, field",
    [
        ("direction=sideways", "direction"),
        ("status=done", "status"),
        ("level=king", "level"),
        ("high_level=1x", "high_level"),
        ("partner=yangon", "partner"),
        ("country=XX", "country"),
        ("continent=antarctica", "continent"),
        ("start_date_before=2017-02-30", "start_date"),
        ("year=20x7", "year"),
    ],
)
def test_invalid_delegation_filters_are_400(token_client, db, query, field):
    response = token_client.get(f"/api/v1/delegations/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_delegation_list_queries_do_not_grow_with_the_page(
    token_client, delegations, pillars, django_assert_max_num_queries
):
    for _ in range(20):
        DelegationFactory(partner=PartnerLocalityFactory(), country="JP").pillars.set(pillars)
    for page_size in (1, 500):
        # key, last use, count, page, pillars
        with django_assert_max_num_queries(5):
            response = token_client.get(f"/api/v1/delegations/?page_size={page_size}")
        assert len(response.json()["results"]) == min(page_size, 24)


def test_delegation_detail_queries_are_fixed(
    token_client, delegations, django_assert_max_num_queries
):
    for delegation in delegations.values():
        with django_assert_max_num_queries(4):
            assert token_client.get(f"/api/v1/delegations/{delegation.pk}/").status_code == 200


NEW_VISIT = {
    "title": "Đoàn Chủ tịch Quốc hội Myanmar",
    "direction": "incoming",
    "level": "parliament_leader",
    "country": "MM",
    "start_date": "2018-03-05",
    "status": "completed",
    "pillars": ["politics"],
}


def test_staff_create_a_delegation_with_its_pillars(staff_client, pillars, editor):
    response = staff_client.post("/api/v1/delegations/", NEW_VISIT)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["high_level"], body["pillars"]) == (True, ["politics"])
    delegation = Delegation.objects.get(pk=body["id"])
    assert delegation.created_by == editor
    assert [pillar.code for pillar in delegation.pillars.all()] == ["politics"]


def test_the_country_is_taken_from_the_partner_when_left_out(staff_client, pillars):
    yangon = PartnerLocalityFactory(name="Yangon", country="MM")
    data = {**NEW_VISIT, "level": "local_leader", "country": "", "partner": yangon.pk}
    response = staff_client.post("/api/v1/delegations/", data)
    assert response.status_code == 201, response.content
    assert response.json()["country"] == "MM"


@pytest.mark.parametrize(
    "change, field",
    [
        ({"partner": "japan"}, "partner"),
        ({"end_date": "2018-03-01"}, "end_date"),
        ({"member_count": -3}, "member_count"),
        ({"start_date": TOMORROW.isoformat()}, "status"),
        ({"country": "", "level": "minister"}, "country"),
        ({"level": "emperor"}, "level"),
        ({"pillars": ["sports"]}, "pillars"),
    ],
)
def test_invalid_delegations_are_400_per_field_and_not_stored(staff_client, pillars, change, field):
    response = staff_client.post("/api/v1/delegations/", {**NEW_VISIT, **change})
    assert response.status_code == 400
    assert field in response.json()
    assert not Delegation.objects.exists()


def test_a_partner_of_another_country_is_refused(staff_client, pillars):
    osaka = PartnerLocalityFactory(name="Osaka", country="JP")
    response = staff_client.post("/api/v1/delegations/", {**NEW_VISIT, "partner": osaka.pk})
    assert response.status_code == 400
    assert "Osaka" in response.json()["partner"][0]
    assert not Delegation.objects.exists()


def test_staff_mark_a_visit_completed(staff_client, delegations):
    visit = DelegationFactory(status="confirmed", start_date=datetime.date(2019, 5, 1))
    response = staff_client.patch(f"/api/v1/delegations/{visit.pk}/", {"status": "completed"})
    assert response.status_code == 200, response.content
    visit.refresh_from_db()
    assert visit.status == "completed"


def test_a_future_visit_cannot_be_marked_completed(staff_client, delegations):
    belgium = delegations["belgium"]
    response = staff_client.patch(f"/api/v1/delegations/{belgium.pk}/", {"status": "completed"})
    assert response.status_code == 400
    assert "status" in response.json()
    belgium.refresh_from_db()
    assert belgium.status == "planned"
