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
