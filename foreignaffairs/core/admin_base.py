"""What every admin page for the department's records shares."""

from dataclasses import dataclass
from functools import cached_property

import import_export.forms
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, connections
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst, smart_split, unescape_string_literal
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV
from import_export.forms import ConfirmImportForm, SelectableFieldsExportForm

from foreignaffairs.core import search, stats_cache
from foreignaffairs.core.admin_exports import StreamingExportMixin
from foreignaffairs.core.admin_filters import BoundedChangeList
from foreignaffairs.core.admin_history import HistoryAdminMixin
from foreignaffairs.core.admin_imports import (
    BackgroundImportMixin,
    check_background_file,
    runs_in_background,
)
from foreignaffairs.core.country_names import country_names
from foreignaffairs.core.date_input import DayFirstDates
from foreignaffairs.core.integrity import constraint_message
from foreignaffairs.core.origins import Origin, with_named_origins
from foreignaffairs.core.roles import can_delete
from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE
from foreignaffairs.core.spreadsheets.formats import CSV_ENCODING, XLSX, file_name
from foreignaffairs.core.spreadsheets.large_files import row_messages
from foreignaffairs.core.spreadsheets.limits import check_upload
from foreignaffairs.core.spreadsheets.templates import IMPORT_HELP, template_workbook
from foreignaffairs.core.text import number_text

# Problems a failed confirmation lists in its message (the preview lists them all).
MESSAGES_SHOWN = 10
# Past this many rows a list says "hơn 10.000" instead of counting them all.
COUNT_CAP = 10_000


class ApproximateCount(int):
    """A row count the list shows as "khoảng 1.009.000" (estimated) or "hơn 10.000"
    (counted up to the cap); it pages like the number it holds."""

    def __new__(cls, value: int, text: str):
        count = super().__new__(cls, value)
        count.text = text
        return count

    def __str__(self):
        return self.text


def capped_count_and_estimate(queryset) -> tuple[int, int | None]:
    """The rows of `queryset` counted up to COUNT_CAP + 1, and PostgreSQL's estimate of the
    rows in its table (kept by ANALYZE and autovacuum; None on SQLite or before the first
    ANALYZE), in one query."""
    capped = queryset.order_by().values("pk")[: COUNT_CAP + 1]
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return capped.count(), None
    sql, params = capped.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT count(*) FROM ({sql}) capped),"
            " (SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass)",
            [*params, connection.ops.quote_name(queryset.model._meta.db_table)],
        )
        counted, estimate = cursor.fetchone()
    return counted, estimate if estimate is not None and estimate >= 0 else None


class LargeTablePaginator(Paginator):
    """The admin lists' paginator for tables of millions of rows.

    It counts at most COUNT_CAP + 1 rows (`SELECT count(*) FROM (... LIMIT 10001)`), so the
    count costs about the same whatever the table's size; past the cap a filtered list says
    "hơn 10.000" and the unfiltered one takes PostgreSQL's estimate of the table's rows
    ("khoảng 1.009.000"), read in the same query.
    """

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if queryset.query.where:
            counted, estimate = queryset.order_by()[: COUNT_CAP + 1].count(), None
        else:
            counted, estimate = capped_count_and_estimate(queryset)
        if counted <= COUNT_CAP:
            return counted
        if estimate is not None and estimate > COUNT_CAP:
            return ApproximateCount(estimate, _("khoảng %(n)s") % {"n": number_text(estimate)})
        return ApproximateCount(counted, _("hơn %(n)s") % {"n": number_text(COUNT_CAP)})


class CachedCountryFilter(CountryFilter):
    """django-countries' filter (the countries that occur in the list), with the countries
    looked up once per data version: finding them reads the whole table."""

    def lookup_choices(self, changelist):
        model = changelist.model
        codes = stats_cache.cached(
            "countries",
            model._meta.label,
            self.field.name,
            compute=lambda: set(
                model._default_manager.order_by().values_list(self.field.name, flat=True).distinct()
            ),
        )
        for code, name in self.field.get_choices(include_blank=False):
            if code in codes:
                yield code, name


@dataclass(frozen=True)
class ActiveFilter:
    """One condition a list is narrowed by, shown as a chip that removes it."""

    label: str
    remove_url: str


