"""Races, hostile input and the error shape (issue 15, items 11 and 15): every API error is
`{"detail": "…"}` or, for a 400, `{"<field>": ["…"]}`, as the schema documents."""

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from partners.models import PartnerLocality
from tests.factories import AgreementFactory, PartnerLocalityFactory, UserFactory


def assert_field_errors(response, *names):
    """A 400 in the documented shape: field → list of strings."""
    assert response.status_code == 400, response.content
    body = response.json()
    assert isinstance(body, dict), body
    for messages in body.values():
        assert isinstance(messages, list) and all(isinstance(m, str) for m in messages), body
    for name in names:
        assert name in body, body
    return body


def assert_detail(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail"} and isinstance(body["detail"], str), body
    return body


def test_a_duplicate_that_slips_past_validation_is_a_400_not_a_500(staff_client):
    """Two simultaneous creations both pass `full_clean()`; the database refuses the second."""
    PartnerLocalityFactory(name="Yangon", country="MM")
    with mock.patch.object(PartnerLocality, "full_clean"):
        response = staff_client.post("/api/v1/partners/", {"name": "YANGON", "country": "MM"})
    body = assert_field_errors(response, "non_field_errors")
    assert "cùng tên" in body["non_field_errors"][0]
    assert PartnerLocality.objects.count() == 1


def test_deeply_nested_json_is_a_400(staff_client):
    response = staff_client.generic(
        "POST", "/api/v1/partners/", "[" * 100_000, content_type="application/json"
    )
    assert_field_errors(response, "non_field_errors")


def test_a_json_parse_error_uses_the_field_error_shape(staff_client):
    response = staff_client.generic(
        "POST", "/api/v1/partners/", "{not json", content_type="application/json"
    )
    assert_field_errors(response, "non_field_errors")


def test_a_null_character_in_the_search_is_a_field_error(token_client):
    assert_field_errors(token_client.get("/api/v1/delegations/?search=%00"), "search")


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999"])
def test_a_page_out_of_range_is_a_json_404(token_client, page):
    assert_detail(token_client.get(f"/api/v1/delegations/?page={page}"), 404)


@pytest.mark.parametrize("record_id", ["abc", "1.5", "-1", "%20", "99999999999999999999999"])
def test_a_non_integer_id_is_a_json_404(token_client, record_id):
    assert_detail(token_client.get(f"/api/v1/delegations/{record_id}/"), 404)


def test_an_unknown_api_address_is_a_json_404(token_client):
    assert_detail(token_client.get("/api/v1/khong-co/"), 404)


def test_partners_given_as_an_object_is_refused_not_a_silent_clear(staff_client):
    partner = PartnerLocalityFactory(name="Yangon", country="MM")
    agreement = AgreementFactory(partners=[partner])
    response = staff_client.patch(
        f"/api/v1/agreements/{agreement.pk}/",
        json.dumps({"partners": {}}),
        content_type="application/json",
    )
    assert_field_errors(response, "partners")
    assert list(agreement.partners.all()) == [partner]


def test_errors_answer_in_the_language_asked_for(anonymous_client, db):
    english = anonymous_client.get("/api/v1/partners/", HTTP_ACCEPT_LANGUAGE="en")
    vietnamese = anonymous_client.get("/api/v1/partners/", HTTP_ACCEPT_LANGUAGE="vi")
    default = anonymous_client.get("/api/v1/partners/")
    assert english.json()["detail"] == "Authentication credentials were not provided."
    assert vietnamese.json()["detail"] != english.json()["detail"]
    assert default.json()["detail"] == vietnamese.json()["detail"]


def test_the_schema_states_the_year_bounds_and_the_404_of_pages(token_client):
    schema = token_client.get("/api/schema/?format=json")
    assert schema.status_code == 200
    document = schema.json()
    listing = document["paths"]["/api/v1/delegations/"]["get"]
    year = next(p for p in listing["parameters"] if p["name"] == "year")
    assert (year["schema"]["minimum"], year["schema"]["maximum"]) == (1900, 2100)
    assert "404" in listing["responses"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writes need PostgreSQL")
def test_twenty_simultaneous_creations_differing_by_case_store_one_and_refuse_the_rest(
    transactional_db,
):
    user = UserFactory(username="dong-thoi", is_superuser=True)
    names = [
        "".join(c.upper() if (i >> k) & 1 else c for k, c in enumerate("yangon")) for i in range(20)
    ]
    barrier = threading.Barrier(len(names))

    def create(name):
        api = APIClient()
        api.force_login(user)
        barrier.wait()
        try:
            return api.post("/api/v1/partners/", {"name": name, "country": "MM"}).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(names)) as pool:
        statuses = list(pool.map(create, names))
    assert sorted(set(statuses)) == [201, 400], statuses
    assert statuses.count(201) == 1
    assert PartnerLocality.objects.count() == 1


@pytest.mark.parametrize("size", ["abc", "0", "-5", "null"])
def test_a_page_size_that_is_not_a_positive_integer_is_a_400(token_client, size):
    assert_field_errors(token_client.get(f"/api/v1/delegations/?page_size={size}"), "page_size")


def test_an_unknown_headers_value_is_a_400_on_json_lists_too(token_client):
    assert_field_errors(token_client.get("/api/v1/delegations/?headers=-58800"), "headers")
    assert token_client.get("/api/v1/delegations/?headers=vi").status_code == 200
