"""No English and no "None" on the admin pages staff reach by doing something, beyond those
a link opens (test_no_english_in_admin): an import's preview and its bad rows, a refused form,
an earlier version of a record, and the logins with their lockout page."""

import io

import pytest
from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook

from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE
from tests.excel.conftest import xlsx_bytes
from tests.i18n.test_no_english_in_admin import english_patterns, leaks_in

pytestmark = pytest.mark.django_db

XLSX_FORMAT = "0"  # DomainAdmin.formats


def admin_url(model, page: str, *args) -> str | None:
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=args)
    except NoReverseMatch:
        return None


def exported_file(client, model) -> bytes:
    """The model's records as its export page writes them (every column)."""
    url = admin_url(model, "export")
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    form = page.context["form"]
    columns = {
        name: "on" for name, field in form.fields.items() if isinstance(field, forms.BooleanField)
    }
    response = client.post(url, {**columns, "format": XLSX_FORMAT})
    return b"".join(response.streaming_content)


def preview(client, model, content: bytes):
    file = SimpleUploadedFile("tep.xlsx", content, content_type=XLSX_CONTENT_TYPE)
    return client.post(admin_url(model, "import"), {"import_file": file, "format": XLSX_FORMAT})


def with_a_bad_row(content: bytes) -> bytes:
    """The exported file with one more row whose every cell is wrong."""
    sheet = load_workbook(io.BytesIO(content)).active
    headers = [cell.value for cell in sheet[1]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    return xlsx_bytes(headers, [*rows, ["???"] * len(headers)])


def acted_pages(client):
    """(what was done, its page) for each importable model and each model's forms (the
    client is an administrator's: every page is offered)."""
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        if getattr(model_admin, "resource_classes", None):  # imported and exported
            content = exported_file(client, model)
            yield f"{label}: import preview", preview(client, model, content)
            yield f"{label}: import with a bad row", preview(client, model, with_a_bad_row(content))
        if add := admin_url(model, "add"):
            response = client.post(add, {})
            if response.status_code == 200:
                yield f"{label}: refused add form", response
        first = model._default_manager.order_by("pk").first()
        if hasattr(model, "history") and first is not None:
            version = first.history.order_by("history_date").first()  # the record's own
            if version and (url := admin_url(model, "simple_history", first.pk, version.pk)):
                yield f"{label}: an earlier version", client.get(url)


def test_pages_reached_by_importing_refusing_and_restoring_show_no_english(admin_client, records):
    patterns = english_patterns()
    leaks, seen = {}, {}
    for name, response in acted_pages(admin_client):
        assert response.status_code == 200, (name, response.status_code)
        seen[name] = response.content.decode()
        if found := leaks_in(seen[name], patterns):
            leaks[name] = found

    assert "Xác nhận nhập" in seen["delegations.Delegation: import preview"]
    assert "Một số dòng có lỗi" in seen["agreements.Agreement: import with a bad row"]
    assert "Cần sửa các trường sau:" in seen["plans.AnnualPlan: refused add form"]
    assert "Khôi phục" in seen["delegations.Delegation: an earlier version"]
    assert leaks == {}, "\n".join(f"{name}: {found}" for name, found in leaks.items())


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_logins_and_the_lockout_page_show_no_english(client, superuser):
    patterns = english_patterns()
    pages = {
        "admin login": client.get("/admin/login/"),
        "leaders' login": client.get("/login/"),
        "refused login": client.post("/login/", {"username": "quantri", "password": "sai"}),
        "lockout": client.post("/admin/login/", {"username": "quantri", "password": "sai"}),
    }

    assert pages["lockout"].status_code == 429
    leaks = {
        name: found
        for name, response in pages.items()
        if (found := leaks_in(response.content.decode(), patterns))
    }
    assert leaks == {}
