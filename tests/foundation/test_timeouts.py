"""Deployment: gunicorn's timeout and PostgreSQL's statement timeout, from the environment,
the statement timeout the shorter (a slow query fails, with a logged error, before the worker
is killed)."""

import runpy
from pathlib import Path

import pytest
from django.db import connection

from tests.foundation.test_settings import run_django

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = "postgres://user@127.0.0.1:5432/foreignaffairs"
OPTIONS = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"


def gunicorn_settings(monkeypatch, **env) -> dict:
    for name in ("GUNICORN_TIMEOUT", "WEB_CONCURRENCY", "GUNICORN_BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_postgresql_connections_cancel_statements_after_30_seconds():
    result = run_django(OPTIONS, DJANGO_DEBUG="1", DATABASE_URL=POSTGRES)
    assert "statement_timeout=30000" in result.stdout, result.stderr


def test_the_statement_timeout_comes_from_the_environment():
    result = run_django(
        OPTIONS, DJANGO_DEBUG="1", DATABASE_URL=POSTGRES, DJANGO_DB_STATEMENT_TIMEOUT="5"
    )
    assert "statement_timeout=5000" in result.stdout, result.stderr


def test_gunicorn_kills_a_worker_after_a_minute_by_default(monkeypatch):
    config = gunicorn_settings(monkeypatch)
    assert (config["timeout"], config["workers"], config["bind"]) == (60, 3, "127.0.0.1:8000")


def test_gunicorn_settings_come_from_the_environment(monkeypatch):
    config = gunicorn_settings(
        monkeypatch, GUNICORN_TIMEOUT="90", WEB_CONCURRENCY="2", GUNICORN_BIND="127.0.0.1:8018"
    )
    assert (config["timeout"], config["workers"], config["bind"]) == (90, 2, "127.0.0.1:8018")


def test_the_statement_timeout_is_shorter_than_gunicorns(monkeypatch, settings):
    assert gunicorn_settings(monkeypatch)["timeout"] > settings.DB_STATEMENT_TIMEOUT_SECONDS


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout")
@pytest.mark.django_db
def test_the_database_session_has_the_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "30s"
