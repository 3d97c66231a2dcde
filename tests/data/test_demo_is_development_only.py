"""The demo is for development: its commands refuse to run with DEBUG off (unless --force), and
a production process never loads the demo package."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def run_production(code: str) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter with production-like settings (DEBUG off)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="foreignaffairs.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.django_db
def test_ensure_demo_admin_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_demo_admin", verbosity=0)
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("debug", "args"), [(True, []), (False, ["--force"])])
def test_ensure_demo_admin_creates_the_admin_in_development_or_when_forced(settings, debug, args):
    settings.DEBUG = debug
    call_command("ensure_demo_admin", *args, verbosity=0)
    admin = get_user_model().objects.get()
    assert admin.username == "admin" and admin.is_superuser


def test_a_production_process_never_imports_the_demo():
    result = run_production(
        "import sys, django\n"
        "django.setup()\n"
        "from django.contrib import admin\n"
        "from django.urls import get_resolver\n"
        "import foreignaffairs.urls\n"
        "from foreignaffairs.wsgi import application\n"
        "admin.autodiscover()\n"
        "get_resolver().url_patterns\n"
        "print(sorted(name for name in sys.modules if name.startswith('foreignaffairs.demo')))\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_loading_the_demo_commands_does_not_import_the_demo():
    """The commands import it inside handle(), after their DEBUG check."""
    result = run_production(
        "import sys, django\n"
        "django.setup()\n"
        "from django.core.management import load_command_class\n"
        "load_command_class('foreignaffairs', 'seed_demo')\n"
        "load_command_class('foreignaffairs', 'ensure_demo_admin')\n"
        "print('foreignaffairs.demo' in sys.modules)\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_seed_demo_refuses_in_production_before_importing_the_demo():
    result = run_production(
        "import sys, django\n"
        "django.setup()\n"
        "from django.core.management import CommandError, call_command\n"
        "try:\n"
        "    call_command('seed_demo', verbosity=0)\n"
        "except CommandError as error:\n"
        "    print('refused' if 'DEBUG' in str(error) else error)\n"
        "print('foreignaffairs.demo' in sys.modules)\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["refused", "False"]
