import pytest
from django.contrib.auth.models import Group

from foreignaffairs.core.roles import LEADER, MANAGER, STAFF, setup_roles
from tests.factories import UserFactory


@pytest.fixture
def roles(db):
    setup_roles()


def _member_of(group_name, username):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def staff_user(roles):
    return _member_of(STAFF, "chuyenvien")


@pytest.fixture
def manager_user(roles):
    return _member_of(MANAGER, "truongphong")


@pytest.fixture
def leader_user(roles):
    return _member_of(LEADER, "lanhdao")
