"""Background jobs (Celery). The broker is Redis (`CELERY_BROKER_URL`, else `REDIS_URL`);
with neither set, every job runs in-process when it is queued (`CELERY_TASK_ALWAYS_EAGER`),
so `make run` needs nothing more. See README, "Background jobs"."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foreignaffairs.settings")

app = Celery("foreignaffairs")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
