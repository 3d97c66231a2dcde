"""The admin's export and import pages: Excel chosen, how many records the file will hold, and
buttons that say what they do."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


def test_the_export_page_preselects_excel_and_counts_the_filtered_records(admin_client):
    for _ in range(3):
        DelegationFactory(start_date=datetime.date(2017, 5, 1))
    DelegationFactory(start_date=datetime.date(2016, 5, 1))
    url = reverse("admin:delegations_delegation_export")

    page = admin_client.get(url, {"received_in": "2017"}).content.decode()

    assert "Tệp sẽ có 3 bản ghi" in page
    assert '<option value="0" selected>xlsx</option>' in page.replace("XLSX", "xlsx")


def test_the_whole_list_is_counted_without_filters(admin_client):
    for _ in range(2):
        DelegationFactory()

    page = admin_client.get(reverse("admin:delegations_delegation_export")).content.decode()

    assert "Tệp sẽ có 2 bản ghi" in page


def test_the_export_button_says_what_it_does(admin_client, settings):
    url = reverse("admin:delegations_delegation_export")

    page = admin_client.get(url).content.decode()
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = admin_client.get(url).content.decode()

    assert '<input type="submit" class="default" value="Xuất tệp">' in page
    assert 'value="Gửi"' not in page
    assert '<input type="submit" class="default" value="Export file">' in english


def test_the_import_button_says_it_uploads_for_a_preview(admin_client, settings):
    url = reverse("admin:delegations_delegation_import")

    page = admin_client.get(url).content.decode()
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = admin_client.get(url).content.decode()

    assert 'value="Tải lên và xem trước"' in page
    assert 'value="Gửi"' not in page
    assert 'value="Upload and preview"' in english
