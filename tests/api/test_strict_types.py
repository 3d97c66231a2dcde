"""Writes take the JSON types the schema states: a number where text is expected, or an
object in a list of country codes, is a 400 naming the field, never silently converted."""

import pytest

from delegations.models import Delegation, Event
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


def test_a_number_for_a_text_field_is_refused_and_nothing_changes(staff_client):
    visit = DelegationFactory(purpose="Hợp tác giáo dục")

    response = staff_client.patch(f"/api/v1/delegations/{visit.pk}/", {"purpose": 0}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["purpose"]
    visit.refresh_from_db()
    assert visit.purpose == "Hợp tác giáo dục"


def test_a_number_for_a_choice_is_refused(staff_client):
    response = staff_client.post(
        "/api/v1/delegations/",
        {"title": "Đoàn A", "start_date": "2024-03-01", "country": "JP", "level": 0},
        format="json",
    )

    assert response.status_code == 400
    assert "level" in response.json()
    assert not Delegation.objects.exists()


def test_an_object_in_the_list_of_countries_is_refused(staff_client):
    response = staff_client.post(
        "/api/v1/events/",
        {"title": "Hội thảo", "start_date": "2024-03-01", "countries": [{}]},
        format="json",
    )

    assert response.status_code == 400
    assert "countries" in response.json()
    assert not Event.objects.exists()
