"""Importing a former province's spreadsheet: the origin column, and one origin for a file."""

import datetime

import pytest
from django.core.management import call_command

from delegations.models import Delegation
from delegations.resources import DelegationResource
from foreignaffairs.core.origins import Origin
from foreignaffairs.core.spreadsheets.large_files import import_file
from partners.models import PartnerLocality
from partners.resources import PartnerLocalityResource
from tests.excel.conftest import DELEGATION_HEADERS, csv_text
from tests.factories import DelegationFactory, PartnerLocalityFactory

pytestmark = pytest.mark.django_db

BD = Origin.BINH_DUONG
PARTNER_HEADERS = ["Tên", "Quốc gia", "Ngày thiết lập quan hệ"]


def write(tmp_path, headers, rows, name="tep.csv"):
    path = tmp_path / name
    path.write_text(csv_text(headers, rows), encoding="utf-8")
    return path


def visit(title, origin=None):
    row = ["Đoàn vào", title, "Khác", "Lào", "02/01/2024", "Đã thực hiện"]
    return row + [origin] if origin is not None else row


def test_the_origin_column_is_read_by_label_or_code(tmp_path):
    path = write(
        tmp_path,
        [*DELEGATION_HEADERS, "Đơn vị gốc"],
        [visit("Đoàn A", "Bình Dương"), visit("Đoàn B", "ba_ria_vung_tau"), visit("Đoàn C", "")],
    )
    summary = import_file(DelegationResource, path)
    assert summary.errors == []
    origins = dict(Delegation.objects.values_list("title", "origin"))
    assert origins == {"Đoàn A": BD, "Đoàn B": Origin.BA_RIA_VUNG_TAU, "Đoàn C": Origin.HCMC}


def test_a_former_provinces_file_sets_the_origin_of_every_row(tmp_path):
    path = write(tmp_path, DELEGATION_HEADERS, [visit("Đoàn A"), visit("Đoàn B")])
    call_command("import_excel", "delegation", str(path), "--origin", "binh_duong")
    assert set(Delegation.objects.values_list("origin", flat=True)) == {BD}


def test_a_row_of_another_origin_in_such_a_file_is_refused_and_nothing_written(tmp_path):
    path = write(
        tmp_path,
        [*DELEGATION_HEADERS, "Đơn vị gốc"],
        [visit("Đoàn A", "Bình Dương"), visit("Đoàn B", "TP. Hồ Chí Minh (cũ)")],
    )
    summary = import_file(DelegationResource, path, origin=BD)
    assert [number for number, _message in summary.errors] == [3]
    assert "Bình Dương" in summary.errors[0][1]
    assert Delegation.objects.count() == 0


def test_a_former_provinces_file_never_rewrites_the_former_citys_records(tmp_path):
    DelegationFactory(title="Đoàn A", country="LA", start_date=datetime.date(2024, 1, 2))
    path = write(tmp_path, DELEGATION_HEADERS, [visit("Đoàn A")])
    summary = import_file(DelegationResource, path, origin=BD)
    assert "không sửa" in summary.errors[0][1]
    assert Delegation.objects.get().origin == Origin.HCMC


def test_a_partner_in_a_former_provinces_file_is_shared_not_duplicated(tmp_path):
    ours = PartnerLocalityFactory(
        name="Gyeonggi", country="KR", established_on=datetime.date(2002, 3, 1)
    )
    path = write(tmp_path, PARTNER_HEADERS, [["Gyeonggi", "Hàn Quốc", "01/05/1997"]])
    summary = import_file(PartnerLocalityResource, path, origin=BD)
    assert summary.errors == []
    partner = PartnerLocality.objects.get()
    assert partner.pk == ours.pk and partner.origin == Origin.HCMC
    assert {row.origin: row.established_on for row in partner.origins.all()} == {
        Origin.HCMC: datetime.date(2002, 3, 1),
        BD: datetime.date(1997, 5, 1),
    }
    assert partner.established_on == datetime.date(1997, 5, 1)  # the merged city's


def test_the_admin_import_form_offers_the_origin_of_the_file(admin_client):
    page = admin_client.get("/admin/delegations/delegation/import/").content.decode()
    assert "Tệp của đơn vị gốc" in page and "Bình Dương" in page
