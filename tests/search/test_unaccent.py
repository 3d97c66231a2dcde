"""Search ignoring Vietnamese diacritics and case, on SQLite and PostgreSQL alike."""

import unicodedata

import pytest
from django.urls import reverse

from delegations.models import Delegation
from partners.models import PartnerLocality
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Đoàn Thành ủy Hồ Chí Minh", "ho chi minh"),
        ("Đoàn thành phố Đà Nẵng", "da nang"),
        ("Đoàn Thành phố Đà Nẵng", "ĐÀ NẴNG"),
        ("Đoàn Bộ trưởng Nguyễn", "NGUYEN"),
        ("Đoàn Quảng Ninh", "quang ninh"),
    ],
)
def test_orm_unaccent_lookup_ignores_diacritics_and_case(stored, typed):
    DelegationFactory(title=stored)
    DelegationFactory(title="Đoàn Yangon")

    found = Delegation.objects.filter(title__unaccent__icontains=typed)

    assert [d.title for d in found] == [stored]


def test_orm_unaccent_lookup_does_not_match_other_letters():
    DelegationFactory(title="Đoàn Hà Nội")

    assert not Delegation.objects.filter(title__unaccent__icontains="ho noi").exists()


def test_decomposed_query_finds_composed_text():
    PartnerLocalityFactory(name="Đà Nẵng", country="VN")

    typed = unicodedata.normalize("NFD", "Đà Nẵng")

    assert PartnerLocality.objects.filter(name__unaccent__icontains=typed).count() == 1


def test_text_saved_in_decomposed_form_is_stored_composed():
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Đức")

    delegation = DelegationFactory(title="Đoàn khách", head_name=nfd)

    stored = Delegation.objects.values_list("head_name", flat=True).get(pk=delegation.pk)
    assert stored == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", stored)


def search(client, url_name, text):
    response = client.get(reverse(url_name), {"q": text})
    assert response.status_code == 200
    return [str(obj) for obj in response.context["cl"].result_list]


def test_admin_delegation_search_ignores_diacritics(admin_client):
    DelegationFactory(title="Đoàn lãnh đạo Thành phố Hồ Chí Minh")
    DelegationFactory(title="Đoàn Yangon")

    found = search(admin_client, "admin:delegations_delegation_changelist", "ho chi minh")

    assert len(found) == 1 and "Hồ Chí Minh" in found[0]


def test_admin_delegation_search_by_head_name_in_capitals(admin_client):
    DelegationFactory(title="Đoàn Bộ Công Thương", head_name="Nguyễn Hồng Diên")
    DelegationFactory(title="Đoàn khác", head_name="Trần Văn Nam")

    found = search(admin_client, "admin:delegations_delegation_changelist", "NGUYEN")

    assert len(found) == 1 and "Bộ Công Thương" in found[0]


def test_admin_partner_search_ignores_diacritics(admin_client):
    PartnerLocalityFactory(name="Đà Nẵng", country="VN")
    PartnerLocalityFactory(name="Osaka")

    found = search(admin_client, "admin:partners_partnerlocality_changelist", "da nang")

    assert len(found) == 1 and found[0].startswith("Đà Nẵng")


def test_admin_event_search_ignores_diacritics(admin_client):
    EventFactory(title="Lễ hội Áo dài TP. Hồ Chí Minh")
    EventFactory(title="Tuần văn hóa Nhật Bản")

    found = search(admin_client, "admin:delegations_event_changelist", "ao dai")

    assert len(found) == 1 and "Áo dài" in found[0]


def test_admin_agreement_search_ignores_diacritics(admin_client):
    AgreementFactory(title="Biên bản ghi nhớ với thành phố Đà Nẵng")
    AgreementFactory(title="Thỏa thuận với Osaka")

    found = search(admin_client, "admin:agreements_agreement_changelist", "DA NANG")

    assert found == ["Biên bản ghi nhớ với thành phố Đà Nẵng"]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Đoàn Thành ủy Hồ Chí Minh", "ho chi minh"),
        ("Đoàn thành phố Đà Nẵng", "da nang"),
        ("Đoàn Bộ trưởng Nguyễn", "NGUYEN"),
    ],
)
def test_api_search_parameter_ignores_diacritics_and_case(admin_client, stored, typed):
    DelegationFactory(title=stored)
    DelegationFactory(title="Đoàn Yangon")

    response = admin_client.get("/api/v1/delegations/", {"search": typed})

    assert response.status_code == 200
    assert [row["title"] for row in response.json()["results"]] == [stored]
