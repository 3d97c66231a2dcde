"""An import never stores a record twice: a row spelt differently updates the record it names,
a row repeated in the file is a row error, and a record another person stored meanwhile makes
the database refuse the file with the rule in words (issue 15, item 8)."""

from unittest import mock

import pytest

from agreements.models import Agreement
from agreements.resources import AgreementResource
from delegations.models import Delegation
from delegations.resources import DelegationResource
from foreignaffairs.core.spreadsheets.matching import NaturalKeyLoader
from tests.excel.conftest import DELEGATION_HEADERS, xlsx_dataset
from tests.excel.rows import CHILE
from tests.factories import AgreementFactory, DelegationFactory

pytestmark = pytest.mark.django_db


def messages(result) -> list[str]:
    """Every problem the import reports: the file's, and each row's."""
    found = [error.error for error in result.base_errors]
    for row in result.rows:
        found += [error.error for error in row.errors]
        if row.validation_error is not None:
            found += row.validation_error.messages
    return found


def test_a_row_naming_a_visit_in_other_letters_updates_it():
    DelegationFactory(
        title="Đoàn Tổng thống Chile", country="CL", start_date="2023-11-25", status="planned"
    )
    row = ["Đoàn vào", "doan TONG THONG chile", "Nguyên thủ quốc gia", "Chile", "25/11/2023"]

    result = DelegationResource().import_data(xlsx_dataset(DELEGATION_HEADERS, [[*row, "Đã hủy"]]))

    assert result.totals["update"] == 1
    assert list(Delegation.objects.values_list("title", "status")) == [
        ("doan TONG THONG chile", "cancelled")
    ]


def test_two_rows_naming_one_visit_are_a_row_error():
    twice = ["Đoàn vào", "ĐOÀN TỔNG THỐNG CHILE", *CHILE[2:]]

    result = DelegationResource().import_data(xlsx_dataset(DELEGATION_HEADERS, [CHILE, twice]))

    assert any("Trùng với dòng 2" in message for message in messages(result))
    assert Delegation.objects.count() == 0


def test_a_visit_stored_by_someone_else_meanwhile_fails_the_file_with_the_rule():
    # The other person's visit was committed after the import looked for the rows' records.
    DelegationFactory(title="Đoàn Tổng thống Chile", country="CL", start_date="2023-11-25")
    with mock.patch.object(NaturalKeyLoader, "get_instance", return_value=None):
        result = DelegationResource().import_data(xlsx_dataset(DELEGATION_HEADERS, [CHILE]))

    assert result.has_errors()
    assert any(
        message.startswith("Đã có một đoàn cùng chiều, cùng tên đoàn và cùng ngày bắt đầu")
        for message in messages(result)
    ), messages(result)
    assert Delegation.objects.count() == 1


def test_an_agreement_stored_meanwhile_is_an_error_of_its_row():
    AgreementFactory(title="Biên bản ghi nhớ", signed_on="2019-08-30")
    headers = ["Tên văn bản", "Ngày ký", "Tình trạng"]
    with mock.patch.object(NaturalKeyLoader, "get_instance", return_value=None):
        result = AgreementResource().import_data(
            xlsx_dataset(headers, [["BIÊN BẢN GHI NHỚ", "30/08/2019", "Đang có hiệu lực"]])
        )

    assert result.has_errors()
    assert any("cùng tên và cùng ngày ký" in message for message in messages(result))
    assert Agreement.objects.count() == 1
