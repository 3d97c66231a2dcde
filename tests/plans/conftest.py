import pytest

from tests.security.conftest import leader_user, roles, staff_user  # noqa: F401 - fixtures


@pytest.fixture
def leader_client(client, leader_user):  # noqa: F811 - the imported fixture
    client.force_login(leader_user)
    return client
