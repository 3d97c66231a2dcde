"""Importing spreadsheets at the resource level (what the admin and the command share)."""

import datetime
import unicodedata

import pytest

from agreements.models import Agreement
from agreements.resources import AgreementResource
from delegations.models import Delegation, Event
from delegations.resources import DelegationResource, EventResource
from partners.models import PartnerLocality
from partners.resources import PartnerLocalityResource
from tests.excel.conftest import DELEGATION_HEADERS, csv_dataset, xlsx_dataset
from tests.excel.rows import CHILE, JAPAN
from tests.factories import CooperationFieldFactory, DelegationFactory, PartnerLocalityFactory

pytestmark = pytest.mark.django_db


def import_delegations(rows, headers=DELEGATION_HEADERS, user=None):
    return DelegationResource().import_data(xlsx_dataset(headers, rows), user=user)


def problems(result) -> dict[int, str]:
    """Row number -> every message of that row, joined."""
    return {row.number: " ".join(row.error.messages) for row in result.invalid_rows}


def test_a_file_with_one_invalid_row_writes_nothing_and_reports_every_bad_row():
    bad_date = ["Đoàn vào", "Đoàn A", "Khác", "Lào", "31/02/2024", "Đã thực hiện"]
    bad_country = ["Đoàn vào", "Đoàn B", "Khác", "Narnia", "01/02/2024", "Đã thực hiện"]

    result = import_delegations([CHILE, bad_date, JAPAN, bad_country])

    assert Delegation.objects.count() == 0
    assert Delegation.history.count() == 0
    assert set(problems(result)) == {3, 5}  # as the spreadsheet numbers them: header = 1
    assert "31/02/2024" in problems(result)[3]
    assert "Narnia" in problems(result)[5]


def test_every_problem_of_a_row_is_reported_with_the_column_header():
    row = ["Đoàn vào", "Đoàn C", "Vua", "Narnia", "hôm qua", "Đã thực hiện"]

    result = import_delegations([row])

    errors = result.invalid_rows[0].error_dict
    assert {"Cấp đoàn", "Quốc gia", "Ngày bắt đầu"} <= set(errors)
    assert errors["Quốc gia"] == [
        "Không nhận ra quốc gia “Narnia” (ghi tên tiếng Việt, tiếng Anh hoặc mã ISO)."
    ]


def test_model_rules_are_checked_for_each_row():
    future = (datetime.date.today() + datetime.timedelta(days=30)).strftime("%d/%m/%Y")
    row = ["Đoàn vào", "Đoàn D", "Khác", "Lào", future, "Đã thực hiện"]

    result = import_delegations([row])

    assert "Đã thực hiện" in result.invalid_rows[0].error_dict["Tình trạng"][0]
    assert Delegation.objects.count() == 0


def test_reimporting_the_same_file_leaves_one_copy():
    import_delegations([CHILE, JAPAN])

    again = import_delegations([CHILE, JAPAN])

    assert Delegation.objects.count() == 2
    assert again.totals["skip"] == 2


def test_natural_key_ignores_case_and_diacritics_of_the_name():
    import_delegations([CHILE])
    changed = ["Đoàn vào", "ĐOÀN TỔNG THỐNG CHILE", "Nguyên thủ quốc gia", "Chile", "25/11/2023"]

    result = import_delegations([[*changed, "Đã hủy"]])

    assert result.totals["update"] == 1
    assert list(Delegation.objects.values_list("status", flat=True)) == ["cancelled"]


def test_same_name_and_date_in_the_other_direction_is_another_delegation():
    import_delegations([CHILE])

    import_delegations([["Đoàn ra", *CHILE[1:]]])

    assert Delegation.objects.count() == 2


def test_a_row_repeated_in_the_file_is_reported_not_imported_twice():
    result = import_delegations([CHILE, JAPAN, CHILE])

    assert Delegation.objects.count() == 0
    assert "Trùng với dòng 2" in problems(result)[4]


