"""Large imports started in the admin, run as a background job (Celery; in-process when no
broker is configured).

The admin stores the uploaded file and queues the job, so no request holds a server worker
for minutes; the job imports the file with `large_files.import_file` (streamed, all or
nothing, one import of a model at a time) and records the result on its `ImportJob`. While it
runs, the rows checked so far are kept in the cache (the import's own transaction hides any
write to the database until it ends), which the admin's progress page reads.
"""

import contextlib
import datetime
import logging
from functools import cached_property

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core.origins import Origin
from foreignaffairs.core.spreadsheets.large_files import import_file
from foreignaffairs.core.stats_cache import CACHE_ERRORS
from foreignaffairs.core.text import number_text

# Problems kept on a failed job (the file's first ones; the count says how many in all).
PROBLEMS_KEPT = 200
# Problems listed in the e-mail that says a job failed (the page lists the rest).
PROBLEMS_MAILED = 20
# A job still waiting after this long has no worker to run it (see README, Background jobs).
WAITING_TOO_LONG = datetime.timedelta(minutes=2)
# How long the cache keeps a running job's progress (longer than any import takes).
PROGRESS_SECONDS = 6 * 3600

logger = logging.getLogger(__name__)


class ImportJobQuerySet(models.QuerySet):
    def started_by(self, user):
        return self.filter(user=user)

    def unfinished(self):
        return self.filter(state__in=[ImportJob.State.QUEUED, ImportJob.State.RUNNING])


class ImportJob(models.Model):
    """One file imported in the background: what, by whom, and how it ended."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Đã nhập xong")
        FAILED = "failed", _("Không nhập được")

    model_label = models.CharField(_("loại bản ghi"), max_length=100)
    # The import-export resource class (dotted path) the admin imports this model with.
    resource_path = models.CharField(max_length=200)
    # Kept under MEDIA_ROOT/imports/ until the job ends; never served.
    file = models.FileField(upload_to="imports/", blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    origin = models.CharField(
        _("đơn vị gốc của tệp"), max_length=20, choices=Origin.choices, blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("tình trạng"), max_length=10, choices=State.choices, default=State.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("số dòng của tệp"), default=0)
    rows_checked = models.PositiveIntegerField(_("số dòng đã kiểm tra"), default=0)
    new = models.PositiveIntegerField(_("thêm mới"), default=0)
    updated = models.PositiveIntegerField(_("cập nhật"), default=0)
    skipped = models.PositiveIntegerField(_("không đổi"), default=0)
    # [[row as the spreadsheet numbers it (0: the whole file), message], …]
    problems = models.JSONField(_("lỗi"), default=list, blank=True)
    problem_count = models.PositiveIntegerField(_("số lỗi"), default=0)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        app_label = "foreignaffairs"
        verbose_name = _("lượt nhập tệp")
        verbose_name_plural = _("lượt nhập tệp")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["queued", "running", "done", "failed"]),
                name="foreignaffairs_importjob_state_valid",
            ),
        ]

    def __str__(self):
        return self.file_name

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}

    @property
    def waiting_too_long(self) -> bool:
        return (
            self.state == self.State.QUEUED
            and self.created_at is not None
            and timezone.now() - self.created_at > WAITING_TOO_LONG
        )

    @cached_property
    def progress(self) -> int:
        """The rows checked so far: the cache's count while the job runs (read once per
        request: the page and its status show it several ways)."""
        if self.state != self.State.RUNNING:
            return self.rows_checked if self.finished else 0
        try:
            return cache.get(_progress_key(self.pk)) or 0
        except CACHE_ERRORS:
            return 0  # progress unknown; the job's end is recorded in the database

    def numbers(self) -> dict[str, str]:
        """Its counts as the page and the e-mail write them ("10.000")."""
        return {
            name: number_text(getattr(self, name))
            for name in ("rows_total", "rows_checked", "new", "updated", "skipped")
        }

    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return min(100 * self.progress // self.rows_total, 99) if self.rows_total else 0


def _progress_key(job_id: int) -> str:
    return f"import-job:{job_id}:rows"


def _record_progress(job_id: int, rows: int) -> None:
    with contextlib.suppress(CACHE_ERRORS):  # no progress shown; the import goes on
        cache.set(_progress_key(job_id), rows, PROGRESS_SECONDS)


def start_import(*, resource_class, upload, user, rows_total: int, origin: str = "") -> ImportJob:
    """Store the uploaded file and queue its import once this transaction commits."""
    model = resource_class._meta.model
    job = ImportJob(
        model_label=model._meta.label_lower,
        resource_path=f"{resource_class.__module__}.{resource_class.__qualname__}",
        file_name=upload.name[:255],
        origin=origin or "",
        user=user,
        rows_total=rows_total,
    )
    job.file.save(upload.name, upload, save=False)
    job.save()
    transaction.on_commit(lambda: run_import_job.delay(job.pk))
    return job


@shared_task
def run_import_job(job_id: int) -> str:
    """Import a queued job's file, all or nothing, and record how it ended. Run again after a
    worker died mid-way (acks late), it starts over: the dead run's transaction rolled back."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.finished:
        return "missing" if job is None else job.state
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.RUNNING)
    _record_progress(job.pk, 0)
    try:
        summary = import_file(
            import_string(job.resource_path),
            job.file.path,
            user=job.user,
            origin=job.origin or None,
            progress=lambda rows: _record_progress(job.pk, rows),
        )
    except (OSError, ValueError) as error:
        _finish(job, problems=[(0, str(error))])
    except Exception:
        # Recorded on the job and logged, not raised: running it again would fail the same
        # way, and an in-process run (no broker) must not turn the admin's page into an error.
        logger.exception("Import job %s failed", job.pk)
        _finish(job, problems=[(0, gettext("Có lỗi hệ thống khi nhập tệp; hãy báo quản trị."))])
    else:
        _finish(
            job,
            problems=summary.errors,
            rows=summary.rows,
            counts={"new": summary.new, "updated": summary.updated, "skipped": summary.skipped},
        )
    return job.state


