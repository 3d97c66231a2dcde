"""Large imports from the admin's import page, run as background jobs with a progress page.

A file of up to `IMPORT_ADMIN_MAX_ROWS` rows is previewed, then confirmed, as import-export
does. A larger one (up to `IMPORT_BACKGROUND_MAX_ROWS`) is stored and imported by a background
job (`spreadsheets.jobs`), all or nothing and without preview, so the request returns at once;
its page shows the rows checked so far and, at the end, what was imported or every problem.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from foreignaffairs.core.spreadsheets import jobs
from foreignaffairs.core.text import number_text

# Recent background imports listed on a model's import page.
RECENT_JOBS_SHOWN = 5
# File types the background job reads (streamed).
BACKGROUND_SUFFIXES = (".xlsx", ".csv")


def runs_in_background(rows: int) -> bool:
    return rows > settings.IMPORT_ADMIN_MAX_ROWS


def progress_text(job: jobs.ImportJob) -> str:
    return _("Đã kiểm tra %(checked)s/%(total)s dòng") % {
        "checked": number_text(job.progress),
        "total": number_text(job.rows_total),
    }


class BackgroundImportMixin:
    """For `DomainAdmin`: the import page sends files past the preview limit to a job."""

    import_job_template = "admin/foreignaffairs/import_job.html"

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "import/jobs/<int:job_id>/",
                self.admin_site.admin_view(self.import_job_view),
                name=f"{opts.app_label}_{opts.model_name}_import_job",
            ),
            *super().get_urls(),
        ]

    def create_import_form(self, request):
        # Checked once per request: import_action below and import-export's both ask for it.
        if not hasattr(request, "_import_form"):
            request._import_form = super().create_import_form(request)
        return request._import_form

    def import_action(self, request, **kwargs):
        if request.method == "POST" and self.has_import_permission(request):
            form = self.create_import_form(request)
            if form.is_valid() and form.background_rows:
                return self.start_background_import(request, form)
        response = super().import_action(request, **kwargs)
        if hasattr(response, "context_data"):  # not yet rendered: add the recent jobs
            response.context_data["import_jobs"] = [
                (job, jobs.job_url(job))
                for job in self.own_import_jobs(request)[:RECENT_JOBS_SHOWN]
            ]
            response.context_data["preview_rows"] = number_text(settings.IMPORT_ADMIN_MAX_ROWS)
        return response

    def start_background_import(self, request, form):
        with transaction.atomic():
            job = jobs.start_import(
                resource_class=self.choose_import_resource_class(form, request),
                upload=form.cleaned_data["import_file"],
                user=request.user,
                rows_total=form.background_rows,
                origin=form.cleaned_data.get("origin") or "",
            )
        return HttpResponseRedirect(jobs.job_url(job))

    def own_import_jobs(self, request):
        jobs_here = jobs.ImportJob.objects.filter(model_label=self.model._meta.label_lower)
        if not request.user.is_superuser:
            jobs_here = jobs_here.started_by(request.user)
        return jobs_here

    def import_job_view(self, request, job_id):
        """A background import's progress (`?format=json` for the page's script) or its end."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        job = get_object_or_404(self.own_import_jobs(request), pk=job_id)
        if request.GET.get("format") == "json":
            return JsonResponse(
                {
                    "state": job.state,
                    "finished": job.finished,
                    "rows_checked": job.progress,
                    "rows_total": job.rows_total,
                    "percent": job.percent(),
                    "text": progress_text(job),
                }
            )
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": _("Nhập tệp “%(name)s”") % {"name": job.file_name},
            "subtitle": capfirst(opts.verbose_name_plural),
            "job": job,
            "progress_text": progress_text(job),
            "numbers": job.numbers(),
            "problems_not_shown": job.problem_count - len(job.problems),
        }
        return TemplateResponse(request, self.import_job_template, context)


def check_background_file(name: str) -> None:
    if not name.lower().endswith(BACKGROUND_SUFFIXES):
        raise ValueError(_("Tệp lớn chỉ nhập được dạng .xlsx hoặc .csv."))