def test_headers_may_be_english_labels_codes_or_vietnamese_without_diacritics():
    headers = ["direction", "Delegation name", "CAP DOAN", "quoc gia", "Start date", "status"]
    from django.utils import translation

    with translation.override("en"):
        result = import_delegations([CHILE], headers=headers)

    assert not result.has_validation_errors()
    assert Delegation.objects.get().title == "Đoàn Tổng thống Chile"


def test_unknown_and_missing_key_columns_are_named_and_nothing_is_written():
    headers = ["Chiều đoàn", "Tên đoàn", "Ngày bắt đầuu", "Quốc gia"]

    result = import_delegations([["Đoàn vào", "Đoàn E", "01/02/2024", "Lào"]], headers=headers)

    message = str(result.base_errors[0].error)
    assert "Không nhận ra cột: Ngày bắt đầuu." in message
    assert "Thiếu cột bắt buộc: Ngày bắt đầu." in message
    assert Delegation.objects.count() == 0


@pytest.mark.parametrize(
    "cell",
    [
        "03/04/2024",
        "3/4/2024",
        "2024-04-03",
        datetime.datetime(2024, 4, 3),
        datetime.date(2024, 4, 3),
    ],
)
def test_dates_are_read_day_first_or_from_excel_date_cells(cell):
    import_delegations([["Đoàn ra", "Đoàn F", "Khác", "Lào", cell, "Đã thực hiện"]])

    assert Delegation.objects.get().start_date == datetime.date(2024, 4, 3)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("Nhật Bản", "JP"),
        ("nhat ban", "JP"),
        ("Japan", "JP"),
        ("jp", "JP"),
        ("JPN", "JP"),
        ("Hàn Quốc", "KR"),
        ("Ai-xơ-len", "IS"),
        ("Iceland", "IS"),
        ("Ai-len", "IE"),
        ("Ireland", "IE"),
        ("Hoa Kỳ", "US"),
    ],
)
def test_countries_by_vietnamese_or_english_name_or_iso_code(cell, code):
    import_delegations([["Đoàn ra", "Đoàn G", "Khác", cell, "01/02/2024", "Đã thực hiện"]])

    assert Delegation.objects.get().country.code == code


@pytest.mark.parametrize("cell", ["Lãnh đạo địa phương", "lanh dao dia phuong", "local_leader"])
def test_choices_by_vietnamese_label_or_code(cell):
    import_delegations([["Đoàn ra", "Đoàn H", cell, "Lào", "01/02/2024", "Đã thực hiện"]])

    assert Delegation.objects.get().level == "local_leader"


def test_partner_found_by_folded_name_within_the_rows_country():
    yangon = PartnerLocalityFactory(name="Yangon", country="MM")
    PartnerLocalityFactory(name="Yangon", country="JP")  # a namesake elsewhere
    headers = [*DELEGATION_HEADERS, "Địa phương đối tác"]

    import_delegations(
        [["Đoàn vào", "Đoàn I", "Khác", "Myanmar", "01/02/2024", "Đã thực hiện", "YANGON"]], headers
    )

    assert Delegation.objects.get().partner == yangon


def test_unknown_partner_is_a_row_error():
    headers = [*DELEGATION_HEADERS, "Địa phương đối tác"]
    row = ["Đoàn vào", "Đoàn K", "Khác", "Myanmar", "01/02/2024", "Đã thực hiện", "Mandalay"]

    result = import_delegations([row], headers)

    assert "Không tìm thấy địa phương đối tác “Mandalay” (Myanmar)" in problems(result)[2]


def test_text_typed_in_decomposed_unicode_is_stored_composed():
    nfd_title = unicodedata.normalize("NFD", "Đoàn Hồ Chí Minh thăm Đà Nẵng")
    assert nfd_title != "Đoàn Hồ Chí Minh thăm Đà Nẵng"
    rows = [
        [
            "Đoàn ra",
            nfd_title,
            "Khác",
            unicodedata.normalize("NFD", "Lào"),
            "01/02/2024",
            "Đã thực hiện",
        ]
    ]

    DelegationResource().import_data(csv_dataset(DELEGATION_HEADERS, rows))

    assert Delegation.objects.get().title == "Đoàn Hồ Chí Minh thăm Đà Nẵng"


