import datetime
from unittest import mock

import pytest
from django.db import DatabaseError
from django.utils import timezone
from rest_framework.test import APIClient

from agreements.models import Agreement
from foreignaffairs.core import daily_counts
from tests.api.conftest import result_ids
from tests.factories import (
    AgreementFactory,
    CooperationFieldFactory,
    ImplementationActivityFactory,
    PartnerLocalityFactory,
)

TODAY = timezone.localdate()


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def agreements(db):
    education = CooperationFieldFactory(code="education", name="Giáo dục")
    yangon = PartnerLocalityFactory(name="Yangon", country="MM", established_on=None)
    lyon = PartnerLocalityFactory(name="Lyon", country="FR")
    relationship = AgreementFactory(
        title="Thỏa thuận thiết lập quan hệ hữu nghị hợp tác với vùng Yangon",
        kind="relationship",
        establishes_relationship=True,
        signed_on=datetime.date(2017, 5, 10),
        signed_place="Yangon",
        partners=[yangon],
    )
    relationship.fields.set([education])
    ImplementationActivityFactory(agreement=relationship, date=days_ago(30))
    return {
        "relationship": relationship,
        "lyon_mou": AgreementFactory(
            title="Biên bản ghi nhớ về đô thị thông minh",
            signed_on=datetime.date(2018, 2, 1),
            partners=[lyon],
        ),
        "lapsed": AgreementFactory(
            title="Chương trình hành động đã hết hạn",
            kind="action_plan",
            signed_on=days_ago(800),
            expires_on=days_ago(10),
        ),
        "expiring": AgreementFactory(
            title="Thư ý định sắp hết hạn",
            kind="letter_of_intent",
            signed_on=days_ago(200),
            expires_on=TODAY + datetime.timedelta(days=30),
        ),
        "negotiating": AgreementFactory(
            title="Thỏa thuận đang đàm phán", status="negotiating", signed_on=None
        ),
    }


def test_an_agreement_has_the_contract_fields(token_client, agreements):
    agreement = agreements["relationship"]
    response = token_client.get(f"/api/v1/agreements/{agreement.pk}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": agreement.pk,
        "title": "Thỏa thuận thiết lập quan hệ hữu nghị hợp tác với vùng Yangon",
        "kind": "relationship",
        "partners": [agreement.partners.get().pk],
        "signed_on": "2017-05-10",
        "signed_place": "Yangon",
        "effective_on": None,
        "expires_on": None,
        "status": "in_force",
        "establishes_relationship": True,
        "fields": ["education"],
        "last_activity_on": days_ago(30).isoformat(),
        "dormant": False,
        "origin": "hcmc",
    }


def test_the_status_is_the_effective_one(token_client, agreements):
    lapsed = agreements["lapsed"]
    assert lapsed.status == "in_force"  # as stored
    body = token_client.get(f"/api/v1/agreements/{lapsed.pk}/").json()
    assert body["status"] == "expired"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("year=2017", ["relationship"]),
        ("year=2018", ["lyon_mou"]),
        ("signed_on_after=2018-01-01", ["lyon_mou", "lapsed", "expiring"]),
        ("signed_on_before=2017-12-31", ["relationship"]),
        ("kind=action_plan", ["lapsed"]),
        ("status=expired", ["lapsed"]),
        ("status=negotiating", ["negotiating"]),
        ("status=in_force", ["relationship", "lyon_mou", "expiring"]),
        ("establishes_relationship=true", ["relationship"]),
        ("dormant=true", ["lyon_mou"]),
        ("field=education", ["relationship"]),
        ("country=FR", ["lyon_mou"]),
        ("continent=asia", ["relationship"]),
        ("expiring_within_days=60", ["expiring"]),
        ("expiring_within_days=10", []),
        ("search=do thi thong minh", ["lyon_mou"]),
        ("search=yangon", ["relationship"]),
    ],
)
def test_agreement_filters(token_client, agreements, query, expected):
    found = result_ids(token_client.get(f"/api/v1/agreements/?{query}"))
    assert found == {agreements[key].pk for key in expected}


def test_agreements_filter_by_partner_id(token_client, agreements):
    lyon = agreements["lyon_mou"].partners.get()
    found = result_ids(token_client.get(f"/api/v1/agreements/?partner={lyon.pk}"))
    assert found == {agreements["lyon_mou"].pk}


def test_an_agreement_with_two_partners_is_listed_once(token_client, agreements):
    both = AgreementFactory(partners=[PartnerLocalityFactory(), PartnerLocalityFactory()])
    response = token_client.get("/api/v1/agreements/?continent=asia")
    ids = [row["id"] for row in response.json()["results"]]
    assert ids.count(both.pk) == 1
    assert response.json()["count"] == len(ids)


