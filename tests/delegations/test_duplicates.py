"""The admin refuses a visit recorded twice (same direction, name and start date, however
spelt): a message on the form, or after a race a message on the page, never an error page,
and nothing stored (issue 15, item 8)."""

import datetime
from unittest import mock

import pytest

from delegations.models import Delegation
from tests.admin_pages import form_errors, messages_of
from tests.delegations.conftest import DELEGATIONS
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

ADD = f"{DELEGATIONS}add/"


@pytest.fixture
def osaka(db):
    return DelegationFactory(
        title="Đoàn Thị trưởng Osaka", country="JP", start_date=datetime.date(2026, 4, 3)
    )


def test_the_form_says_the_visit_is_already_recorded_and_stores_nothing(
    admin_client, delegation_form, osaka
):
    response = admin_client.post(ADD, delegation_form(title="ĐOÀN THỊ TRƯỞNG  osaka"))

    (message,) = form_errors(response)["title"]
    assert message.startswith("Đã có một đoàn cùng chiều, cùng tên đoàn và cùng ngày bắt đầu")
    assert "Bản ghi đã có: “Đoàn Thị trưởng Osaka (03/04/2026)”" in message
    assert Delegation.objects.count() == 1


def test_the_same_name_on_another_day_is_another_visit(admin_client, delegation_form, osaka):
    response = admin_client.post(ADD, delegation_form(start_date="04/04/2026"))

    assert response.status_code == 302
    assert Delegation.objects.count() == 2


def test_a_duplicate_saved_by_someone_else_meanwhile_is_a_message_not_an_error_page(
    admin_client, delegation_form, osaka
):
    # The other person's visit was committed after this form was validated.
    with mock.patch.object(Delegation, "validate_constraints"):
        response = admin_client.post(ADD, delegation_form())

    assert response.status_code == 302 and response.url == ADD
    (message,) = messages_of(response)
    assert message.startswith("Đã có một đoàn cùng chiều, cùng tên đoàn và cùng ngày bắt đầu")
    assert message.endswith("Không có gì được lưu; hãy kiểm tra lại.")
    assert Delegation.objects.count() == 1
