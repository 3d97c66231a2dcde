"""Background jobs (Celery; in-process when no broker is configured)."""

import datetime

from celery import shared_task

from foreignaffairs.deadlines import reminders, services


@shared_task
def sync_all_deadlines() -> int:
    """Work out every record's deadlines again (after a rule or a day off changed)."""
    return services.sync_all()


@shared_task
def send_reminders(day: str | None = None) -> int:
    """Send the day's digests (`day` as YYYY-MM-DD, default today). Returns how many."""
    return reminders.send_digests(datetime.date.fromisoformat(day) if day else None)


@shared_task
def daily_reminders() -> int:
    """Celery beat, every morning: the deadlines reconciled with the rules, then the digests."""
    services.sync_all()
    return reminders.send_digests()
