"""Playwright fixtures driving the system Chromium against pytest-django's live server.

Browser tests are marked `browser`, need `@pytest.mark.django_db(transaction=True)` (the live
server runs in another thread and must see committed data), and skip when Chromium is absent.
Never run `playwright install`: the tests use /usr/bin/chromium.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from foreignaffairs.core.roles import STAFF, setup_roles
from tests.factories import UserFactory, with_role

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# the test's own database queries as "called from an async context".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A laptop's and a phone's width: staff pages are looked at and measured at both.
WIDTHS = [1366, 390]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "mật-khẩu-thử"  # tests.factories.UserFactory's password


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: browser tests need the system Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh Vietnamese-speaking browser tab on the live server (headless Chromium would
    otherwise send en-US)."""
    context = browser.new_context(
        locale="vi-VN",
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
    )
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def leader(transactional_db):
    """A leader's account as deployed: staff, so the admin login form accepts it, but with no
    model permission, so the admin shows it nothing to edit; the leaders' group, which the
    dashboard asks for."""
    return with_role(UserFactory(username="lanhdao", is_staff=True, is_superuser=False))


def log_in(page, username: str, next_path: str = "/dashboard/"):
    """Log in through the real admin login form, as a person would."""
    page.goto(next_path)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state()


@pytest.fixture
def leader_page(page, leader):
    log_in(page, leader.username)
    return page


@pytest.fixture
def staff_member(transactional_db):
    """A department staff member (chuyên viên): adds, changes, imports and exports records."""
    setup_roles()
    user = UserFactory(username="chuyenvien", is_staff=True)
    user.groups.add(Group.objects.get(name=STAFF))
    return user


def staff_tab(browser, live_server, language: str, width: int):
    """A browser tab speaking `language` ("vi" or "en") at `width` px, in the city's time zone."""
    context = browser.new_context(
        locale="vi-VN" if language == "vi" else "en-US",
        timezone_id="Asia/Ho_Chi_Minh",
        base_url=live_server.url,
        viewport={"width": width, "height": 900 if width > 500 else 844},
        accept_downloads=True,
    )
    return context, context.new_page()


def page_width(tab) -> int:
    return tab.evaluate("document.documentElement.scrollWidth")
