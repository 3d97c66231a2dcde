import os
import subprocess
import sys
from pathlib import Path

import pytest
from django import forms
from django.utils import formats, translation

from foreignaffairs.settings import load_local_env

ROOT = Path(__file__).resolve().parents[2]


def run_django(code: str, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(DJANGO_SETTINGS_MODULE="foreignaffairs.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_ddmmyyyy_is_read_day_first_in_vietnamese():
    field = forms.DateField()
    with translation.override("vi"):
        parsed = field.clean("03/04/2026")
    assert (parsed.day, parsed.month, parsed.year) == (3, 4, 2026)


def test_ddmmyyyy_is_read_day_first_in_english_too():
    with translation.override("en"):
        parsed = forms.DateField().clean("03/04/2026")
    assert (parsed.day, parsed.month) == (3, 4)


def test_dates_are_shown_as_ddmmyyyy():
    import datetime

    with translation.override("vi"):
        assert formats.date_format(datetime.date(2026, 4, 3), "SHORT_DATE_FORMAT") == "03/04/2026"


def test_production_refuses_to_start_without_secret_key():
    result = run_django("import django; django.setup()", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_secret_key():
    result = run_django("import django; django.setup(); print('ok')", DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_production_settings_pass_check_deploy():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="ngoaivu.example.gov.vn",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://ngoaivu.example.gov.vn",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("variable", ["SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE"])
def test_production_defaults_are_secure(variable):
    result = run_django(
        f"import django; django.setup(); from django.conf import settings; "
        f"print(settings.{variable})",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 50,
    )
    assert result.stdout.strip() == "True", result.stderr


def test_a_developers_local_env_file_does_not_override_the_environment(tmp_path, monkeypatch):
    local = tmp_path / ".env"
    local.write_text("# comment\nFA_TEST_DEBUG=1\nFA_TEST_KEPT = local\n", encoding="utf-8")
    monkeypatch.delenv("FA_TEST_DEBUG", raising=False)
    monkeypatch.setenv("FA_TEST_KEPT", "from-environment")
    load_local_env(local)
    assert os.environ["FA_TEST_DEBUG"] == "1"
    assert os.environ["FA_TEST_KEPT"] == "from-environment"
    monkeypatch.delenv("FA_TEST_DEBUG")
