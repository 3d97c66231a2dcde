"""The admin's export page: Excel chosen, and how many records the file will hold."""

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
