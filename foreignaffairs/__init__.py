# The Celery app, loaded with Django so that `@shared_task` jobs use it (Celery's convention).
from foreignaffairs.celery import app as celery_app

__all__ = ["celery_app"]
