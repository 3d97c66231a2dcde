"""The page a login locked after too many failures shows, on the leaders' login and the
admin's: the app's own page, saying from when the person can log in again."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from foreignaffairs.core.lockout import wait_text

pytestmark = pytest.mark.django_db


def lock(client, login_url: str, username: str = "truongphong"):
    for _attempt in range(3):
        client.post(login_url, {"username": username, "password": "sai"})
    return client.post(login_url, {"username": username, "password": "mật-khẩu-thử"})


def unlocked_from() -> datetime.datetime:
    latest = AccessAttempt.objects.latest("attempt_time").attempt_time
    return timezone.localtime(latest + datetime.timedelta(hours=settings.AXES_COOLOFF_TIME))


@override_settings(AXES_FAILURE_LIMIT=3)
@pytest.mark.parametrize("login_url", ["/login/", "/admin/login/?next=/admin/"])
def test_a_locked_login_says_in_the_apps_own_page_when_to_try_again(
    client, manager_user, login_url
):
    response = lock(client, login_url)

    page = response.content.decode()
    assert response.status_code == 429
    assert '<header class="site-header">' in page  # the app's look, not the admin's
    assert 'id="header"' not in page
    assert "<title>Tạm khóa đăng nhập · Sở Ngoại vụ TP. Hồ Chí Minh</title>" in page
    assert "Đăng nhập sai quá nhiều lần (3 lần)" in page
    until = unlocked_from()
    assert (
        f"Có thể đăng nhập lại từ <strong>{until:%H:%M} ngày {until:%d/%m/%Y}</strong> "
        "(còn khoảng 1 giờ)." in page
    )
    assert f'href="{login_url}"' in page.replace("&amp;", "&")
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_lockout_page_in_english(client, manager_user):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = lock(client, "/login/").content.decode()

    until = unlocked_from()
    assert f"You can log in again from <strong>{until:%H:%M} on {until:%d/%m/%Y}</strong>" in page
    assert "(about 1 hour left)" in page
    assert "Too many failed logins (3)" in page


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=None)
def test_without_a_cool_off_the_page_says_whom_to_ask(client, manager_user):
    page = lock(client, "/login/").content.decode()

    assert "Xin liên hệ quản trị hệ thống để được mở khóa." in page
    assert "Có thể đăng nhập lại" not in page


def test_the_wait_is_said_the_way_people_say_it():
    assert wait_text(datetime.timedelta(minutes=44, seconds=10)) == "còn 45 phút"
    assert wait_text(datetime.timedelta(seconds=5)) == "còn 1 phút"
    assert wait_text(datetime.timedelta(minutes=59, seconds=59)) == "còn khoảng 1 giờ"
    assert wait_text(datetime.timedelta(hours=2, minutes=10)) == "còn khoảng 2 giờ"
