"""Jobs queued on Redis are run by a real Celery worker (CI runs these with Redis up)."""

import datetime
import os
import uuid
from importlib import import_module

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.apps import apps as django_apps
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from agreements.services import save_agreement
from delegations.models import Delegation
from foreignaffairs.celery import app as project_app
from foreignaffairs.core.spreadsheets import jobs
from foreignaffairs.deadlines import tasks
from foreignaffairs.deadlines.models import DigestLog
from tests.excel.conftest import DELEGATION_HEADERS, xlsx_bytes
from tests.excel.rows import CHILE, JAPAN
from tests.factories import AgreementFactory, UserFactory

BROKER_URL = os.getenv("CELERY_TEST_BROKER_URL", "redis://127.0.0.1:6379/3")


def redis_is_up() -> bool:
    try:
        return redis.Redis.from_url(BROKER_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def redis_app():
    """An app configured like the project's (foreignaffairs/celery.py, settings), but sending
    to Redis instead of running jobs in-process; a separate instance, so that the project's
    app keeps its in-process settings for the other tests. Each test has a queue of its own:
    tests run in parallel (pytest-xdist) each on its own database, and a worker must never
    take another test's job."""
    if not redis_is_up():
        if os.getenv("CELERY_TEST_REQUIRE_BROKER") == "1":
            pytest.fail(f"No Redis at {BROKER_URL}")
        pytest.skip(f"no Redis at {BROKER_URL}")
    queue = f"test-{uuid.uuid4().hex}"
    worker_app = Celery(project_app.main, set_as_current=False)
    worker_app.config_from_object("django.conf:settings", namespace="CELERY")
    worker_app.conf.update(
        task_always_eager=False,
        broker_url=BROKER_URL,
        result_backend=BROKER_URL,
        task_default_queue=queue,
    )
    yield worker_app
    worker_app.close()
    redis.Redis.from_url(BROKER_URL).delete(queue)


@pytest.mark.django_db(transaction=True)  # the worker's thread reads what the test committed
def test_the_daily_reminders_run_on_a_real_worker(redis_app):
    # An earlier transactional test (the browser tests) empties the tables, the rules the
    # migrations seed included: seed them again as the migration does.
    seed_rules = import_module("foreignaffairs.deadlines.migrations.0002_default_rules").add_rules
    seed_rules(django_apps, None)
    lan = UserFactory(username="lan", email="lan@example.invalid")
    save_agreement(
        AgreementFactory(title="MOU với Osaka", signed_on=datetime.date(2026, 3, 2), created_by=lan)
    )

    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        result = redis_app.tasks[tasks.send_reminders.name].delay("2026-03-12")
        sent = result.get(timeout=60)

    assert sent == 1
    assert [message.to for message in mail.outbox] == [["lan@example.invalid"]]
    assert DigestLog.objects.get().user == lan


@pytest.mark.django_db(transaction=True)
def test_a_large_import_runs_on_a_real_worker(redis_app, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("doan.xlsx", xlsx_bytes(DELEGATION_HEADERS, [CHILE, JAPAN]))
    job = jobs.ImportJob.objects.create(
        model_label="delegations.delegation",
        resource_path="delegations.resources.DelegationResource",
        file=upload,
        file_name="doan.xlsx",
        rows_total=2,
    )

    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        state = redis_app.tasks[jobs.run_import_job.name].delay(job.pk).get(timeout=60)

    assert state == "done"
    assert Delegation.objects.count() == 2
