"""What every admin page for the department's records shares."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

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


class DomainAdmin(SimpleHistoryAdmin):
    """Base admin for the domain records: history (who changed what, when) and authorship.

    Search fields should use the `__unaccent` lookup (e.g. "title__unaccent") so that staff
    typing "da nang" find "Đà Nẵng" on PostgreSQL and SQLite alike.
    """

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
