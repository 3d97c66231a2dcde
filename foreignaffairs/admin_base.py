"""What every admin page for the department's records shares."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import SelectableFieldsExportForm
from simple_history.admin import SimpleHistoryAdmin

from foreignaffairs.importing import IMPORT_HELP, XLSX_CONTENT_TYPE, template_workbook
from foreignaffairs.resources import resource_for
from foreignaffairs.roles import can_delete

# The last fieldset of every domain form: where the information came from, and who entered it.
RECORD_FIELDSET = (
    _("Nguồn và thông tin bản ghi"),
    {
        "fields": ["source", "created_by", "created_at", "updated_at"],
        "classes": ["collapse"],
    },
)
RECORD_READONLY_FIELDS = ["created_by", "created_at", "updated_at"]


class ExportForm(SelectableFieldsExportForm):
    """The export form, listing columns by their Vietnamese (or English) header."""

    def _get_field_label(self, resource, field_name):
        return resource.fields[field_name].column_name


class DomainAdmin(ImportExportMixin, SimpleHistoryAdmin):
    """Base admin for the domain records: history (who changed what, when), authorship, and
    Excel/CSV import and export with the model's resource from `foreignaffairs.resources`.

    Search fields should use the `__unaccent` lookup (e.g. "title__unaccent") so that staff
    typing "da nang" find "Đà Nẵng" on PostgreSQL and SQLite alike.
    """

    formats = [XLSX, CSV]
    export_form_class = ExportForm
    import_template_name = "admin/foreignaffairs/import.html"

    list_per_page = 50
    show_full_result_count = False  # no second COUNT(*) over the whole table on each page
    # Many-to-many fields over a short reference list (pillars, cooperation fields), shown
    # as checkboxes rather than a multiple select.
    checkbox_fields: tuple[str, ...] = ()

    class Media:
        css = {"all": ["foreignaffairs/admin.css"]}

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            # The list's bulk delete: only for those allowed to delete anything.
            return super().has_delete_permission(request)
        return can_delete(request.user, obj)

    def revert_disabled(self, request, obj=None):
        """Restoring a deleted record from its history is for those who may delete (managers)."""
        if obj is not None and not self.model._default_manager.filter(pk=obj.pk).exists():
            return not super().has_delete_permission(request)
        return super().revert_disabled(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            history = self.model.history.filter(pk=version_id, id=object_id).first()
            if history is None or self.revert_disabled(request, history.instance):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    # Excel and CSV ------------------------------------------------------------------------

    def get_resource_classes(self, request):
        resource = resource_for(self.model)
        return [resource] if resource else []

    def has_import_permission(self, request):
        """Importing adds and changes records: both permissions, and a resource to do it."""
        return bool(
            resource_for(self.model)
            and self.has_add_permission(request)
            and self.has_change_permission(request)
        )

    def has_export_permission(self, request):
        return bool(resource_for(self.model) and self.has_view_permission(request))

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
        response = HttpResponse(
            template_workbook(resource_for(self.model)), content_type=XLSX_CONTENT_TYPE
        )
        name = slugify(str(self.model._meta.verbose_name_plural)) or self.model._meta.model_name
        response["Content-Disposition"] = f'attachment; filename="mau-{name}.xlsx"'
        return response

    def get_import_context_data(self, **kwargs):
        return {**super().get_import_context_data(**kwargs), "import_help": IMPORT_HELP}

    def save_model(self, request, obj, form, change):
        if not change and getattr(obj, "created_by_id", None) is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

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
        country.name,
    )