def _finish(job: ImportJob, *, problems, rows: int = 0, counts=None) -> None:
    """Record the end of a job and delete its file: the records now hold what it brought.
    A failed job wrote nothing, so it counts no new or updated record."""
    job.state = ImportJob.State.FAILED if problems else ImportJob.State.DONE
    job.rows_checked = rows
    if not problems:
        job.new, job.updated, job.skipped = counts["new"], counts["updated"], counts["skipped"]
    job.problem_count = len(problems)
    job.problems = [[row, message] for row, message in problems[:PROBLEMS_KEPT]]
    job.finished_at = timezone.now()
    if job.file:
        job.file.delete(save=False)
    job.save()
    mail_result(job)


def job_url(job: ImportJob) -> str:
    app_label, model_name = job.model_label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_import_job", args=[job.pk])


def mail_result(job: ImportJob) -> None:
    """Tell whoever started the job how it ended: they may have left its page long ago. A
    mail server that does not answer loses the e-mail, not the import."""
    user = job.user
    if user is None or not user.email:
        return
    with translation.override("vi"):
        context = {
            "user": user,
            "job": job,
            "numbers": job.numbers(),
            "problems": job.problems[:PROBLEMS_MAILED],
            "job_url": settings.SITE_URL + job_url(job),
        }
        subject = (
            gettext("Nhập tệp “%(name)s”: đã xong")
            if job.state == ImportJob.State.DONE
            else gettext("Nhập tệp “%(name)s”: không nhập được")
        ) % {"name": job.file_name}
        body = render_to_string("admin/foreignaffairs/email/import_job.txt", context)
    try:
        EmailMessage(subject, body, to=[user.email]).send()
    except OSError:
        logger.exception("Import job %s: result not mailed to %s", job.pk, user.email)
