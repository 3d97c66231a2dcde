import pytest
from django.core.cache import caches
from django.utils import translation
from rest_framework.test import APIClient

from foreignaffairs.api.models import ApiClient
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def vietnamese():
    """Each test starts in the default language, Vietnamese."""
    with translation.override("vi"):
        yield


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts from empty caches: a figure another test cached would otherwise be
    served as the previous value while it is recomputed (core.stats_cache)."""
    for name in ("default", "local"):
        caches[name].clear()


@pytest.fixture
def superuser(db):
    return UserFactory(username="quantri", is_superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def department(db):
    """A department's key: the client record and the key itself (known only here)."""
    return ApiClient.issue("Sở Kế hoạch và Đầu tư", contact="Chị Lan, lan@example.invalid")


@pytest.fixture
def token_client(department):
    _client, key = department
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api