def test_agreements_ordered_by_expiry_on_request(token_client, agreements):
    rows = token_client.get("/api/v1/agreements/?ordering=expires_on&status=in_force")
    expiring = [row["id"] for row in rows.json()["results"] if row["expires_on"]]
    assert expiring == [agreements["expiring"].pk]


@pytest.mark.parametrize(
    "query, field",
    [
        ("status=signed", "status"),
        ("kind=treaty", "kind"),
        ("establishes_relationship=oui", "establishes_relationship"),
        ("dormant=2", "dormant"),
        ("expiring_within_days=-1", "expiring_within_days"),
        ("expiring_within_days=soon", "expiring_within_days"),
        ("signed_on_after=yesterday", "signed_on"),
        ("country=FRA", "country"),
        ("partner=lyon", "partner"),
    ],
)
def test_invalid_agreement_filters_are_400(token_client, db, query, field):
    response = token_client.get(f"/api/v1/agreements/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_agreement_list_queries_do_not_grow_with_the_page(
    token_client, agreements, django_assert_max_num_queries
):
    partners = [PartnerLocalityFactory() for _ in range(3)]
    fields = [CooperationFieldFactory() for _ in range(3)]
    for _ in range(20):
        AgreementFactory(partners=partners).fields.set(fields)
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    for page_size in (1, 500):
        # key, last use, whether a recount is due, count, page with follow-up, partners, fields
        with django_assert_max_num_queries(7):
            response = token_client.get(f"/api/v1/agreements/?page_size={page_size}")
        assert len(response.json()["results"]) == min(page_size, 25)


def test_agreement_detail_queries_are_fixed(
    token_client, agreements, django_assert_max_num_queries
):
    daily_counts.bring_up_to_date()  # the recount after writes: test_daily_counts
    for agreement in agreements.values():
        with django_assert_max_num_queries(6):  # with whether a recount is due
            assert token_client.get(f"/api/v1/agreements/{agreement.pk}/").status_code == 200


def test_signing_a_relationship_agreement_dates_its_new_partners(staff_client, agreements):
    """Rule 5, through agreements.services.save_agreement."""
    kyoto = PartnerLocalityFactory(name="Kyoto", established_on=None)
    education = agreements["relationship"].fields.get()
    response = staff_client.post(
        "/api/v1/agreements/",
        {
            "title": "Thỏa thuận hữu nghị với Kyoto",
            "kind": "relationship",
            "status": "in_force",
            "signed_on": "2019-04-02",
            "establishes_relationship": True,
            "partners": [kyoto.pk],
            "fields": [education.code],
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["fields"] == ["education"]
    kyoto.refresh_from_db()
    assert kyoto.established_on == datetime.date(2019, 4, 2)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"status": "negotiating"}, "status"),  # negotiating but with a signing date
        ({"signed_on": None}, "signed_on"),
        ({"signed_on": (TODAY + datetime.timedelta(days=3)).isoformat()}, "signed_on"),
        ({"effective_on": "2019-01-01"}, "effective_on"),
        ({"expires_on": "2019-01-01"}, "expires_on"),
        ({"fields": ["astrology"]}, "fields"),
    ],
)
def test_invalid_agreements_are_400_per_field_and_nothing_is_stored(staff_client, change, field):
    kyoto = PartnerLocalityFactory(name="Kyoto", established_on=None)
    data = {
        "title": "Thỏa thuận hữu nghị với Kyoto",
        "status": "in_force",
        "signed_on": "2019-04-02",
        "establishes_relationship": True,
        "partners": [kyoto.pk],
        **change,
    }
    response = staff_client.post("/api/v1/agreements/", data)
    assert response.status_code == 400
    assert field in response.json()
    assert not Agreement.objects.exists()
    kyoto.refresh_from_db()
    assert kyoto.established_on is None


def test_a_failure_while_dating_partners_stores_nothing(editor):
    kyoto = PartnerLocalityFactory(name="Kyoto", established_on=None)
    api = APIClient(raise_request_exception=False)
    api.force_login(editor)
    with mock.patch("agreements.services.establish_relationships", side_effect=DatabaseError):
        response = api.post(
            "/api/v1/agreements/",
            {
                "title": "Thỏa thuận hữu nghị với Kyoto",
                "signed_on": "2019-04-02",
                "establishes_relationship": True,
                "partners": [kyoto.pk],
            },
        )
    assert response.status_code == 500
    assert not Agreement.objects.exists()


def test_staff_record_a_termination(staff_client, agreements):
    mou = agreements["lyon_mou"]
    response = staff_client.patch(f"/api/v1/agreements/{mou.pk}/", {"status": "terminated"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "terminated"
    mou.refresh_from_db()
    assert mou.status == "terminated"
    # Still counted in the year it was signed (rule 4).
    assert mou.pk in result_ids(staff_client.get("/api/v1/agreements/?year=2018"))
