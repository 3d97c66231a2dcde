"""The large-file path: streamed in chunks, all or nothing, progress, same rules as the admin."""

import io

import pytest
from django.core.management import CommandError, call_command

from bench.xlsx_import import measure_import, write_sample_delegations
from delegations.models import Delegation
from delegations.resources import DelegationResource
from foreignaffairs.core.spreadsheets.large_files import import_file
from tests.excel.conftest import DELEGATION_HEADERS, csv_text

pytestmark = pytest.mark.django_db


def delegation_rows(count):
    return [
        ["Đoàn vào", f"Đoàn số {n}", "Khác", "Lào", f"{n + 1:02d}/01/2024", "Đã thực hiện"]
        for n in range(count)
    ]


@pytest.fixture
def csv_file(tmp_path):
    def write(rows):
        path = tmp_path / "doan.csv"
        path.write_text(csv_text(DELEGATION_HEADERS, rows), encoding="utf-8")
        return path

    return write


def test_chunks_are_imported_with_history_and_progress(csv_file, importer):
    seen = []

    summary = import_file(
        DelegationResource,
        csv_file(delegation_rows(7)),
        user=importer,
        chunk_rows=3,
        progress=seen.append,
    )

    assert (summary.rows, summary.new, summary.errors) == (7, 7, [])
    assert seen == [3, 6, 7]
    assert Delegation.objects.count() == 7
    assert Delegation.history.filter(history_user=importer).count() == 7


def test_a_bad_row_in_a_later_chunk_undoes_the_earlier_chunks(csv_file):
    rows = delegation_rows(7)
    rows[5][4] = "32/01/2024"

    summary = import_file(DelegationResource, csv_file(rows), chunk_rows=3)

    assert Delegation.objects.count() == 0
    assert [number for number, _message in summary.errors] == [7]
    assert "32/01/2024" in summary.errors[0][1]


def test_duplicates_across_chunks_are_reported_with_file_row_numbers(csv_file):
    rows = delegation_rows(4)
    rows.append(rows[0])

    summary = import_file(DelegationResource, csv_file(rows), chunk_rows=2)

    assert Delegation.objects.count() == 0
    assert summary.errors[0][0] == 6
    assert "Trùng với dòng 2" in summary.errors[0][1]


def test_dry_run_checks_without_writing(csv_file):
    summary = import_file(DelegationResource, csv_file(delegation_rows(3)), dry_run=True)

    assert summary.new == 3
    assert Delegation.objects.count() == 0


def test_command_prints_progress_and_imports(csv_file):
    out = io.StringIO()

    call_command(
        "import_excel", "delegation", str(csv_file(delegation_rows(5))), chunk=2, stdout=out
    )

    assert "2 rows checked" in out.getvalue()
    assert "5 rows: 5 new" in out.getvalue()
    assert Delegation.objects.count() == 5


def test_command_lists_problems_and_writes_nothing(csv_file):
    rows = delegation_rows(3)
    rows[1][3] = "Narnia"
    err = io.StringIO()

    with pytest.raises(CommandError, match="nothing was written"):
        call_command(
            "import_excel", "delegation", str(csv_file(rows)), stderr=err, stdout=io.StringIO()
        )

    assert "row 3:" in err.getvalue() and "Narnia" in err.getvalue()
    assert Delegation.objects.count() == 0


def test_measure_import_reports_time_and_peak_memory(tmp_path):
    path = write_sample_delegations(tmp_path / "doan.xlsx", 50)

    report = measure_import(DelegationResource, path, chunk_rows=20)

    assert (report["rows"], report["new"], report["errors"]) == (50, 50, 0)
    assert report["seconds"] > 0 and report["peak_mib"] > 0
    assert Delegation.objects.count() == 50


def test_blank_rows_keep_the_files_row_numbers(csv_file):
    rows = delegation_rows(4)
    rows[3][4] = "32/01/2024"
    rows.insert(1, ["", "", "", "", "", ""])

    summary = import_file(DelegationResource, csv_file(rows), chunk_rows=2)

    assert [number for number, _message in summary.errors] == [6]
