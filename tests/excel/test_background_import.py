"""Files too large to preview are imported by a background job: the page returns at once,
shows progress, and ends all or nothing like the preview's import."""

import datetime
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from delegations.models import Delegation
from foreignaffairs.core.spreadsheets import jobs
from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE
from tests.excel.conftest import DELEGATION_HEADERS, xlsx_bytes
from tests.excel.rows import CHILE, JAPAN
from tests.excel.test_admin import IMPORT_URL, XLSX_FORMAT
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PERU = ["Đoàn vào", "Đoàn Lima", "Lãnh đạo địa phương", "Peru", "02/05/2024", "Đã thực hiện"]
BAD_DATE = ["Đoàn vào", "Đoàn A", "Khác", "Lào", "31/02/2024", "Đã thực hiện"]


@pytest.fixture(autouse=True)
def small_preview_limit(settings, tmp_path):
    """Anything past two rows goes to the background; uploads are kept in a temporary folder."""
    settings.IMPORT_ADMIN_MAX_ROWS = 2
    settings.MEDIA_ROOT = tmp_path


def upload_file(client, rows, name="doan-lon.xlsx"):
    file = SimpleUploadedFile(name, xlsx_bytes(DELEGATION_HEADERS, rows), XLSX_CONTENT_TYPE)
    return client.post(IMPORT_URL, {"import_file": file, "format": XLSX_FORMAT})


def job_url(job):
    return reverse("admin:delegations_delegation_import_job", args=[job.pk])


def test_a_large_file_is_queued_and_the_page_returns_at_once(admin_client):
    response = upload_file(admin_client, [CHILE, JAPAN, PERU])

    job = jobs.ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == job_url(job)
    # Queued, not run: the job starts when the request's transaction commits.
    assert job.state == jobs.ImportJob.State.QUEUED
    assert Delegation.objects.count() == 0
    page = admin_client.get(job_url(job))
    assert "Đang chờ" in page.text
    assert "Đã kiểm tra 0/3 dòng" in page.text


def test_the_job_imports_the_whole_file_and_says_so(
    admin_client, superuser, django_capture_on_commit_callbacks, mailoutbox
):
    superuser.email = "lan@example.invalid"
    superuser.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload_file(admin_client, [CHILE, JAPAN, PERU])

    job = jobs.ImportJob.objects.get()
    assert job.state == jobs.ImportJob.State.DONE
    assert (job.new, job.updated, job.rows_checked) == (3, 0, 3)
    assert Delegation.objects.count() == 3
    assert set(Delegation.objects.values_list("created_by", flat=True)) == {superuser.pk}
    assert not job.file  # the stored upload is deleted once imported
    page = admin_client.get(response.url)
    assert "Đã nhập xong 3 dòng: 3 bản ghi mới, 0 bản ghi cập nhật" in page.text
    # Told by e-mail too, having perhaps left the page.
    (mail,) = mailoutbox
    assert mail.to == ["lan@example.invalid"]
    assert mail.subject == "Nhập tệp “doan-lon.xlsx”: đã xong"
    assert "đã nhập xong 3 dòng: 3 bản ghi mới" in mail.body
    assert mail.body.strip().endswith(response.url)


def test_a_file_with_a_bad_row_writes_nothing_and_lists_the_problem(
    admin_client, superuser, django_capture_on_commit_callbacks, mailoutbox
):
    superuser.email = "lan@example.invalid"
    superuser.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload_file(admin_client, [CHILE, JAPAN, BAD_DATE])

    job = jobs.ImportJob.objects.get()
    assert job.state == jobs.ImportJob.State.FAILED
    assert Delegation.objects.count() == 0
    assert (job.new, job.updated) == (0, 0)
    page = admin_client.get(response.url)
    assert "Không nhập được tệp, không có dòng nào được ghi: 1 lỗi." in page.text
    # The row as the spreadsheet numbers it (the header is row 1).
    assert "<td>4</td>" in page.text
    assert "“31/02/2024” không phải ngày hợp lệ" in page.text
    (mail,) = mailoutbox
    assert mail.subject == "Nhập tệp “doan-lon.xlsx”: không nhập được"
    assert "- Dòng 4: Ngày bắt đầu: “31/02/2024” không phải ngày hợp lệ" in mail.body


