"""Redis down (issue 15, item 14): the app keeps serving, uncached; department keys are still
throttled, in each process's memory; `/healthz` names the cache as the failed part."""

import socket

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings
from rest_framework.test import APIClient

from foreignaffairs.api.models import ApiClient
from tests.factories import DelegationFactory, UserFactory
from tests.foundation.test_settings import run_django


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down():
    """The shared cache is a Redis server that does not answer; figures would be cached."""
    location = f"redis://127.0.0.1:{closed_port()}/0"
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "foreignaffairs.core.redis_cache.SharedClientRedisCache",
                "LOCATION": location,
            },
            "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        },
        STATS_CACHE_SECONDS=3600,
    ):
        caches["local"].clear()  # throttle counts of earlier tests
        yield
        caches["local"].clear()


@pytest.fixture
def department_api(db):
    _client, key = ApiClient.issue("Sở Du lịch", contact="du-lich@example.invalid")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def test_department_api_keeps_answering_uncached_without_redis(redis_down, department_api):
    DelegationFactory()
    listing = department_api.get("/api/v1/delegations/")
    assert listing.status_code == 200
    assert listing.json()["count"] == 1
    stats = department_api.get("/api/v1/stats/yearly/")
    assert stats.status_code == 200
    assert stats.json()["results"][0]["incoming_delegations"] == 1
    # Uncached: a new record is counted at once.
    DelegationFactory()
    assert department_api.get("/api/v1/delegations/").json()["count"] == 2


def test_dashboard_and_staff_writes_work_without_redis(redis_down, db, client):
    user = UserFactory(username="quantri-redis", is_superuser=True)
    client.force_login(user)
    DelegationFactory()
    assert client.get("/dashboard/").status_code == 200
    created = client.post(
        "/api/v1/delegations/",
        {"title": "Đoàn khi Redis ngừng", "country": "JP", "start_date": "2020-01-02"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content


def test_department_keys_are_still_throttled_in_process_memory(redis_down, department_api):
    with override_settings(
        REST_FRAMEWORK={
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"api_client": "2/hour"},
        }
    ):
        answers = [department_api.get("/api/v1/partners/").status_code for _ in range(3)]
    assert answers == [200, 200, 429]


def test_healthz_names_the_cache_when_redis_is_down(redis_down, db, client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "unreachable"}


@pytest.mark.django_db
def test_healthz_answers_over_plain_http_with_https_redirect_on(client):
    with override_settings(SECURE_SSL_REDIRECT=True):
        assert client.get("/healthz").status_code == 200
        assert client.get("/admin/login/").status_code == 301


def test_cache_keys_carry_a_per_deployment_prefix():
    """Two deployments on one Redis: their keys differ, so do their counts and buckets."""
    probe = "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])"
    by_database = run_django(
        probe, DJANGO_DEBUG="1", DATABASE_URL="postgres://u@127.0.0.1:5432/doingoai_thu"
    )
    assert by_database.stdout.strip() == "doingoai_thu", by_database.stderr
    chosen = run_django(
        probe, DJANGO_DEBUG="1", DJANGO_CACHE_KEY_PREFIX="so-ngoai-vu", REDIS_URL="redis://x:1/0"
    )
    assert chosen.stdout.strip() == "so-ngoai-vu", chosen.stderr
