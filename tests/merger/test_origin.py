"""Origin (đơn vị gốc) on the four kinds of records: admin, API."""

import pytest

from foreignaffairs.core.origins import Origin, origins_matching
from tests.admin_pages import changelist_rows
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    EventFactory,
    PartnerLocalityFactory,
)

pytestmark = pytest.mark.django_db

BD = Origin.BINH_DUONG


def test_records_default_to_the_former_city():
    assert PartnerLocalityFactory().origin == Origin.HCMC
    assert AgreementFactory().origin == Origin.HCMC
    assert DelegationFactory().origin == Origin.HCMC
    assert EventFactory().origin == Origin.HCMC


def test_search_terms_name_origins_ignoring_diacritics():
    assert origins_matching("binh duong") == [BD]
    assert origins_matching("Bà Rịa") == [Origin.BA_RIA_VUNG_TAU]
    assert origins_matching("ba ria vung tau") == [Origin.BA_RIA_VUNG_TAU]
    assert origins_matching("osaka") == []


@pytest.mark.parametrize(
    "url, factory",
    [
        ("/admin/agreements/agreement/", AgreementFactory),
        ("/admin/delegations/delegation/", DelegationFactory),
        ("/admin/delegations/event/", EventFactory),
        ("/admin/partners/partnerlocality/", PartnerLocalityFactory),
    ],
)
def test_admin_lists_filter_and_search_by_origin(admin_client, url, factory):
    ours, theirs = factory(), factory(origin=BD)
    assert changelist_rows(admin_client, f"{url}?origin=binh_duong") == [theirs]
    assert changelist_rows(admin_client, f"{url}?q=binh+duong") == [theirs]
    response = admin_client.get(url)
    assert "Bình Dương" in response.content.decode()
    assert ours in changelist_rows(admin_client, f"{url}?origin=hcmc")


def test_admin_list_refuses_an_unknown_origin(admin_client):
    response = admin_client.get("/admin/agreements/agreement/?origin=hanoi")
    # The admin's answer to invalid lookup parameters: back to the list, flagged.
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_the_former_city_is_never_named_by_a_search():
    # Nearly every record is the former city's: "hcmc" or "hồ chí minh" searches text only.
    assert origins_matching("hcmc") == []
    assert origins_matching("hồ chí minh") == []


def test_admin_search_finds_a_partner_shared_with_the_province(admin_client):
    shared = PartnerLocalityFactory(name="Incheon", country="KR")
    shared.origins.create(origin=Origin.HCMC)
    shared.origins.create(origin=BD)
    PartnerLocalityFactory(name="Osaka")
    rows = changelist_rows(admin_client, "/admin/partners/partnerlocality/?q=binh+duong")
    assert rows == [shared]
