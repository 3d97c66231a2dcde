"""Login lockout behind the reverse proxy (issue 15, item 12): with django-ipware and
DJANGO_PROXY_COUNT, one client's failures do not lock out another."""

import pytest
from django.test import override_settings

from tests.factories import UserFactory
from tests.foundation.test_settings import run_django

NGINX = "127.0.0.1"  # every request reaches the app from the proxy


@pytest.fixture
def behind_nginx():
    """The README's deployment: one trusted proxy (DJANGO_PROXY_COUNT=1)."""
    with override_settings(
        AXES_FAILURE_LIMIT=3,
        AXES_IPWARE_PROXY_COUNT=0,
        AXES_IPWARE_PROXY_ORDER="right-most",
        AXES_IPWARE_META_PRECEDENCE_ORDER=["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
    ):
        yield


def log_in(client, username, password, address):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_one_clients_failures_do_not_lock_out_another(client, db, behind_nginx):
    UserFactory(username="chuyenvien")
    for attempt in range(3):
        log_in(client, f"doan-mo-{attempt}", "sai", "203.0.113.5")
    assert log_in(client, "chuyenvien", "mật-khẩu-thử", "203.0.113.5").status_code == 429
    answer = log_in(client, "chuyenvien", "mật-khẩu-thử", "198.51.100.9")
    assert answer.status_code == 302  # logged in


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, db, behind_nginx):
    for attempt in range(3):
        # nginx appends the real address after whatever the client wrote.
        log_in(client, f"doan-mo-{attempt}", "sai", f"10.0.0.{attempt}, 203.0.113.5")
    UserFactory(username="ke-gian")
    assert log_in(client, "ke-gian", "mật-khẩu-thử", "10.9.9.9, 203.0.113.5").status_code == 429


def test_the_proxy_count_setting_reads_the_environment():
    probe = (
        "from django.conf import settings; "
        "print(settings.AXES_IPWARE_PROXY_COUNT, settings.AXES_IPWARE_META_PRECEDENCE_ORDER)"
    )
    direct = run_django(probe, DJANGO_DEBUG="1").stdout.strip()
    assert direct == "0 ['REMOTE_ADDR']"
    nginx = run_django(probe, DJANGO_DEBUG="1", DJANGO_PROXY_COUNT="1").stdout.strip()
    assert nginx == "0 ['HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR']"
