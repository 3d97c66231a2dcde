"""The leaders' own login: outside the admin, guarded like it, and leading to the dashboard."""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from foreignaffairs.core.roles import LEADER, setup_roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mật-khẩu-thử"  # tests.factories.UserFactory's


@pytest.fixture
def leader_account(db):
    """A leader as deployed: in the leaders' group, not admin staff."""
    setup_roles()
    user = UserFactory(username="lanhdao", is_staff=False)
    user.groups.add(Group.objects.get(name=LEADER))
    return user


def test_the_login_page_is_the_sites_own_in_vietnamese(client):
    response = client.get("/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Đăng nhập · Sở Ngoại vụ TP. Hồ Chí Minh</title>" in html
    assert 'id="login-form"' in html
    assert "Tên đăng nhập" in html and "Mật khẩu" in html
    assert "/admin/" not in html  # no admin look, no admin links


def test_a_leader_who_is_not_staff_logs_in_and_lands_on_the_dashboard(client, leader_account):
    response = client.post("/login/", {"username": "lanhdao", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


def test_the_login_returns_the_leader_to_the_page_asked_for(client, leader_account):
    response = client.post(
        "/login/", {"username": "lanhdao", "password": PASSWORD, "next": "/dashboard/?year=2017"}
    )
    assert response["Location"] == "/dashboard/?year=2017"


def test_the_login_never_sends_a_leader_to_another_site(client, leader_account):
    response = client.post(
        "/login/", {"username": "lanhdao", "password": PASSWORD, "next": "https://example.com/"}
    )
    assert response["Location"] == "/dashboard/"


def test_a_wrong_password_is_refused_with_a_vietnamese_message(client, leader_account):
    response = client.post("/login/", {"username": "lanhdao", "password": "sai"})
    assert response.status_code == 200
    assert "mật khẩu" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_leaders_login_is_locked_after_repeated_failures(client, leader_account):
    for _attempt in range(3):
        client.post("/login/", {"username": "lanhdao", "password": "sai"})
    response = client.post("/login/", {"username": "lanhdao", "password": PASSWORD})
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logging_out_leads_back_to_the_login_page(client, leader_account):
    client.force_login(leader_account)
    html = client.get("/dashboard/").content.decode()
    assert 'action="/logout/"' in html
    response = client.post("/logout/")
    assert response["Location"] == "/login/"
    assert client.get("/dashboard/")["Location"] == "/login/?next=/dashboard/"


def test_the_admin_header_links_to_the_dashboard(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert '<a href="/dashboard/">Tổng quan</a>' in html
    assert "Xem trang web" not in html


def test_browsers_asking_for_favicon_ico_get_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.svg")
