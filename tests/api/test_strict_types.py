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


@pytest.mark.parametrize("value", [0, 1, "yes", "true"])
def test_a_yes_no_field_takes_only_true_or_false(staff_client, value):
    response = staff_client.post(
        "/api/v1/events/",
        {"title": "Hội thảo", "start_date": "2024-03-01", "needs_prime_minister_approval": value},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"needs_prime_minister_approval": ["Cần giá trị true hoặc false."]}
    assert not Event.objects.exists()


def test_true_is_taken(staff_client):
    response = staff_client.post(
        "/api/v1/events/",
        {"title": "Hội thảo", "start_date": "2024-03-01", "needs_prime_minister_approval": True},
        format="json",
    )

    assert response.status_code == 201
    assert Event.objects.get().needs_prime_minister_approval is True