def test_a_mail_server_that_does_not_answer_loses_the_mail_not_the_import(
    admin_client, superuser, django_capture_on_commit_callbacks, settings, mailoutbox
):
    superuser.email = "lan@example.invalid"
    superuser.save()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    with django_capture_on_commit_callbacks(execute=True):
        upload_file(admin_client, [CHILE, JAPAN, BAD_DATE])

    job = jobs.ImportJob.objects.get()
    assert job.state == jobs.ImportJob.State.FAILED
    assert job.problem_count == 1


def test_a_job_no_worker_takes_says_so(admin_client):
    upload_file(admin_client, [CHILE, JAPAN, PERU])
    job = jobs.ImportJob.objects.get()
    assert "chưa có máy chủ nào nhận nhập" not in admin_client.get(job_url(job)).text

    jobs.ImportJob.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=3))

    assert "chưa có máy chủ nào nhận nhập" in admin_client.get(job_url(job)).text


def test_the_progress_page_reads_the_rows_checked_while_the_job_runs(admin_client, superuser):
    job = jobs.ImportJob.objects.create(
        model_label="delegations.delegation",
        resource_path="delegations.resources.DelegationResource",
        file_name="doan.xlsx",
        user=superuser,
        rows_total=12_000,
        state=jobs.ImportJob.State.RUNNING,
    )
    jobs._record_progress(job.pk, 3_000)

    status = admin_client.get(job_url(job), {"format": "json"}).json()

    assert status == {
        "state": "running",
        "finished": False,
        "rows_checked": 3000,
        "rows_total": 12000,
        "percent": 25,
        "text": "Đã kiểm tra 3.000/12.000 dòng",
    }
    assert 'value="25"' in admin_client.get(job_url(job)).text


def test_a_job_page_belongs_to_whoever_started_it(client, admin_client, staff_user):
    upload_file(admin_client, [CHILE, JAPAN, PERU])
    job = jobs.ImportJob.objects.get()
    client.force_login(staff_user)

    assert client.get(IMPORT_URL).status_code == 200  # staff import too
    assert client.get(job_url(job)).status_code == 404  # but not someone else's job


def test_a_large_file_that_is_not_a_spreadsheet_is_refused_on_the_form(admin_client):
    file = SimpleUploadedFile("doan.txt", b"a\nb\nc\nd\n", content_type="text/plain")

    response = admin_client.post(IMPORT_URL, {"import_file": file, "format": "1"})

    assert "Tệp lớn chỉ nhập được dạng .xlsx hoặc .csv." in response.text
    assert not jobs.ImportJob.objects.exists()


def test_the_import_page_lists_recent_background_imports(
    admin_client, django_assert_max_num_queries
):
    for _ in range(3):
        upload_file(admin_client, [CHILE, JAPAN, PERU])

    with django_assert_max_num_queries(12):
        page = admin_client.get(IMPORT_URL)

    assert page.text.count("doan-lon") == 3
    assert "Các lần nhập tệp lớn gần đây" in page.text
    with django_assert_max_num_queries(8):
        admin_client.get(job_url(jobs.ImportJob.objects.first()))


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_one_model_run_one_after_the_other(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises every write)")
    user = UserFactory(username="nhap-song-song")
    rows = [CHILE, JAPAN, PERU]
    queued = [
        jobs.ImportJob.objects.create(
            model_label="delegations.delegation",
            resource_path="delegations.resources.DelegationResource",
            file=SimpleUploadedFile(f"doan-{n}.xlsx", xlsx_bytes(DELEGATION_HEADERS, rows)),
            file_name=f"doan-{n}.xlsx",
            user=user,
            rows_total=3,
        )
        for n in (1, 2)
    ]

    def run(job):
        try:
            jobs.run_import_job(job.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in queued]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    finished = jobs.ImportJob.objects.order_by("new")
    assert [job.state for job in finished] == ["done", "done"]
    # The second found the first's records by their natural key: nothing stored twice.
    assert [job.new for job in finished] == [0, 3]
    assert Delegation.objects.count() == 3
