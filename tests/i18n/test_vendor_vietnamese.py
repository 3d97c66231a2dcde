"""Django's, DRF's and django-filter's English read as a Vietnamese civil servant writes:
our locale/vi wins over the packages' own (stiff) Vietnamese."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from rest_framework import exceptions

from tests.factories import DelegationFactory


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Action:", "Thao tác:"),
        ("Go", "Thực hiện"),
        ("0 of %(cnt)s selected", "Đã chọn 0/%(cnt)s"),
        ("Enter a whole number.", "Nhập số nguyên."),
        ("Show counts", "Hiện số lượng"),
        ("Skip to main content", "Chuyển đến nội dung chính"),
        ("Error:", "Lỗi:"),
    ],
)
def test_admin_and_form_strings_read_as_vietnamese_officials_write(english, vietnamese):
    with translation.override("vi"):
        assert gettext(english) == vietnamese


def test_add_button_names_the_record_without_into():
    with translation.override("vi"):
        assert gettext("Add %(name)s") % {"name": "đoàn"} == "Thêm đoàn"
        assert gettext(" By %(filter_title)s ").strip() % {"filter_title": "chiều đoàn"} == (
            "Theo chiều đoàn"
        )


def test_form_error_note_is_vietnamese_for_many_errors():
    with translation.override("vi"):
        note = ngettext("Please correct the error below.", "Please correct the errors below.", 3)

    assert note == "Vui lòng sửa các lỗi dưới đây."


def test_drf_errors_are_vietnamese():
    with translation.override("vi"):
        assert str(exceptions.NotAuthenticated().detail) == "Chưa cung cấp thông tin xác thực."


@pytest.mark.django_db
def test_admin_javascript_counts_selected_rows_in_vietnamese(admin_client):
    script = admin_client.get(reverse("admin:jsi18n")).text

    assert json.dumps("Đã chọn %(sel)s/%(cnt)s") in script
    assert json.dumps("Thứ hai") in script


@pytest.mark.django_db
def test_delegation_list_shows_vietnamese_admin_controls(admin_client):
    DelegationFactory()

    page = admin_client.get(reverse("admin:delegations_delegation_changelist")).text

    assert "Thêm đoàn" in page
    assert "Thêm vào" not in page
    assert "Thực hiện" in page
    assert "Đã chọn 0/" in page
