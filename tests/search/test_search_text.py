"""The stored search text follows every write path (save, admin, API, import, bulk writes),
and the admin and the API search in it."""

import json
from pathlib import Path

import pytest
from django.db import connection

from agreements.models import Agreement
from delegations.models import Delegation, Event
from delegations.resources import DelegationResource
from foreignaffairs.core import search
from partners.models import PartnerLocality
from tests.admin_pages import changelist_rows
from tests.data.conftest import load_fixtures, seed_demo
from tests.delegations.conftest import DELEGATIONS
from tests.excel.conftest import xlsx_dataset
from tests.factories import AgreementFactory, DelegationFactory, PartnerLocalityFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[2] / "fixtures"


def stored(record) -> str:
    return type(record).objects.values_list("search_text", flat=True).get(pk=record.pk)


def test_saving_folds_every_searchable_field_one_per_line():
    delegation = DelegationFactory(
        title="Đoàn Thành phố ĐÀ NẴNG", head_name="Nguyễn  Văn Đức", organization="UBND"
    )

    assert stored(delegation) == "doan thanh pho da nang\nnguyen van duc\nubnd"


def test_saving_some_fields_also_saves_the_search_text():
    delegation = DelegationFactory(title="Đoàn Osaka")

    delegation.title = "Đoàn Thượng Hải"
    delegation.save(update_fields=["title"])

    assert stored(delegation) == "doan thuong hai"


def test_admin_add_and_change_write_the_search_text(admin_client, delegation_form):
    admin_client.post(f"{DELEGATIONS}add/", delegation_form(title="Đoàn Thị trưởng Ōsaka"))
    delegation = Delegation.objects.get()
    assert stored(delegation) == "doan thi truong osaka"

    admin_client.post(
        f"{DELEGATIONS}{delegation.pk}/change/",
        delegation_form(title="Đoàn Thị trưởng Yokohama", head_name="Yamada Tarō"),
    )

    assert stored(delegation) == "doan thi truong yokohama\nyamada taro"


def test_api_create_and_update_write_the_search_text(staff_client):
    response = staff_client.post(
        "/api/v1/partners/", {"name": "Thượng Hải", "name_en": "Shanghai", "country": "CN"}
    )
    assert response.status_code == 201, response.content
    partner = PartnerLocality.objects.get(pk=response.json()["id"])
    assert stored(partner) == "thuong hai\nshanghai"

    staff_client.patch(f"/api/v1/partners/{partner.pk}/", {"name_en": "SHANGHAI Municipality"})

    assert stored(partner) == "thuong hai\nshanghai municipality"


def test_bulk_import_writes_the_search_text_of_new_and_changed_rows():
    headers = ["Chiều đoàn", "Tên đoàn", "Quốc gia", "Ngày bắt đầu", "Trưởng đoàn"]
    row = ["Đoàn vào", "Đoàn Tổng thống Chile", "Chilê", "25/11/2023", "Gabriel Boric"]
    assert DelegationResource._meta.use_bulk

    DelegationResource().import_data(xlsx_dataset(headers, [row]))
    delegation = Delegation.objects.get()
    assert stored(delegation) == "doan tong thong chile\ngabriel boric"

    result = DelegationResource().import_data(
        xlsx_dataset(headers, [[*row[:4], "Michelle Bachelet"]])
    )

    assert not result.has_errors()
    assert stored(delegation) == "doan tong thong chile\nmichelle bachelet"


def test_demo_data_written_in_bulk_has_its_search_text():
    load_fixtures()
    seed_demo("--scale", "1")

    for model in (Delegation, Event, Agreement, PartnerLocality):
        records = model.objects.filter(is_demo=True)
        assert records.exists(), model
        for record in records[:50]:
            assert record.search_text == search.search_text(
                getattr(record, name) for name in model.searchable_fields
            ), model


def test_the_fixtures_carry_the_search_text_of_their_records():
    # loaddata writes rows without save(): the fixture files hold the computed text.
    for path in FIXTURES.glob("*.json"):
        for record in json.loads(path.read_text(encoding="utf-8")):
            model = {
                m._meta.label_lower: m for m in (Delegation, Event, Agreement, PartnerLocality)
            }.get(record["model"])
            if model is None:
                continue
            values = (record["fields"].get(name, "") for name in model.searchable_fields)
            assert record["fields"].get("search_text") == search.search_text(values), (
                path.name,
                record["pk"],
            )


# Searching ----------------------------------------------------------------------------------


def test_admin_search_finds_words_and_quoted_phrases_in_the_search_text(admin_client):
    hcmc = DelegationFactory(title="Đoàn Thành ủy", head_name="Hồ Chí Minh")
    DelegationFactory(title="Đoàn Minh Hải", head_name="Hồ Văn Chí")

    words = changelist_rows(admin_client, f"{DELEGATIONS}?q=ho chi minh")
    phrase = changelist_rows(admin_client, f'{DELEGATIONS}?q="ho chi minh"')

    assert len(words) == 2
    assert phrase == [hcmc]


def test_a_phrase_does_not_match_across_two_fields(admin_client):
    DelegationFactory(title="Đoàn thành phố Hồ Chí", head_name="Minh Anh")

    assert changelist_rows(admin_client, f'{DELEGATIONS}?q="ho chi minh"') == []


def test_agreements_are_found_by_their_partners_current_names(token_client):
    osaka = PartnerLocalityFactory(name="Osaka", country="JP")
    agreement = AgreementFactory(title="Biên bản ghi nhớ", partners=[osaka])
    AgreementFactory(title="Biên bản khác")

    osaka.name = "Ōsaka-fu"
    osaka.save()
    found = token_client.get("/api/v1/agreements/", {"search": "osaka-fu"}).json()

    assert [row["id"] for row in found["results"]] == [agreement.pk]


def test_api_search_reads_the_stored_text_not_the_columns(token_client):
    delegation = DelegationFactory(title="Đoàn Đà Nẵng")
    Delegation.objects.filter(pk=delegation.pk).update(search_text="")

    found = token_client.get("/api/v1/delegations/", {"search": "da nang"}).json()

    assert found["count"] == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_postgresql_has_a_trigram_index_on_each_search_text():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexdef FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'"
        )
        indexed = dict(cursor.fetchall())

    for model in (Delegation, Event, Agreement, PartnerLocality):
        assert "search_text" in indexed[model._meta.db_table]
