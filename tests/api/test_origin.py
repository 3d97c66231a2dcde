"""The `origin` field and filter of the four lists (đơn vị gốc)."""

import datetime

import pytest

from foreignaffairs.core.origins import Origin
from partners.models import PartnerLocality
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db

BD = Origin.BINH_DUONG


@pytest.mark.parametrize(
    "endpoint, factory",
    [
        ("agreements", AgreementFactory),
        ("delegations", DelegationFactory),
        ("events", EventFactory),
        ("partners", PartnerLocalityFactory),
    ],
)
def test_api_has_the_origin_field_and_filter(token_client, endpoint, factory):
    factory()
    theirs = factory(origin=BD)
    response = token_client.get(f"/api/v1/{endpoint}/?origin=binh_duong")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [row["id"] for row in results] == [theirs.pk]
    assert results[0]["origin"] == "binh_duong"


@pytest.mark.parametrize("endpoint", ["agreements", "delegations", "events", "partners"])
def test_api_unknown_origin_is_400_naming_the_parameter(token_client, endpoint):
    response = token_client.get(f"/api/v1/{endpoint}/?origin=hanoi")
    assert response.status_code == 400
    assert "origin" in response.json()


def test_api_lists_a_shared_partner_under_both_origins_with_each_relationship(token_client):
    partner = PartnerLocalityFactory(name="Gyeonggi", country="KR")
    partner.origins.create(origin=Origin.HCMC, established_on=datetime.date(2002, 1, 1))
    partner.origins.create(origin=BD, established_on=datetime.date(1997, 5, 1))
    for origin in ("hcmc", "binh_duong"):
        ids = [
            row["id"]
            for row in token_client.get(f"/api/v1/partners/?origin={origin}").json()["results"]
        ]
        assert ids == [partner.pk]
    assert token_client.get("/api/v1/partners/?origin=ba_ria_vung_tau").json()["results"] == []
    detail = token_client.get(f"/api/v1/partners/{partner.pk}/").json()
    assert {row["origin"]: row["established_on"] for row in detail["origins"]} == {
        "hcmc": "2002-01-01",
        "binh_duong": "1997-05-01",
    }
    assert PartnerLocality.objects.of_origin(BD).count() == 1


@pytest.mark.parametrize(
    "endpoint, factory, text_field",
    [
        ("agreements", AgreementFactory, "title"),
        ("delegations", DelegationFactory, "title"),
        ("events", EventFactory, "title"),
        ("partners", PartnerLocalityFactory, "name"),
    ],
)
def test_api_search_naming_a_former_province_lists_its_records(
    token_client, endpoint, factory, text_field
):
    """As in the admin: the records of Bình Dương, and those whose text names it."""
    theirs = factory(origin=BD, **{text_field: "Hồ sơ số một"})
    mentions = factory(**{text_field: "Hợp tác với tỉnh Bình Dương (cũ)"})
    factory(**{text_field: "Hồ sơ khác"})
    response = token_client.get(f"/api/v1/{endpoint}/", {"search": "binh duong"})
    assert response.status_code == 200
    assert {row["id"] for row in response.json()["results"]} == {theirs.pk, mentions.pk}
    # A word that names no province searches the text only.
    response = token_client.get(f"/api/v1/{endpoint}/", {"search": "số một"})
    assert [row["id"] for row in response.json()["results"]] == [theirs.pk]


def test_api_search_finds_a_partner_shared_with_the_province(token_client):
    shared = PartnerLocalityFactory(name="Incheon", country="KR")
    shared.origins.create(origin=Origin.HCMC, established_on=datetime.date(2008, 1, 1))
    shared.origins.create(origin=BD, established_on=datetime.date(2013, 1, 1))
    PartnerLocalityFactory(name="Osaka")
    response = token_client.get("/api/v1/partners/", {"search": "Bình Dương"})
    assert [row["id"] for row in response.json()["results"]] == [shared.pk]


def test_api_search_and_origin_filter_together(token_client):
    AgreementFactory(origin=BD, title="Biên bản ghi nhớ")
    response = token_client.get("/api/v1/agreements/", {"search": "binh duong", "origin": "hcmc"})
    assert response.json()["results"] == []
