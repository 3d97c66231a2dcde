import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.test import APIClient

from foreignaffairs.core.roles import STAFF
from tests.factories import UserFactory, with_role


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Throttle counts live in the cache, which outlives each test's database."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous_client():
    return APIClient()


@pytest.fixture
def editor(db):
    """A staff member allowed to add and change the four kinds of records."""
    user = UserFactory(username="chuyenvien")
    codenames = [
        f"{action}_{model}"
        for action in ("add", "change", "view")
        for model in ("partnerlocality", "delegation", "event", "agreement")
    ]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return with_role(user, STAFF)


@pytest.fixture
def staff_client(editor):
    api = APIClient()
    api.force_login(editor)
    return api


@pytest.fixture
def reader_staff_client(db):
    """Staff with the view permissions only: may read, not write."""
    user = UserFactory(username="doc")
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    api = APIClient()
    api.force_login(user)
    return api


def result_ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}
