"""The templates' example rows, and what re-importing a row does to a stored record."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Agreement
from agreements.resources import AgreementResource
from delegations.models import Delegation, Event
from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE
from partners.models import PartnerLocality
from tests.data.conftest import load_fixtures
from tests.excel.conftest import DELEGATION_HEADERS, xlsx_bytes, xlsx_dataset
from tests.excel.rows import CHILE
from tests.excel.test_admin import XLSX_FORMAT
from tests.excel.test_import import import_delegations

pytestmark = pytest.mark.django_db


def snapshot(model) -> list[dict]:
    return list(model.objects.order_by("pk").values())


@pytest.mark.parametrize(
    ("url_name", "model"),
    [
        ("delegations_delegation", Delegation),
        ("delegations_event", Event),
        ("agreements_agreement", Agreement),
        ("partners_partnerlocality", PartnerLocality),
    ],
)
def test_every_templates_example_imports_as_a_new_record_beside_the_fixtures(
    admin_client, url_name, model
):
    load_fixtures()
    stored = {m: snapshot(m) for m in (Delegation, Event, Agreement, PartnerLocality)}
    template = admin_client.get(reverse(f"admin:{url_name}_import_template")).content
    file = SimpleUploadedFile("mau.xlsx", template, content_type=XLSX_CONTENT_TYPE)

    preview = admin_client.post(
        reverse(f"admin:{url_name}_import"), {"import_file": file, "format": XLSX_FORMAT}
    )
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), preview.text
    assert result.totals["new"] == 1
    admin_client.post(
        reverse(f"admin:{url_name}_process_import"), preview.context["confirm_form"].initial
    )

    assert model.objects.count() == len(stored[model]) + 1
    for other, records in stored.items():
        assert snapshot(other)[: len(records)] == records


def test_an_empty_cell_leaves_the_stored_value_alone():
    headers = [*DELEGATION_HEADERS, "Mục đích", "Số thành viên"]
    import_delegations([[*CHILE, "Hợp tác giáo dục", 40]], headers)

    result = import_delegations([[*CHILE, "", None]], headers)

    visit = Delegation.objects.get()
    assert (visit.purpose, visit.member_count) == ("Hợp tác giáo dục", 40)
    assert result.totals["skip"] == 1


def test_an_empty_many_to_many_cell_keeps_the_links():
    load_fixtures()
    headers = ["Tên văn bản", "Ngày ký", "Tình trạng", "Lĩnh vực hợp tác"]
    row = ["Biên bản ghi nhớ X", "30/08/2019", "Đang có hiệu lực"]
    AgreementResource().import_data(xlsx_dataset(headers, [[*row, "Kinh tế"]]))

    result = AgreementResource().import_data(xlsx_dataset(headers, [[*row, ""]]))

    assert [f.code for f in Agreement.objects.get().fields.all()] == ["economy"]
    assert result.totals["skip"] == 1


def test_the_preview_shows_what_an_update_changes_from_what_to_what(admin_client):
    headers = [*DELEGATION_HEADERS, "Mục đích"]
    import_delegations([[*CHILE, "Hợp tác giáo dục"]], headers)
    content = xlsx_bytes(headers, [[*CHILE[:5], "Đã hủy", ""]])
    file = SimpleUploadedFile("doan.xlsx", content, content_type=XLSX_CONTENT_TYPE)

    preview = admin_client.post(
        reverse("admin:delegations_delegation_import"),
        {"import_file": file, "format": XLSX_FORMAT},
    )

    assert preview.context["result"].totals["update"] == 1
    assert "<del>Đã thực hiện</del> → <ins>Đã hủy</ins>" in preview.text
    assert "<del>Hợp tác giáo dục</del>" not in preview.text