def test_decomposed_name_matches_the_existing_record_on_reimport():
    DelegationFactory(
        title="Đoàn Tổng thống Chile", start_date=datetime.date(2023, 11, 25), country="CL"
    )
    nfd = [CHILE[0], unicodedata.normalize("NFD", CHILE[1]), *CHILE[2:]]

    DelegationResource().import_data(csv_dataset(DELEGATION_HEADERS, [nfd]))

    assert Delegation.objects.count() == 1


def test_bulk_import_keeps_history_and_author(importer):
    import_delegations([CHILE, JAPAN], user=importer)

    history = Delegation.history.all()
    assert history.count() == 2
    assert {h.history_user for h in history} == {importer}
    assert {h.history_type for h in history} == {"+"}
    assert set(Delegation.objects.values_list("created_by", flat=True)) == {importer.pk}


def test_bulk_update_keeps_history(importer):
    import_delegations([CHILE], user=importer)

    import_delegations([[*CHILE[:5], "Đã hủy"]], user=importer)

    delegation = Delegation.objects.get()
    assert [h.status for h in delegation.history.order_by("history_date")] == [
        "completed",
        "cancelled",
    ]


def test_partner_localities_get_their_folded_key_and_match_on_it():
    headers = ["Tên", "Quốc gia", "Loại quan hệ", "Ngày thiết lập quan hệ"]
    PartnerLocalityResource().import_data(
        xlsx_dataset(headers, [["Yangon", "Myanmar", "Hữu nghị hợp tác", "30/08/2019"]])
    )

    result = PartnerLocalityResource().import_data(
        xlsx_dataset(headers, [["YANGON ", "MM", "Kết nghĩa", "30/08/2019"]])
    )

    partner = PartnerLocality.objects.get()
    assert (partner.name_key, partner.relationship) == ("yangon", "sister_city")
    assert result.totals["update"] == 1


def test_events_take_several_countries():
    headers = ["Tên sự kiện", "Ngày bắt đầu", "Tình trạng", "Các quốc gia tham gia"]
    rows = [["Tuần văn hóa Nhật Bản", "14/06/2024", "Đã tổ chức", "Nhật Bản; South Korea"]]

    result = EventResource().import_data(xlsx_dataset(headers, rows))

    assert not result.has_validation_errors()
    assert [c.code for c in Event.objects.get().countries] == ["JP", "KR"]


def test_agreement_links_partners_and_fields_and_dates_new_relationships():
    yangon = PartnerLocalityFactory(name="Yangon", country="MM", established_on=None)
    CooperationFieldFactory(code="economy", name="Kinh tế")
    headers = [
        "Tên văn bản",
        "Ngày ký",
        "Tình trạng",
        "Địa phương đối tác",
        "Lĩnh vực hợp tác",
        "Thiết lập quan hệ mới",
    ]
    row = [
        "Thỏa thuận hữu nghị với Yangon",
        "30/08/2019",
        "Đang có hiệu lực",
        "yangon (Myanmar)",
        "kinh te",
        "Có",
    ]

    result = AgreementResource().import_data(xlsx_dataset(headers, [row]))

    assert not result.has_validation_errors(), problems(result)
    agreement = Agreement.objects.get()
    assert list(agreement.partners.all()) == [yangon]
    assert [f.code for f in agreement.fields.all()] == ["economy"]
    yangon.refresh_from_db()
    assert yangon.established_on == datetime.date(2019, 8, 30)


def test_agreement_with_unknown_partner_reports_the_row_and_writes_nothing():
    headers = ["Tên văn bản", "Ngày ký", "Tình trạng", "Địa phương đối tác"]
    row = ["Biên bản ghi nhớ", "30/08/2019", "Đang có hiệu lực", "Atlantis"]

    result = AgreementResource().import_data(xlsx_dataset(headers, [row]))

    assert "Atlantis" in problems(result)[2]
    assert Agreement.objects.count() == 0