class DomainChangeList(BoundedChangeList):
    """A list whose filters, date and search show as removable chips above the rows (its
    title: `admin_filters.list_title`)."""

    @cached_property
    def active_filters(self) -> list[ActiveFilter]:
        return [*self._filter_chips(), *self._date_chips(), *self._search_chips()]

    def _filter_chips(self):
        for spec in self.filter_specs:
            parameters = spec.expected_parameters()
            if not any(parameter in self.filter_params for parameter in parameters):
                continue
            chosen = [
                str(choice["display"])
                for index, choice in enumerate(spec.choices(self))
                if choice["selected"] and index > 0
            ]
            if not chosen:  # a value no choice lists (e.g. a year with no records)
                chosen = [v for p in parameters for v in self.filter_params.get(p, [])]
            yield ActiveFilter(
                f"{capfirst(spec.title)}: {', '.join(chosen)}",
                self.get_query_string(remove=parameters),
            )

    def _date_chips(self):
        if not self.date_hierarchy:
            return
        field = self.date_hierarchy
        parts = [self.params.get(f"{field}__{part}") for part in ("year", "month", "day")]
        year, month, day = (value[-1] if isinstance(value, list) else value for value in parts)
        if not year:
            return
        if day and month:
            label = _("Ngày %(day)s/%(month)s/%(year)s") % {
                "day": day.zfill(2),
                "month": month.zfill(2),
                "year": year,
            }
        elif month:
            label = _("Tháng %(month)s/%(year)s") % {"month": month, "year": year}
        else:
            label = _("Năm %(year)s") % {"year": year}
        remove = [f"{field}__{part}" for part in ("year", "month", "day")]
        yield ActiveFilter(str(label), self.get_query_string(remove=remove))

    def _search_chips(self):
        if self.query:
            yield ActiveFilter(
                _("Tìm: “%(query)s”") % {"query": self.query},
                self.get_query_string(remove=[SEARCH_VAR]),
            )


# The last fieldset of every domain form: where the information came from, and who entered it.
RECORD_FIELDSET = (
    _("Nguồn và thông tin bản ghi"),
    {
        "fields": ["source", "created_by", "created_at", "updated_at"],
        "classes": ["collapse"],
    },
)
RECORD_READONLY_FIELDS = ["created_by", "created_at", "updated_at"]


def file_origin_field(widget=None) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Tệp của đơn vị gốc"),
        choices=[("", _("Theo cột “Đơn vị gốc” của từng dòng")), *Origin.choices],
        required=False,
        widget=widget,
        help_text=_(
            "Khi nhập hồ sơ của Bình Dương hoặc Bà Rịa – Vũng Tàu cũ: chọn tỉnh đó, mọi dòng của "
            "tệp nhận đơn vị gốc này."
        ),
    )


class ImportForm(import_export.forms.ImportForm):
    """The import form, refusing files larger than the admin imports before reading them
    (`spreadsheets.limits`), and the former province the whole file belongs to (optional).
    `background_rows`: the rows of a file too large to preview, imported by a background job
    (`admin_imports`); 0 for a file previewed first."""

    origin = file_origin_field()
    background_rows = 0

    def clean_import_file(self):
        file = self.cleaned_data["import_file"]
        try:
            rows = check_upload(file, file.name, settings.IMPORT_BACKGROUND_MAX_ROWS)
            if runs_in_background(rows):
                check_background_file(file.name)
                self.background_rows = rows
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        return file


class OriginConfirmImportForm(ConfirmImportForm):
    origin = file_origin_field(widget=forms.HiddenInput)


class ExportForm(SelectableFieldsExportForm):
    """The export form, listing columns by their Vietnamese (or English) header, with Excel
    chosen (the first of `DomainAdmin.formats`)."""

    def __init__(self, formats, *args, **kwargs):
        super().__init__(formats, *args, **kwargs)
        self.fields["format"].initial = "0"

    def _get_field_label(self, resource, field_name):
        return resource.fields[field_name].column_name


