import datetime

import pytest
from django.core.cache import cache

from tests.factories import UserFactory
from tests.security.conftest import leader_user, manager_user, roles  # noqa: F401 - fixtures

# Tết 2026 in the `holidays` calendar for Vietnam (checked in test_workdays): from the eve,
# Monday 16 February, to the fourth day, Friday 20 February.
TET_2026 = [datetime.date(2026, 2, day) for day in range(16, 21)]
FRIDAY_BEFORE_TET = datetime.date(2026, 2, 13)


@pytest.fixture
def officer(db):
    return UserFactory(username="chuyenvien-han", first_name="Lan", last_name="Nguyễn")


@pytest.fixture(autouse=True)
def fresh_counts():
    """The to-do counts live in the cache, which outlives each test's database."""
    cache.clear()
    yield
    cache.clear()
