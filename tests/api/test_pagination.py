import datetime

import pytest

from delegations.models import Delegation
from tests.factories import PartnerLocalityFactory


def add_delegations(count: int):
    Delegation.objects.bulk_create(
        Delegation(
            title=f"Đoàn {number}",
            country="JP",
            status="completed",
            start_date=datetime.date(2017, 1, 1) + datetime.timedelta(days=number % 365),
        )
        for number in range(count)
    )


def test_lists_are_paginated_with_count_and_links(token_client):
    add_delegations(5)
    body = token_client.get("/api/v1/delegations/?page_size=2&page=2").json()
    assert list(body) == ["count", "next", "previous", "results"]
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert "page=3" in body["next"] and "page_size=2" in body["next"]
    assert "page_size=2" in body["previous"]


def test_the_default_page_has_fifty_rows(token_client):
    add_delegations(51)
    assert len(token_client.get("/api/v1/delegations/").json()["results"]) == 50


def test_a_page_has_at_most_five_hundred_rows(token_client):
    add_delegations(501)
    body = token_client.get("/api/v1/delegations/?page_size=1000").json()
    assert (body["count"], len(body["results"])) == (501, 500)


def test_a_page_past_the_end_is_404(token_client):
    add_delegations(3)
    assert token_client.get("/api/v1/delegations/?page=9").status_code == 404


@pytest.mark.django_db
def test_the_browsable_api_lists_no_partner_choices(staff_client, django_assert_max_num_queries):
    """Its filter form and its raw JSON form stay cheap: no <select> of every partner."""
    for number in range(30):
        PartnerLocalityFactory(name=f"Kyoto {number}")
    add_delegations(3)
    # session, user, count, page, pillars, the user's and groups' permissions (which forms)
    with django_assert_max_num_queries(7):
        response = staff_client.get("/api/v1/delegations/", HTTP_ACCEPT="text/html")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="partner"' in page  # the filter is there, as a number input
    assert "Kyoto" not in page  # but no partner is listed