class DomainAdmin(
    DayFirstDates,
    BackgroundImportMixin,
    StreamingExportMixin,
    ImportExportMixin,
    HistoryAdminMixin,
):
    """Base admin for the domain records: history (who changed what, when; reverting and
    restoring with the record's links: core.admin_history), authorship, Excel/CSV import and
    export with the model's resource (`resource_classes`), and date boxes that say their
    format (`core.date_input`).

    A searchable model (foreignaffairs.core.search) is searched in its stored search text:
    staff typing "da nang" find "Đà Nẵng", through an index on PostgreSQL. Other models'
    search fields should use the `__unaccent` lookup (e.g. "name__unaccent").
    """

    formats = [XLSX, CSV]
    # The model's resource (e.g. [DelegationResource]); none: no import, export or template.
    resource_classes = []
    export_form_class = ExportForm
    to_encoding = CSV_ENCODING
    import_form_class = ImportForm
    confirm_form_class = OriginConfirmImportForm
    import_template_name = "admin/foreignaffairs/import.html"

    list_per_page = 50
    show_full_result_count = False  # no second COUNT(*) over the whole table on each page
    paginator = LargeTablePaginator
    # Many-to-many fields over a short reference list (pillars, cooperation fields), shown
    # as checkboxes rather than a multiple select.
    checkbox_fields: tuple[str, ...] = ()

    class Media:
        css = {"all": ["foreignaffairs/admin.css"]}

    def get_changelist(self, request, **kwargs):
        return DomainChangeList

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            # The list's bulk delete: only for those allowed to delete anything.
            return super().has_delete_permission(request)
        return can_delete(request.user, obj)

    def action_checkbox(self, obj):
        """Django's row checkbox, written out rather than rendered as a form widget through the
        template engine, which cost a fifth of a list page of 50 rows (the same HTML)."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(gettext("Select this object for an action - {}"), str(obj)),
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A record the database refuses although its form was valid (another person saved
        the same visit a moment before: validation cannot see a write not yet committed) is
        a message on the form's page, not a server error; the admin's transaction has rolled
        everything back."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError as error:
            message = constraint_message(error)
            if message is None:
                raise
            self.message_user(
                request,
                _("%(problem)s Không có gì được lưu; hãy kiểm tra lại.") % {"problem": message},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    # Excel and CSV ------------------------------------------------------------------------

    def get_resource_classes(self, request):
        # Only the declared ones: import-export would otherwise make one of every model field.
        return list(self.resource_classes)

    def has_import_permission(self, request):
        """Importing adds and changes records: both permissions, and a resource to do it."""
        return bool(
            self.get_resource_classes(request)
            and self.has_add_permission(request)
            and self.has_change_permission(request)
        )

    def has_export_permission(self, request):
        return bool(self.get_resource_classes(request) and self.has_view_permission(request))

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "import/template/",
                self.admin_site.admin_view(self.import_template_view),
                name=f"{opts.app_label}_{opts.model_name}_import_template",
            ),
            *super().get_urls(),
        ]

    def import_template_view(self, request):
        """The XLSX template: headers, an example row, a sheet of allowed values."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource_class = self.get_resource_classes(request)[0]
        response = HttpResponse(template_workbook(resource_class), content_type=XLSX_CONTENT_TYPE)
        name = file_name(_("mẫu %(records)s") % {"records": self.model._meta.verbose_name_plural})
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response

    def init_request_context_data(self, request, form):
        """The export page says how many records the file will hold (the list's filters)."""
        context = super().init_request_context_data(request, form)
        counted = self.get_export_queryset(request).order_by()[: COUNT_CAP + 1].count()
        context["export_count"] = (
            _("hơn %(n)s") % {"n": number_text(COUNT_CAP)}
            if counted > COUNT_CAP
            else number_text(counted)
        )
        return context

    def get_export_filename(self, request, queryset, file_format):
        """'doan-vao-doan-ra-2026-11-28.xlsx': the records, in Vietnamese without marks."""
        today = timezone.localdate().isoformat()
        records = self.model._meta.verbose_name_plural
        return file_name(f"{records} {today}", f".{file_format.get_extension()}")

    def process_result(self, result, request):
        """After confirmation: a file that became invalid since its preview (a partner
        deleted, a row imported by someone else) was rolled back whole, so say it failed and
        why, and log nothing (import-export would report success and log every row)."""
        problems = row_messages(result)
        if not problems:
            return super().process_result(result, request)
        shown = "; ".join(
            (_("dòng %(row)s: %(message)s") % {"row": row, "message": message}) if row else message
            for row, message in problems[:MESSAGES_SHOWN]
        )
        failed = _("Không nhập được tệp, không có dòng nào được ghi: %(problems)s")
        messages.error(request, failed % {"problems": shown})
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        data = getattr(form, "cleaned_data", None) or {}
        return {
            **super().get_import_resource_kwargs(request, **kwargs),
            "origin": data.get("origin"),
        }

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["origin"] = import_form.cleaned_data.get("origin", "")
        return initial

    def get_import_context_data(self, **kwargs):
        return {**super().get_import_context_data(**kwargs), "import_help": IMPORT_HELP}

    def get_search_results(self, request, queryset, search_term):
        """The search, and the records of a former province named by the whole term ("binh
        duong" lists Bình Dương's records as well as those whose text mentions it)."""
        results, may_have_duplicates = self.text_search_results(request, queryset, search_term)
        return with_named_origins(queryset, results, search_term), may_have_duplicates

    def save_model(self, request, obj, form, change):
        if not change and getattr(obj, "created_by_id", None) is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Many-to-many links and inlines are written without the record's save().
        super().save_related(request, form, formsets, change)
        stats_cache.data_changed()

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        field = super().formfield_for_choice_field(db_field, request, **kwargs)
        if db_field.name == "origin":
            # A form posted without it (older pages, scripts) keeps the default, the former
            # city; a blank value is still refused by the model's validation.
            field.required = False
        return field

    def text_search_results(self, request, queryset, search_term):
        if not search.is_searchable(self.model):
            return super().get_search_results(request, queryset, search_term)
        # Words, or "quoted phrases", as the admin's own search reads them.
        terms = [
            unescape_string_literal(term) if term[0] in "\"'" and term[-1] == term[0] else term
            for term in smart_split(search_term)
        ]
        return search.matching(queryset, terms), False  # subqueries: no duplicate rows

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.checkbox_fields:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def unaccent_search(*fields: str) -> list[str]:
    """Admin search fields that ignore Vietnamese diacritics and case."""
    return [f"{field}__unaccent" for field in fields]


def country_with_flag(country) -> str:
    """A country's flag (served from django-countries' static files) and its name."""
    if not country:
        return "–"
    return format_html(
        '<img src="{}" alt="" width="16" height="11" style="vertical-align:middle"> {}',
        country.flag,
        country_names().get(country.code, country.code),
    )
