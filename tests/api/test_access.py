import datetime
from unittest import mock

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from foreignaffairs.api.access import ApiClientRateThrottle
from foreignaffairs.api.models import ApiClient
from partners.models import PartnerLocality
from tests.factories import PartnerLocalityFactory, UserFactory

READ_URLS = [
    "/api/v1/",
    "/api/v1/partners/",
    "/api/v1/delegations/",
    "/api/v1/events/",
    "/api/v1/agreements/",
    "/api/v1/stats/yearly/",
    "/api/v1/stats/breakdown/?year=2017&by=level",
]
NEW_PARTNER = {"name": "Yangon", "country": "MM", "established_on": "2017-05-10"}


@pytest.mark.django_db
@pytest.mark.parametrize("url", READ_URLS)
def test_anonymous_requests_get_401_with_the_token_scheme(anonymous_client, url):
    response = anonymous_client.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("url", READ_URLS)
def test_a_department_key_reads_every_endpoint(token_client, url):
    assert token_client.get(url).status_code == 200


def test_a_wrong_key_gets_401(db):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    response = api.get("/api/v1/partners/")
    assert response.status_code == 401
    assert "thu hồi" in response.json()["detail"]


def test_a_revoked_key_gets_401(department, token_client):
    client, _key = department
    client.revoke()
    assert token_client.get("/api/v1/partners/").status_code == 401


def test_only_the_hash_and_prefix_of_a_key_are_stored(department):
    client, key = department
    stored = ApiClient.objects.values().get(pk=client.pk)
    assert key not in {str(value) for value in stored.values()}
    assert stored["key_hash"] == ApiClient.hash_key(key)
    assert key.startswith(stored["key_prefix"])


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_department_key_cannot_write(token_client, method):
    partner = PartnerLocalityFactory(name="Osaka")
    url = "/api/v1/partners/" if method == "post" else f"/api/v1/partners/{partner.pk}/"
    response = getattr(token_client, method)(url, NEW_PARTNER)
    assert response.status_code == 403
    assert "chỉ được đọc" in response.json()["detail"]
    assert list(PartnerLocality.objects.values_list("name", flat=True)) == ["Osaka"]


def test_staff_with_the_model_permission_can_create(staff_client, editor):
    response = staff_client.post("/api/v1/partners/", NEW_PARTNER)
    assert response.status_code == 201, response.content
    partner = PartnerLocality.objects.get(pk=response.json()["id"])
    assert (partner.name, partner.country.code, partner.created_by) == ("Yangon", "MM", editor)


def test_staff_with_the_view_permission_only_can_read_but_not_write(reader_staff_client):
    assert reader_staff_client.get("/api/v1/partners/").status_code == 200
    assert reader_staff_client.post("/api/v1/partners/", NEW_PARTNER).status_code == 403
    assert not PartnerLocality.objects.exists()


def test_a_logged_in_account_that_is_not_staff_gets_403(db):
    api = APIClient()
    api.force_login(UserFactory(username="khach", is_staff=False))
    response = api.get("/api/v1/partners/")
    assert response.status_code == 403
    assert "cán bộ" in response.json()["detail"]


def test_not_even_a_superuser_deletes_through_the_api(superuser):
    api = APIClient()
    api.force_login(superuser)
    partner = PartnerLocalityFactory()
    assert api.delete(f"/api/v1/partners/{partner.pk}/").status_code == 405
    assert PartnerLocality.objects.filter(pk=partner.pk).exists()


def test_last_use_is_recorded_at_most_once_a_minute(department, token_client):
    client, _key = department
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        token_client.get("/api/v1/partners/")
    client.refresh_from_db()
    assert client.last_used_at == start

    with mock.patch(
        "django.utils.timezone.now", return_value=start + datetime.timedelta(seconds=30)
    ):
        token_client.get("/api/v1/partners/")
    client.refresh_from_db()
    assert client.last_used_at == start

    later = start + datetime.timedelta(seconds=61)
    with mock.patch("django.utils.timezone.now", return_value=later):
        token_client.get("/api/v1/partners/")
    client.refresh_from_db()
    assert client.last_used_at == later


def test_a_key_over_its_rate_gets_429_with_retry_after(settings, token_client):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api_client": "2/minute"},
    }
    assert token_client.get("/api/v1/partners/").status_code == 200
    assert token_client.get("/api/v1/delegations/").status_code == 200
    response = token_client.get("/api/v1/partners/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60


def test_the_count_starts_again_with_the_next_window(settings, token_client, monkeypatch):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api_client": "2/minute"},
    }
    clock = [0.0]  # seconds since the epoch: the minutes start at multiples of 60
    monkeypatch.setattr(ApiClientRateThrottle, "timer", lambda self: clock[0])
    answers = []
    for second in (610.0, 650.0, 655.5, 661.0):
        clock[0] = second
        answers.append(token_client.get("/api/v1/partners/"))
    assert [answer.status_code for answer in answers] == [200, 200, 429, 200]
    assert answers[2]["Retry-After"] == "5"  # that minute ends at 660


def test_the_rate_is_counted_per_key(settings, token_client):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api_client": "1/minute"},
    }
    _other, other_key = ApiClient.issue("Sở Du lịch")
    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION=f"Token {other_key}")
    assert token_client.get("/api/v1/partners/").status_code == 200
    assert token_client.get("/api/v1/partners/").status_code == 429
    assert other.get("/api/v1/partners/").status_code == 200
