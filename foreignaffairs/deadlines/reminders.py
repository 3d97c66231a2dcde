"""The daily e-mail digest: to each person, what is due within 7 days and what is overdue,
once a day at most (`DigestLog`, one row per person and day, unique in the database)."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from foreignaffairs.deadlines.models import DIGEST_WITHIN_DAYS, Deadline, DigestLog

logger = logging.getLogger(__name__)


def is_reminded(deadline: Deadline, today: datetime.date) -> bool:
    """Whether today's digest names this deadline, by its rule's reminder days."""
    days_left = (deadline.due_on - today).days
    if days_left < 0:
        return (-days_left) % deadline.rule.overdue_every == 0
    return days_left in deadline.rule.reminder_offsets()


def digest_items(user, today: datetime.date) -> tuple[list[Deadline], list[Deadline]]:
    """(overdue, due soon) deadlines of `user` that today's digest names."""
    rows = Deadline.objects.pending().assigned_to(user).with_records().order_by("due_on", "id")
    overdue, soon = [], []
    for deadline in rows:
        if not is_reminded(deadline, today):
            continue
        (overdue if deadline.due_on < today else soon).append(deadline)
    return overdue, soon


def recipients():
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, deadlines__done_on__isnull=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def send_digest(user, today: datetime.date) -> bool:
    """Send `user` today's digest, unless it was sent already or there is nothing to say.
    The log row and the sending are one transaction: if the mail server refuses, no row is
    kept and the next run tries again."""
    overdue, soon = digest_items(user, today)
    if not (overdue or soon):
        return False
    try:
        with transaction.atomic():
            DigestLog.objects.create(user=user, day=today, deadline_count=len(overdue) + len(soon))
            with translation.override("vi"):
                context = {
                    "user": user,
                    "today": today,
                    "overdue": overdue,
                    "soon": soon,
                    "within_days": DIGEST_WITHIN_DAYS,
                    "todo_url": settings.SITE_URL + reverse("deadlines:todo"),
                }
                subject = _(
                    "Việc cần làm ngày %(day)s: %(overdue)d quá hạn, %(soon)d sắp đến hạn"
                ) % {
                    "day": today.strftime("%d/%m/%Y"),
                    "overdue": len(overdue),
                    "soon": len(soon),
                }
                body = render_to_string("deadlines/email/digest.txt", context)
            EmailMessage(subject, body, to=[user.email]).send()
    except IntegrityError:
        return False  # already sent today (another run got there first)
    return True


def send_digests(today: datetime.date | None = None) -> int:
    """Today's digests to everyone with something due; returns how many were sent."""
    today = today or timezone.localdate()
    already = set(DigestLog.objects.filter(day=today).values_list("user_id", flat=True))
    sent = 0
    for user in recipients():
        if user.pk in already:
            continue
        try:
            sent += send_digest(user, today)
        except OSError:
            logger.exception("Digest to %s not sent", user.email)
    return sent
