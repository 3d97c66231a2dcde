import pytest
from django.utils import translation

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def vietnamese():
    """Each test starts in the default language, Vietnamese."""
    with translation.override("vi"):
        yield


@pytest.fixture
def superuser(db):
    return UserFactory(username="quantri", is_superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
