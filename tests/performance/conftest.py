import pytest
from django.core.cache import cache

from tests.factories import UserFactory, with_role


@pytest.fixture
def stats_cache_on(settings):
    """The cached path as in production (the tests run with it off), from an empty cache."""
    settings.STATS_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def leader_client(client, db):
    client.force_login(with_role(UserFactory(username="lanhdao", is_staff=False)))
    return client


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(username="canbo", is_superuser=True))
    return client
