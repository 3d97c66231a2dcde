"""Imports that fail are reported as failures, in Vietnamese, and leave no trace."""

import pytest
from django.contrib.admin.models import LogEntry
from django.db import DatabaseError

from delegations.models import Delegation
from foreignaffairs.core.spreadsheets.matching import NaturalKeyLoader
from partners.models import PartnerLocality
from tests.excel.conftest import DELEGATION_HEADERS
from tests.excel.rows import CHILE
from tests.excel.test_admin import confirm, upload
from tests.factories import PartnerLocalityFactory

pytestmark = pytest.mark.django_db


def test_a_file_that_became_invalid_is_reported_as_a_failure_and_logs_nothing(admin_client):
    PartnerLocalityFactory(name="Yangon", country="MM")
    headers = [*DELEGATION_HEADERS, "Địa phương đối tác"]
    yangon = ["Đoàn vào", "Đoàn Yangon", "Khác", "Myanmar", "01/02/2024", "Đã thực hiện", "Yangon"]
    preview = upload(admin_client, [[*CHILE, ""], yangon], headers)
    PartnerLocality.objects.all().delete()  # someone deletes the partner before confirmation

    response = confirm(admin_client, preview)
    page = admin_client.get(response.url)

    assert "Không nhập được tệp, không có dòng nào được ghi" in page.text
    assert "dòng 3" in page.text and "Yangon" in page.text
    assert "Đã nhập xong" not in page.text and "Import finished" not in page.text
    assert Delegation.objects.count() == 0
    assert LogEntry.objects.count() == 0


def test_a_database_error_during_the_preview_is_a_message_not_a_traceback(
    admin_client, monkeypatch
):
    def fail(self):
        raise DatabaseError("could not serialize access due to concurrent update")

    monkeypatch.setattr(NaturalKeyLoader, "build_index", fail)

    preview = upload(admin_client, [CHILE])

    assert preview.status_code == 200
    assert "Cơ sở dữ liệu báo lỗi khi xử lý tệp" in preview.text
    assert "Traceback" not in preview.text
    assert "could not serialize" not in preview.text
    assert "confirm_form" not in preview.context
